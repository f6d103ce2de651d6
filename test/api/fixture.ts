/**
 * A small hand-made graph, shaped as ingestion writes it (ids as src/graph/ids.ts makes them,
 * evidence on every relation), for the API tests: three meetings of two bodies, a fourth
 * undated one, and an officer, Helen Sweaton (also spelt "Helen Sweatton"), who presents
 * three items across two meetings. Every sentence is fiction written for the tests.
 */
import type { DocumentGraph, Evidence, GraphNode, NodeOf, NodeType, Relation, RelType } from '../../src/graph/model.ts';

const C = 'northby';
export const ID = {
  helen: `person:${C}:helen-sweaton`,
  mark: `person:${C}:mark-cumins`,
  brent: `person:${C}:brent`,
  cusworth: `person:${C}:cusworth`,
  ismail: `person:${C}:ismail`,
  bower: `person:${C}:bower`,
  jo: `person:${C}:jo-smith`,
  hannah: `person:${C}:hanah-sweting`,
  lonely: `person:${C}:lonely-person`,
  ilsc: `body:${C}:improving-lives-select-commission`,
  hwb: `body:${C}:health-and-wellbeing-board`,
  cabinet: `body:${C}:cabinet`,
  cyps: `body:${C}:children-and-young-peoples-services`,
  trust: `body:${C}:northby-care-trust`,
  jad: `role:${C}:joint-assistant-director-for-commissioning-and-performance`,
  hwbChairRole: `role:${C}:leader-of-the-council`,
  m1: `meeting:${C}:improving-lives-select-commission:2025-07-22`,
  m2: `meeting:${C}:improving-lives-select-commission:2025-11-04`,
  m3: `meeting:${C}:health-and-wellbeing-board:2025-09-10`,
  m4: `meeting:${C}:improving-lives-select-commission:undated-doc-m4`,
  i1a: `item:${C}:improving-lives-select-commission:2025-07-22:n14`,
  i1b: `item:${C}:improving-lives-select-commission:2025-07-22:n15`,
  i2a: `item:${C}:improving-lives-select-commission:2025-11-04:n14`,
  i2b: `item:${C}:improving-lives-select-commission:2025-11-04:n15`,
  i3a: `item:${C}:health-and-wellbeing-board:2025-09-10:n5`,
  i4a: `item:${C}:improving-lives-select-commission:undated-doc-m4:t-work-programme`,
  lac: `strategy:${C}:looked-after-children-sufficiency-strategy-2023-2027`,
  send: `strategy:${C}:send-sufficiency-strategy-2026-2029`,
  hws: `strategy:${C}:health-and-wellbeing-strategy`,
  care: 'topic:children-in-care',
  sendTopic: 'topic:send',
  req1: `request:${C}:improving-lives-select-commission:2025-07-22:n14:aaaaaaaaaa`,
  def1: `deferral:${C}:improving-lives-select-commission:2025-07-22:n15:bbbbbbbbbb`,
  doc1: 'doc:m1',
  doc2: 'doc:m2',
  doc3: 'doc:m3',
  doc4: 'doc:m4',
} as const;

interface Spec {
  doc: string;
  nodes: [NodeType, Record<string, unknown>][];
  /** [type, from, to, sentence, item?, props?] */
  facts: [RelType, string, string, string, string | null, Record<string, string | null>?][];
}

const person = (id: string, name: string, kind: string, aliases: string[] = []): [NodeType, Record<string, unknown>] => [
  'Person',
  { id, name, aliases, kind },
];

const SPECS: Spec[] = [
  {
    doc: ID.doc1,
    nodes: [
      ['Body', { id: ID.ilsc, name: 'Improving Lives Select Commission', kind: 'committee' }],
      ['Body', { id: ID.cyps, name: "Children and Young People's Services", kind: 'service' }],
      ['Meeting', { id: ID.m1, date: '2025-07-22', body: 'Improving Lives Select Commission', title: 'Improving Lives Select Commission, 2025-07-22' }],
      person(ID.helen, 'Helen Sweaton', 'officer'),
      person(ID.brent, 'Councillor Brent', 'councillor'),
      person(ID.cusworth, 'Councillor Cusworth', 'councillor'),
      person(ID.ismail, 'Councillor Ismail', 'councillor'),
      person(ID.bower, 'Councillor Bower', 'councillor'),
      ['Role', { id: ID.jad, title: 'Joint Assistant Director for Commissioning and Performance' }],
      ['Item', { id: ID.i1a, number: '14', title: "Children's and Young People's Service Annual Outturn Performance Report 2024-2025", meeting: ID.m1, ordinal: 0 }],
      ['Item', { id: ID.i1b, number: '15', title: 'Work Programme', meeting: ID.m1, ordinal: 1 }],
      ['Request', { id: ID.req1, text: 'additional information on the Empower Service', item: ID.i1a }],
      ['Deferral', { id: ID.def1, subject: 'Response to the Prevention of Future Deaths Report', to: '2025-12', from: '2025-07-22', item: ID.i1b }],
      ['Strategy', { id: ID.lac, name: "Looked After Children's Sufficiency Strategy 2023-2027", kind: 'strategy' }],
    ],
    facts: [
      ['HELD_BY', ID.m1, ID.ilsc, 'Minutes of the meeting of the Improving Lives Select Commission held on 22 July 2025.', null],
      ['SOURCED_FROM', ID.m1, ID.doc1, 'Minutes of the meeting of the Improving Lives Select Commission held on 22 July 2025.', null],
      ['CHAIRED', ID.brent, ID.m1, 'Present: Councillor Brent (in the Chair); Councillors Cusworth and Ismail.', null],
      ['ATTENDED', ID.brent, ID.m1, 'Present: Councillor Brent (in the Chair); Councillors Cusworth and Ismail.', null],
      ['ATTENDED', ID.ismail, ID.m1, 'Present: Councillor Brent (in the Chair); Councillors Cusworth and Ismail.', null],
      ['SENT_APOLOGIES', ID.bower, ID.m1, 'Apologies for absence were received from Councillor Bower.', null],
      ['HAS_ITEM', ID.m1, ID.i1a, "14. Children's and Young People's Service Annual Outturn Performance Report 2024-2025", ID.i1a],
      ['HAS_ITEM', ID.m1, ID.i1b, '15. Work Programme', ID.i1b],
      ['ATTENDED_ITEM', ID.cusworth, ID.i1a, 'The Chair welcomed Councillor Cusworth, Cabinet Member, and Helen Sweaton to the meeting.', ID.i1a],
      ['ATTENDED_ITEM', ID.helen, ID.i1a, 'The Chair welcomed Councillor Cusworth, Cabinet Member, and Helen Sweaton to the meeting.', ID.i1a],
      ['INTRODUCED', ID.cusworth, ID.i1a, 'Councillor Cusworth introduced the report.', ID.i1a],
      ['PRESENTED', ID.helen, ID.i1a, 'Helen Sweaton, Joint Assistant Director for Commissioning and Performance, presented the report.', ID.i1a],
      ['HOLDS_ROLE', ID.helen, ID.jad, 'Helen Sweaton, Joint Assistant Director for Commissioning and Performance, presented the report.', ID.i1a, { seen: '2025-07-22' }],
      ['OF', ID.jad, ID.cyps, 'Helen Sweaton, Joint Assistant Director for Commissioning and Performance, presented the report.', ID.i1a],
      ['IN', ID.req1, ID.i1a, 'Resolved: that additional information on the Empower Service be provided to members.', ID.i1a],
      ['REQUESTED', ID.ilsc, ID.req1, 'Resolved: that additional information on the Empower Service be provided to members.', ID.i1a],
      ['IN', ID.def1, ID.i1b, 'The Response to the Prevention of Future Deaths Report would move to December.', ID.i1b],
      ['DEFERRED_TO', ID.i1b, ID.def1, 'The Response to the Prevention of Future Deaths Report would move to December.', ID.i1b, { by: 'the Chair' }],
      ['ABOUT', ID.i1a, ID.lac, "The report covered progress on the Looked After Children's Sufficiency Strategy 2023-2027.", ID.i1a],
    ],
  },
  {
    doc: ID.doc2,
    nodes: [
      ['Body', { id: ID.ilsc, name: 'Improving Lives Select Commission', kind: 'committee' }],
      ['Meeting', { id: ID.m2, date: '2025-11-04', body: 'Improving Lives Select Commission', title: 'Improving Lives Select Commission, 2025-11-04' }],
      person(ID.helen, 'Helen Sweaton', 'officer', ['Helen Sweatton']),
      person(ID.mark, 'Mark Cummins', 'officer'),
      person(ID.brent, 'Councillor Brent', 'councillor'),
      person(ID.cusworth, 'Councillor Cusworth', 'councillor'),
      ['Role', { id: ID.jad, title: 'Joint Assistant Director for Commissioning and Performance' }],
      ['Item', { id: ID.i2a, number: '14', title: "The Looked After Children's Sufficiency Strategy 2023-2027 Update", meeting: ID.m2, ordinal: 0 }],
      ['Item', { id: ID.i2b, number: '15', title: 'Draft SEND Sufficiency Strategy 2026-2029 Update', meeting: ID.m2, ordinal: 1 }],
      ['Strategy', { id: ID.lac, name: "Looked After Children's Sufficiency Strategy 2023-2027", kind: 'strategy' }],
      ['Strategy', { id: ID.send, name: 'SEND Sufficiency Strategy 2026-2029', kind: 'strategy' }],
      ['Topic', { id: ID.care, name: 'Children in care' }],
      ['Topic', { id: ID.sendTopic, name: 'SEND' }],
    ],
    facts: [
      ['HELD_BY', ID.m2, ID.ilsc, 'Minutes of the Improving Lives Select Commission, 4 November 2025.', null],
      ['SOURCED_FROM', ID.m2, ID.doc2, 'Minutes of the Improving Lives Select Commission, 4 November 2025.', null],
      ['CHAIRED', ID.brent, ID.m2, 'Councillor Brent in the Chair.', null],
      ['ATTENDED', ID.brent, ID.m2, 'Present: Councillors Brent and Cusworth.', null],
      ['ATTENDED', ID.cusworth, ID.m2, 'Present: Councillors Brent and Cusworth.', null],
      ['HAS_ITEM', ID.m2, ID.i2a, "14. The Looked After Children's Sufficiency Strategy 2023-2027 Update", ID.i2a],
      ['HAS_ITEM', ID.m2, ID.i2b, '15. Draft SEND Sufficiency Strategy 2026-2029 Update', ID.i2b],
      ['PRESENTED', ID.mark, ID.i2a, 'Mark Cummins and Helen Sweatton presented the update.', ID.i2a],
      ['PRESENTED', ID.helen, ID.i2a, 'Mark Cummins and Helen Sweatton presented the update.', ID.i2a],
      ['PRESENTED', ID.helen, ID.i2b, 'Helen Sweaton gave a presentation on the draft strategy.', ID.i2b],
      ['HOLDS_ROLE', ID.helen, ID.jad, 'Helen Sweaton, the Joint Assistant Director for Commissioning and Performance, gave a presentation.', ID.i2b, { seen: '2025-11-04' }],
      ['ABOUT', ID.i2a, ID.lac, "The Looked After Children's Sufficiency Strategy 2023-2027 Update was considered.", ID.i2a],
      ['ABOUT', ID.i2a, ID.care, 'Members discussed placements for children in care.', ID.i2a],
      ['ABOUT', ID.i2b, ID.send, 'The Draft SEND Sufficiency Strategy 2026-2029 was presented.', ID.i2b],
      ['ABOUT', ID.i2b, ID.sendTopic, 'The Draft SEND Sufficiency Strategy 2026-2029 was presented.', ID.i2b],
    ],
  },
  {
    doc: ID.doc3,
    nodes: [
      ['Body', { id: ID.hwb, name: 'Health and Wellbeing Board', kind: 'board' }],
      ['Body', { id: ID.cabinet, name: 'Cabinet', kind: 'committee' }],
      ['Body', { id: ID.trust, name: 'Northby Care Trust', kind: 'partner' }],
      ['Meeting', { id: ID.m3, date: '2025-09-10', body: 'Health and Wellbeing Board', title: 'Health and Wellbeing Board, 2025-09-10' }],
      person(ID.jo, 'Jo Smith', 'external'),
      person(ID.hannah, 'Hannah Sweeting', 'officer'),
      person(ID.cusworth, 'Councillor Cusworth', 'councillor'),
      ['Role', { id: ID.hwbChairRole, title: 'Leader of the Council' }],
      ['Item', { id: ID.i3a, number: '5', title: 'Better Care Fund', meeting: ID.m3, ordinal: 0 }],
      ['Strategy', { id: ID.hws, name: 'Health and Wellbeing Strategy', kind: 'strategy' }],
      ['Strategy', { id: ID.lac, name: "Looked After Children's Sufficiency Strategy 2023-2027", kind: 'strategy' }],
    ],
    facts: [
      ['HELD_BY', ID.m3, ID.hwb, 'Health and Wellbeing Board, 10 September 2025.', null],
      ['SOURCED_FROM', ID.m3, ID.doc3, 'Health and Wellbeing Board, 10 September 2025.', null],
      ['CHAIRED', ID.cusworth, ID.m3, 'Councillor Cusworth in the Chair.', null],
      ['ATTENDED', ID.hannah, ID.m3, 'Present: Councillor Cusworth, Hannah Sweeting and Jo Smith.', null],
      ['ATTENDED', ID.jo, ID.m3, 'Present: Councillor Cusworth, Hannah Sweeting and Jo Smith.', null],
      ['HAS_ITEM', ID.m3, ID.i3a, '5. Better Care Fund', ID.i3a],
      ['PRESENTED', ID.jo, ID.i3a, 'Jo Smith, Northby Care Trust, presented the Better Care Fund plan.', ID.i3a],
      ['REPRESENTS', ID.jo, ID.trust, 'Jo Smith, Northby Care Trust, presented the Better Care Fund plan.', ID.i3a],
      ['ABOUT', ID.i3a, ID.hws, 'The plan delivers the Health and Wellbeing Strategy.', ID.i3a],
      ['ABOUT', ID.i3a, ID.lac, "It also supports the Looked After Children's Sufficiency Strategy 2023-2027.", ID.i3a],
      ['APPROVED_BY', ID.hws, ID.hwb, 'The Board approved the Health and Wellbeing Strategy.', ID.i3a, { date: '2025-09-10' }],
      ['REPORTS_TO', ID.hwb, ID.cabinet, 'The Board reports to Cabinet.', null],
      ['CHAIRED_BY', ID.hwb, ID.hwbChairRole, 'The Board is chaired by the Leader of the Council.', null],
      ['CHAIRED_BY', ID.hwb, ID.cusworth, 'Councillor Cusworth chairs the Board.', null],
    ],
  },
  {
    doc: ID.doc4,
    nodes: [
      ['Body', { id: ID.ilsc, name: 'Improving Lives Select Commission', kind: 'committee' }],
      ['Meeting', { id: ID.m4, date: null, body: 'Improving Lives Select Commission', title: 'Improving Lives Select Commission, date unknown' }],
      person(ID.lonely, 'Lonely Person', 'external'),
      ['Item', { id: ID.i4a, number: null, title: 'Work Programme', meeting: ID.m4, ordinal: 0 }],
    ],
    facts: [
      ['HELD_BY', ID.m4, ID.ilsc, 'Improving Lives Select Commission.', null],
      ['SOURCED_FROM', ID.m4, ID.doc4, 'Improving Lives Select Commission.', null],
      ['HAS_ITEM', ID.m4, ID.i4a, 'Work Programme', ID.i4a],
      ['ATTENDED_ITEM', ID.lonely, ID.i4a, 'Lonely Person attended for the work programme.', ID.i4a],
    ],
  },
];

/** The fixture as ingestion would hand it to `writeDocument`, one graph per document. */
/** Each fixture document's text: its sentences one a line, so every evidence span points into it. */
export function fixtureTexts(): Map<string, string> {
  return new Map(built().map((b) => [b.graph.doc.id, b.text]));
}

export function fixtureGraphs(): DocumentGraph[] {
  return built().map((b) => b.graph);
}

function built(): { graph: DocumentGraph; text: string }[] {
  return SPECS.map((spec) => {
    const name = spec.doc.slice(4);
    const text: string[] = [];
    let offset = 0;
    const spans = new Map<string, [number, number]>();
    const evidence = (sentence: string, item: string | null): Evidence => {
      let span = spans.get(sentence);
      if (!span) {
        span = [offset, offset + sentence.length];
        spans.set(sentence, span);
        text.push(sentence);
        offset += sentence.length + 1;
      }
      return { doc: spec.doc, item, start: span[0], end: span[1], sentence };
    };
    const relations: Relation[] = spec.facts.map(([type, from, to, sentence, item, props]) => ({
      type,
      from,
      to,
      props: props ?? {},
      evidence: evidence(sentence, item),
    }));
    const doc: NodeOf<'Document'> = { id: spec.doc, path: `fixture/${name}.txt`, name: `${name}.txt`, sha256: `sha-${name}`, format: 'txt' };
    const nodes: GraphNode[] = [
      { type: 'Document', props: doc },
      ...spec.nodes.map(([type, props]) => ({ type, props }) as GraphNode),
    ];
    return { graph: { doc, nodes, relations }, text: `${text.join('\n')}\n` };
  });
}
