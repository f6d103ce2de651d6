/**
 * A synthetic council written straight into a real store, for the benchmark (and for
 * dashboard development before the sample corpus is ingestible): one DocumentGraph per
 * meeting, every relation with an evidence sentence, ids shaped like src/graph/ids.ts makes.
 * Deterministic: the same options give the same graph.
 */
import type { DocumentGraph, GraphNode, NodeType, Relation, RelType } from '../../src/graph/model.ts';

export interface CouncilOptions {
  meetings: number;
  /** People besides the hub person; each attends some meetings. */
  people: number;
  /** Meetings the hub person attends (they present one item at each of the first `hubPresents`). */
  hubAttends: number;
  hubPresents: number;
}

export const HUB_ID = 'person:fictional:alexandra-hub';
export const HUB_NAME = 'Alexandra Hubbard';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

const FIRST = ['Ann', 'Ben', 'Cara', 'Dev', 'Ella', 'Finn', 'Gita', 'Hugo', 'Iris', 'Jon', 'Kay', 'Liam', 'Maya', 'Nia', 'Owen', 'Pia'];
const LAST = ['Ashdown', 'Bramley', 'Colby', 'Dunmore', 'Ewell', 'Farrow', 'Gosling', 'Harcourt', 'Ilsley', 'Jessop', 'Kember', 'Lydd'];
const BODIES = ['Cabinet', 'Health Select Commission', 'Improving Lives Select Commission', 'Audit Committee', 'Planning Board'];
const STRATEGIES = ['SEND Sufficiency Strategy', 'Early Help Strategy', 'Housing Strategy', 'Climate Action Plan'];

/** Each synthetic document's text: its sentences one a line, as the evidence offsets count them. */
export function councilTexts(docs: readonly DocumentGraph[]): Map<string, string> {
  return new Map(
    docs.map((d) => {
      const spans = [...new Map(d.relations.map((r) => [r.evidence.start, r.evidence])).values()].sort((a, b) => a.start - b.start);
      let text = '';
      for (const e of spans) text = `${text.padEnd(e.start, ' ')}${e.sentence}`;
      return [d.doc.id, `${text}\n`];
    }),
  );
}

/**
 * One meeting's minutes of about `bytes` characters (fictional filler between the facts), with
 * the hub person presenting an item whose sentence sits past the middle: the source viewer's
 * benchmark document.
 */
export function longMinutes(bytes: number): { graph: DocumentGraph; text: string; personId: string; itemId: string } {
  const docId = 'doc:synthetic-long';
  const meetingId = 'meeting:fictional:cabinet:2025-12-02:long';
  const bodyId = 'body:fictional:cabinet';
  const itemId = 'item:fictional:cabinet:2025-12-02:long:7';
  const filler = (n: number) =>
    Array.from({ length: n }, (_, i) => `${i + 1}. The Panel discussed the quarterly figures for service area ${i + 1} and asked officers to report back on progress in the spring.`).join('\n');
  const head = 'Minutes of the meeting of the Cabinet held on 2 December 2025.\n';
  // Lines of filler to make up `bytes`: three fifths before the statement, two after.
  const lines = Math.ceil(bytes / (filler(1).length + 1));
  const before = `${head}${filler(Math.ceil(lines * 0.6))}\n`;
  const sentence = `${HUB_NAME} presented the Housing Strategy annual review, noting that the targets for the year had been met.`;
  const after = `\n${filler(Math.ceil(lines * 0.4))}\n`;
  const text = `${before}${sentence}${after}`;
  const at = (s: string, item: string | null = null) => {
    const start = text.indexOf(s);
    return { doc: docId, item, start, end: start + s.length, sentence: s };
  };
  const graph: DocumentGraph = {
    doc: { id: docId, path: 'synthetic/cabinet-long.txt', name: 'cabinet-long.txt', sha256: 'synthetic-long', format: 'txt' },
    nodes: [
      { type: 'Body', props: { id: bodyId, name: 'Cabinet', kind: 'council' } },
      { type: 'Meeting', props: { id: meetingId, date: '2025-12-02', body: 'Cabinet', title: 'Cabinet, 2025-12-02' } },
      { type: 'Item', props: { id: itemId, number: '7', title: 'Housing Strategy annual review', meeting: meetingId, ordinal: 6 } },
      { type: 'Person', props: { id: HUB_ID, name: HUB_NAME, aliases: [], kind: 'councillor' } },
    ] as GraphNode[],
    relations: [
      { type: 'HELD_BY', from: meetingId, to: bodyId, props: {}, evidence: at(head.trim()) },
      { type: 'SOURCED_FROM', from: meetingId, to: docId, props: {}, evidence: at(head.trim()) },
      { type: 'HAS_ITEM', from: meetingId, to: itemId, props: {}, evidence: { ...at(sentence, itemId), sentence: 'Housing Strategy annual review' } },
      { type: 'PRESENTED', from: HUB_ID, to: itemId, props: {}, evidence: at(sentence, itemId) },
    ],
  };
  return { graph, text, personId: HUB_ID, itemId };
}

export function buildCouncil(options: CouncilOptions): DocumentGraph[] {
  const random = rng(42);
  const people = Array.from({ length: options.people }, (_, i) => {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${i}` : ''}`;
    return { id: `person:fictional:p${i}`, name };
  });
  const docs: DocumentGraph[] = [];
  const start = Date.UTC(2023, 0, 10);
  for (let m = 0; m < options.meetings; m++) {
    const bodyName = BODIES[m % BODIES.length]!;
    const bodyId = `body:fictional:${bodyName.toLowerCase().replace(/[^a-z]+/g, '-')}`;
    const date = new Date(start + m * 5 * 86_400_000).toISOString().slice(0, 10);
    const meetingId = `meeting:${bodyId.slice(5)}:${date}:${m}`;
    const docId = `doc:synthetic-${m}`;
    const docName = `${bodyName.toLowerCase().replace(/[^a-z]+/g, '-')}-${date}.txt`;
    const nodes: GraphNode[] = [];
    const relations: Relation[] = [];
    let cursor = 0;
    const sentence = (text: string, item: string | null = null) => {
      const ev = { doc: docId, item, start: cursor, end: cursor + text.length, sentence: text };
      cursor += text.length + 1;
      return ev;
    };
    const node = (type: NodeType, props: Record<string, unknown>) => nodes.push({ type, props } as GraphNode);
    const rel = (type: RelType, from: string, to: string, text: string, item: string | null = null) =>
      relations.push({ type, from, to, props: {}, evidence: sentence(text, item) });

    node('Body', { id: bodyId, name: bodyName, kind: m % BODIES.length === 0 ? 'council' : 'committee' });
    node('Meeting', { id: meetingId, date, body: bodyId, title: `${bodyName} – ${date}` });
    rel('HELD_BY', meetingId, bodyId, `Minutes of the meeting of the ${bodyName} held on ${date}.`);
    rel('SOURCED_FROM', meetingId, docId, `Minutes of the meeting of the ${bodyName} held on ${date}.`);

    const present: { id: string; name: string }[] = [];
    if (m < options.hubAttends) present.push({ id: HUB_ID, name: HUB_NAME });
    for (const p of people) if (random() < 0.12) present.push(p);
    const chair = present[present.length - 1];
    for (const p of present) {
      node('Person', { id: p.id, name: p.name, aliases: p.id === HUB_ID ? ['Alex Hubbard'] : [], kind: 'councillor' });
      rel('ATTENDED', p.id, meetingId, `Present: Councillor ${p.name}.`);
    }
    if (chair) rel('CHAIRED', chair.id, meetingId, `Councillor ${chair.name} in the Chair.`);

    const strategyName = STRATEGIES[m % STRATEGIES.length]!;
    const strategyId = `strategy:fictional:${strategyName.toLowerCase().replace(/[^a-z]+/g, '-')}`;
    const itemId = `item:${meetingId.slice(8)}:1`;
    const title = `${strategyName} update`;
    node('Item', { id: itemId, number: `${m + 1}`, title, meeting: meetingId, ordinal: 0 });
    node('Strategy', { id: strategyId, name: strategyName, kind: 'strategy' });
    rel('HAS_ITEM', meetingId, itemId, `${m + 1}. ${title}`, itemId);
    rel('ABOUT', itemId, strategyId, `Consideration was given to the ${strategyName}.`, itemId);
    if (m < options.hubPresents) {
      rel('PRESENTED', HUB_ID, itemId, `${HUB_NAME} presented the ${strategyName} update.`, itemId);
    }
    docs.push({
      doc: { id: docId, path: `synthetic/${docName}`, name: docName, sha256: `synthetic-${m}`, format: 'txt' },
      nodes,
      relations,
    });
  }
  return docs;
}
