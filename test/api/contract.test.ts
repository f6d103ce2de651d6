/**
 * Every field of the schema contract (issue 4), on the fixture, against each store: the
 * headline question first, then each type's fields with their evidence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ID } from './fixture.ts';
import { apiOver, type ApiHarness, names, type OpenedStore, sorted, STORE_CASES } from './harness.ts';

describe.each(STORE_CASES)('GraphQL contract on the $name store', (storeCase) => {
  let opened: OpenedStore;
  let h: ApiHarness;
  beforeAll(async () => {
    opened = await storeCase.open();
    h = await apiOver(opened.store, storeCase.apiOptions);
  });
  afterAll(async () => {
    await h?.api.stop();
    await opened?.close();
  });

  it('answers "which items did Helen Sweaton present?" with items, meetings and bodies', async () => {
    const d = await h.data(`{ person(name: "Helen Sweaton") {
      id name presented { id number title meeting { date body { name } } } } }`);
    expect(d.person.id).toBe(ID.helen);
    expect(d.person.presented).toEqual([
      {
        id: ID.i1a,
        number: '14',
        title: "Children's and Young People's Service Annual Outturn Performance Report 2024-2025",
        meeting: { date: '2025-07-22', body: { name: 'Improving Lives Select Commission' } },
      },
      {
        id: ID.i2a,
        number: '14',
        title: "The Looked After Children's Sufficiency Strategy 2023-2027 Update",
        meeting: { date: '2025-11-04', body: { name: 'Improving Lives Select Commission' } },
      },
      {
        id: ID.i2b,
        number: '15',
        title: 'Draft SEND Sufficiency Strategy 2026-2029 Update',
        meeting: { date: '2025-11-04', body: { name: 'Improving Lives Select Commission' } },
      },
    ]);
  });

  it('person(name) resolves aliases, misspellings, titles and surnames; null when unknown', async () => {
    const q = `query($n: String!) { person(name: $n) { id } }`;
    const idOf = async (n: string) => (await h.data(q, { n })).person?.id ?? null;
    expect(await idOf('Helen Sweatton')).toBe(ID.helen); // stored alias
    expect(await idOf('helen  SWEATON')).toBe(ID.helen); // case and spacing
    expect(await idOf('Helen Sweeton')).toBe(ID.helen); // one letter off, not stored anywhere
    expect(await idOf('Dr Helen Sweaton')).toBe(ID.helen); // a title
    expect(await idOf('H Sweaton')).toBe(ID.helen); // an initial
    expect(await idOf('Cllr Cusworth')).toBe(ID.cusworth); // "Councillor Cusworth"
    expect(await idOf('Cusworth')).toBe(ID.cusworth); // surname alone
    expect(await idOf('Mark Cumins')).toBe(ID.mark);
    expect(await idOf('Hannah Sweeting')).toBe(ID.hannah); // near Helen Sweaton, but not her
    expect(await idOf('Nobody Atall')).toBeNull();
    expect(await idOf('Councillor')).toBeNull(); // a title is not a name
    expect(await idOf("x' OR 1=1 //")).toBeNull(); // reaches the store only as a parameter
  });

  it('Person: name, aliases, roles with tenure, presented, introduced, attended, chaired, apologies', async () => {
    const d = await h.data(`{
      helen: person(name: "Helen Sweaton") { name aliases kind
        roles { title body { name } firstSeen lastSeen role { id } evidence { sentence } }
        introduced { id } chaired { id } apologies { id } attended { id date } }
      cusworth: person(name: "Councillor Cusworth") { introduced { id } chaired { id date } attended { id } }
      bower: person(name: "Bower") { apologies { id date } attended { id } }
    }`);
    expect(d.helen.name).toBe('Helen Sweaton');
    expect(d.helen.aliases).toEqual(['Helen Sweatton']);
    expect(d.helen.kind).toBe('officer');
    expect(d.helen.roles).toHaveLength(1);
    expect(d.helen.roles[0]).toMatchObject({
      title: 'Joint Assistant Director for Commissioning and Performance',
      body: { name: "Children and Young People's Services" },
      firstSeen: '2025-07-22',
      lastSeen: '2025-11-04',
      role: { id: ID.jad },
    });
    expect(d.helen.roles[0].evidence.length).toBe(2);
    expect(d.helen.introduced).toEqual([]);
    expect(d.helen.chaired).toEqual([]);
    expect(d.helen.apologies).toEqual([]);
    expect(d.helen.attended).toEqual([
      { id: ID.m1, date: '2025-07-22' },
      { id: ID.m2, date: '2025-11-04' },
    ]);
    expect(d.cusworth.introduced).toEqual([{ id: ID.i1a }]);
    expect(d.cusworth.chaired).toEqual([{ id: ID.m3, date: '2025-09-10' }]);
    expect(d.cusworth.attended.map((m: { id: string }) => m.id)).toEqual([ID.m1, ID.m3, ID.m2]);
    expect(d.bower.apologies).toEqual([{ id: ID.m1, date: '2025-07-22' }]);
    expect(d.bower.attended).toEqual([]);
  });

  it('Person lists page with first/offset', async () => {
    const d = await h.data(`{ person(name: "Helen Sweaton") {
      a: presented(first: 2) { id } b: presented(first: 2, offset: 2) { id } c: presented(first: 0) { id } } }`);
    expect(d.person.a.map((i: { id: string }) => i.id)).toEqual([ID.i1a, ID.i2a]);
    expect(d.person.b.map((i: { id: string }) => i.id)).toEqual([ID.i2b]);
    expect(d.person.c).toEqual([]);
  });

  it('Meeting: id, date, body, chair, members, apologies, attendees, items, sources', async () => {
    const d = await h.data(`query($id: ID!) { meeting(id: $id) {
      id date title body { id name kind } chair { name } members { name } apologies { name }
      attendees { name } items { id number title } sources { id name format path sha256 meetings { id } }
      evidence { sentence source { id } } } }`, { id: ID.m1 });
    const m = d.meeting;
    expect(m.id).toBe(ID.m1);
    expect(m.date).toBe('2025-07-22');
    expect(m.body).toEqual({ id: ID.ilsc, name: 'Improving Lives Select Commission', kind: 'committee' });
    expect(m.chair).toEqual({ name: 'Councillor Brent' });
    expect(names(m.members)).toEqual(['Councillor Brent', 'Councillor Ismail']);
    expect(names(m.apologies)).toEqual(['Councillor Bower']);
    // Everyone who attended: chair, members present, and item attendees/presenters/introducers.
    expect(sorted(names(m.attendees))).toEqual(['Councillor Brent', 'Councillor Cusworth', 'Councillor Ismail', 'Helen Sweaton']);
    expect(names(m.attendees)[0]).toBe('Councillor Brent');
    expect(m.items.map((i: { number: string }) => i.number)).toEqual(['14', '15']);
    expect(m.sources).toEqual([{ id: ID.doc1, name: 'm1.txt', format: 'txt', path: 'fixture/m1.txt', sha256: 'sha-m1', meetings: [{ id: ID.m1 }] }]);
    expect(m.evidence[0].source.id).toBe(ID.doc1);
    expect(m.evidence[0].sentence).toMatch(/Improving Lives Select Commission held on 22 July 2025/);
  });

  it('an undated meeting has date null, no chair, and its item attendees as attendees', async () => {
    const d = await h.data(`query($id: ID!) { meeting(id: $id) { date chair { name } members { name } attendees { name } items { number title } } }`, { id: ID.m4 });
    expect(d.meeting).toEqual({ date: null, chair: null, members: [], attendees: [{ name: 'Lonely Person' }], items: [{ number: null, title: 'Work Programme' }] });
  });

  it('meeting(id) is null for an unknown id', async () => {
    expect((await h.data(`{ meeting(id: "meeting:nowhere") { id } }`)).meeting).toBeNull();
  });

  it('Item: every field, with evidence', async () => {
    const d = await h.data(`query($a: ID!, $b: ID!, $c: ID!) {
      a: item(id: $a) { id number title meeting { id } attendees { name } presenters { name } introducers { name }
        requests { id text by { name } item { id } evidence { sentence start end source { id } } }
        deferrals { subject } strategies { name } topics { name } evidence { sentence source { id } item { id } } ordinal }
      b: item(id: $b) { deferrals { id subject to from by item { id } evidence { sentence source { name } } } requests { text } }
      c: item(id: $c) { strategies { id name kind } topics { id name } presenters { name }
        participation { relation person { name } evidence { sentence } } about { subject { __typename ... on Strategy { name } ... on Topic { name } } evidence { sentence } } }
    }`, { a: ID.i1a, b: ID.i1b, c: ID.i2a });
    const a = d.a;
    expect(a.id).toBe(ID.i1a);
    expect(a.number).toBe('14');
    expect(a.ordinal).toBe(0);
    expect(a.meeting.id).toBe(ID.m1);
    expect(names(a.attendees)).toEqual(['Councillor Cusworth', 'Helen Sweaton']);
    expect(names(a.presenters)).toEqual(['Helen Sweaton']);
    expect(names(a.introducers)).toEqual(['Councillor Cusworth']);
    expect(a.requests).toHaveLength(1);
    expect(a.requests[0]).toMatchObject({ id: ID.req1, text: 'additional information on the Empower Service', by: { name: 'Improving Lives Select Commission' }, item: { id: ID.i1a } });
    const ev = a.requests[0].evidence[0];
    expect(ev.sentence).toBe('Resolved: that additional information on the Empower Service be provided to members.');
    expect(ev.end - ev.start).toBe(ev.sentence.length);
    expect(ev.source.id).toBe(ID.doc1);
    expect(a.deferrals).toEqual([]);
    expect(names(a.strategies)).toEqual(["Looked After Children's Sufficiency Strategy 2023-2027"]);
    expect(a.topics).toEqual([]);
    expect(a.evidence).toEqual([{ sentence: "14. Children's and Young People's Service Annual Outturn Performance Report 2024-2025", source: { id: ID.doc1 }, item: { id: ID.i1a } }]);

    expect(d.b.requests).toEqual([]);
    expect(d.b.deferrals).toEqual([
      {
        id: ID.def1,
        subject: 'Response to the Prevention of Future Deaths Report',
        to: '2025-12',
        from: '2025-07-22',
        by: 'the Chair',
        item: { id: ID.i1b },
        evidence: [{ sentence: 'The Response to the Prevention of Future Deaths Report would move to December.', source: { name: 'm1.txt' } }],
      },
    ]);

    expect(d.c.strategies).toEqual([{ id: ID.lac, name: "Looked After Children's Sufficiency Strategy 2023-2027", kind: 'strategy' }]);
    expect(d.c.topics).toEqual([{ id: ID.care, name: 'Children in care' }]);
    expect(names(d.c.presenters)).toEqual(['Helen Sweaton', 'Mark Cummins']);
    const presented = d.c.participation.filter((p: { relation: string }) => p.relation === 'PRESENTED');
    expect(sorted(presented.map((p: { person: { name: string } }) => p.person.name))).toEqual(['Helen Sweaton', 'Mark Cummins']);
    for (const p of presented) expect(p.evidence[0].sentence).toBe('Mark Cummins and Helen Sweatton presented the update.');
    expect(sorted(d.c.about.map((x: { subject: { __typename: string } }) => x.subject.__typename))).toEqual(['Strategy', 'Topic']);
  });

  it('every relation a user sees has evidence: presented items, attendance, roles', async () => {
    const d = await h.data(`{ person(name: "Helen Sweaton") {
      itemParticipation(relation: PRESENTED) { item { id } evidence { sentence start end source { name } item { id } } }
      meetingParticipation { relation } }
      meeting(id: "${ID.m1}") { participation { relation person { name } evidence { sentence } } } }`);
    const ip = d.person.itemParticipation;
    expect(ip.map((p: { item: { id: string } }) => p.item.id)).toEqual([ID.i1a, ID.i2a, ID.i2b]);
    expect(ip[0].evidence).toEqual([
      expect.objectContaining({ sentence: 'Helen Sweaton, Joint Assistant Director for Commissioning and Performance, presented the report.', source: { name: 'm1.txt' }, item: { id: ID.i1a } }),
    ]);
    expect(ip[1].evidence[0].sentence).toBe('Mark Cummins and Helen Sweatton presented the update.');
    expect(d.person.meetingParticipation).toEqual([]);
    const mp = d.meeting.participation.map((p: { relation: string; person: { name: string } }) => `${p.relation} ${p.person.name}`);
    expect(sorted(mp)).toEqual(['ATTENDED Councillor Brent', 'ATTENDED Councillor Ismail', 'CHAIRED Councillor Brent', 'SENT_APOLOGIES Councillor Bower']);
    expect(d.meeting.participation.every((p: { evidence: unknown[] }) => p.evidence.length > 0)).toBe(true);
  });

  it('meetings(): all, by body name or id, by date range, paged', async () => {
    const ids = async (args: string) => (await h.data(`{ meetings${args} { id } }`)).meetings.map((m: { id: string }) => m.id);
    expect(await ids('')).toEqual([ID.m1, ID.m3, ID.m2, ID.m4]); // oldest first, undated last
    expect(await ids('(body: "Improving Lives Select Commission")')).toEqual([ID.m1, ID.m2, ID.m4]);
    expect(await ids(`(body: "${ID.hwb}")`)).toEqual([ID.m3]);
    expect(await ids('(body: "wellbeing")')).toEqual([ID.m3]);
    expect(await ids('(body: "No Such Body")')).toEqual([]);
    expect(await ids('(from: "2025-08", to: "2025-12-31")')).toEqual([ID.m3, ID.m2]);
    expect(await ids('(to: "2025-09")')).toEqual([ID.m1, ID.m3]);
    expect(await ids('(from: "2025")')).toEqual([ID.m1, ID.m3, ID.m2]);
    expect(await ids('(body: "Improving Lives Select Commission", from: "2025-08")')).toEqual([ID.m2]);
    expect(await ids('(first: 2, offset: 1)')).toEqual([ID.m3, ID.m2]);
    const bad = await h.run('{ meetings(from: "last week") { id } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('people(), bodies(), strategies(), topics() search and page', async () => {
    const d = await h.data(`{
      all: people { name } sw: people(search: "swe") { name } alias: people(search: "sweatton") { name } page: people(first: 2, offset: 1) { id }
      bodies { name kind } b: bodies(search: "board") { name }
      strategies { name } s: strategies(search: "SUFFICIENCY") { name } topics { name } }`);
    expect(d.all).toHaveLength(9);
    expect(sorted(names(d.sw))).toEqual(['Hannah Sweeting', 'Helen Sweaton']);
    expect(names(d.alias)).toEqual(['Helen Sweaton']);
    expect(d.page).toHaveLength(2);
    expect(d.bodies).toHaveLength(5);
    expect(names(d.b)).toEqual(['Health and Wellbeing Board']);
    expect(d.strategies).toHaveLength(3);
    expect(sorted(names(d.s))).toEqual(["Looked After Children's Sufficiency Strategy 2023-2027", 'SEND Sufficiency Strategy 2026-2029']);
    expect(sorted(names(d.topics))).toEqual(['Children in care', 'SEND']);
  });

  it('Body: meetings, reporting lines, chairs, requests, approvals, roles', async () => {
    const d = await h.data(`{
      hwb: body(id: "${ID.hwb}") { name kind meetings { id } reportsTo { body { name } evidence { sentence } } reportedToBy { body { name } }
        chairedBy { person { name } role { title } evidence { sentence } } approved { strategy { name } date evidence { sentence } } }
      cabinet: body(id: "${ID.cabinet}") { reportedToBy { body { name } } meetings { id } }
      ilsc: body(id: "${ID.ilsc}") { requests { text } meetings(from: "2025-10") { id } }
      cyps: body(id: "${ID.cyps}") { roles { title holders { name } body { name } } } }`);
    expect(d.hwb.meetings).toEqual([{ id: ID.m3 }]);
    expect(d.hwb.reportsTo).toEqual([{ body: { name: 'Cabinet' }, evidence: [{ sentence: 'The Board reports to Cabinet.' }] }]);
    expect(d.hwb.reportedToBy).toEqual([]);
    expect(d.hwb.chairedBy).toHaveLength(2);
    expect(d.hwb.chairedBy).toContainEqual({ person: null, role: { title: 'Leader of the Council' }, evidence: [{ sentence: 'The Board is chaired by the Leader of the Council.' }] });
    expect(d.hwb.chairedBy).toContainEqual({ person: { name: 'Councillor Cusworth' }, role: null, evidence: [{ sentence: 'Councillor Cusworth chairs the Board.' }] });
    expect(d.hwb.approved).toEqual([{ strategy: { name: 'Health and Wellbeing Strategy' }, date: '2025-09-10', evidence: [{ sentence: 'The Board approved the Health and Wellbeing Strategy.' }] }]);
    expect(d.cabinet).toEqual({ reportedToBy: [{ body: { name: 'Health and Wellbeing Board' } }], meetings: [] });
    expect(d.ilsc.requests).toEqual([{ text: 'additional information on the Empower Service' }]);
    expect(d.ilsc.meetings).toEqual([{ id: ID.m2 }]);
    expect(d.cyps.roles).toEqual([{ title: 'Joint Assistant Director for Commissioning and Performance', holders: [{ name: 'Helen Sweaton' }], body: { name: "Children and Young People's Services" } }]);
  });

  it("a strategy's history: discussions oldest first, approvals folded in, first/last seen", async () => {
    const d = await h.data(`{
      lac: strategies(search: "Looked After") { firstSeen lastSeen items { id } history { date kind meeting { id } item { id } body { name } evidence { sentence } } }
      hws: strategies(search: "Health and Wellbeing") { history { date kind body { name } } approvals { body { name } date } } }`);
    const lac = d.lac[0];
    expect(lac.firstSeen).toBe('2025-07-22');
    expect(lac.lastSeen).toBe('2025-11-04');
    expect(lac.items.map((i: { id: string }) => i.id)).toEqual([ID.i1a, ID.i3a, ID.i2a]);
    expect(lac.history.map((e: { date: string; body: { name: string } }) => `${e.date} ${e.body.name}`)).toEqual([
      '2025-07-22 Improving Lives Select Commission',
      '2025-09-10 Health and Wellbeing Board',
      '2025-11-04 Improving Lives Select Commission',
    ]);
    expect(lac.history.every((e: { kind: string; evidence: unknown[] }) => e.kind === 'DISCUSSED' && e.evidence.length === 1)).toBe(true);
    expect(d.hws[0].history).toEqual([
      { date: '2025-09-10', kind: 'DISCUSSED', body: { name: 'Health and Wellbeing Board' } },
      { date: '2025-09-10', kind: 'APPROVED', body: { name: 'Health and Wellbeing Board' } },
    ]);
    expect(d.hws[0].approvals).toEqual([{ body: { name: 'Health and Wellbeing Board' }, date: '2025-09-10' }]);
  });

  it('Topic: items about it', async () => {
    const d = await h.data(`{ topic(id: "${ID.care}") { name items { id } } }`);
    expect(d.topic).toEqual({ name: 'Children in care', items: [{ id: ID.i2a }] });
  });

  it('search(): hits over names, titles, roles and strategies, best first', async () => {
    const d = await h.data(`{ s: search(text: "sufficiency") { id type label score entity { __typename } }
      r: search(text: "Joint Assistant Director") { type label entity { ... on Role { holders { name } } } }
      one: search(text: "sufficiency", first: 1) { id } }`);
    const types = new Set(d.s.map((x: { type: string }) => x.type));
    expect(types.has('Strategy')).toBe(true);
    expect(types.has('Item')).toBe(true);
    for (const hit of d.s) {
      expect(hit.label.toLowerCase()).toContain('sufficiency');
      expect(hit.entity.__typename).toBe(hit.type);
    }
    const scores = d.s.map((x: { score: number }) => x.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(d.r[0]).toEqual({ type: 'Role', label: 'Joint Assistant Director for Commissioning and Performance', entity: { holders: [{ name: 'Helen Sweaton' }] } });
    expect(d.one).toHaveLength(1);
  });

  it('neighbourhood(): nodes and edges around an entity, by depth and type', async () => {
    const d = await h.data(`{
      one: neighbourhood(id: "${ID.helen}") { nodes { id type label } edges { id type from to evidence { sentence } properties { key value } } truncated }
      two: neighbourhood(id: "${ID.helen}", depth: 2, types: ["PRESENTED"]) { nodes { id } edges { type } }
      items: neighbourhood(id: "${ID.helen}", types: ["Item"]) { nodes { type } }
      none: neighbourhood(id: "person:northby:nobody") { nodes { id } edges { id } } }`);
    const one = d.one;
    expect(sorted(one.nodes.map((n: { id: string }) => n.id))).toEqual(sorted([ID.helen, ID.i1a, ID.i2a, ID.i2b, ID.jad]));
    expect(one.truncated).toBe(false);
    for (const e of one.edges) expect([e.from, e.to]).toContain(ID.helen);
    expect(new Set(one.edges.map((e: { id: string }) => e.id)).size).toBe(one.edges.length);
    const role = one.edges.filter((e: { type: string }) => e.type === 'HOLDS_ROLE');
    expect(role.map((e: { properties: { key: string; value: string }[] }) => e.properties.find((p) => p.key === 'seen')?.value).sort()).toEqual(['2025-07-22', '2025-11-04']);
    expect(one.nodes.find((n: { id: string }) => n.id === ID.helen).label).toBe('Helen Sweaton');
    // Depth 2 over PRESENTED edges only: Helen, her three items, and their other presenter.
    expect(sorted(d.two.nodes.map((n: { id: string }) => n.id))).toEqual(sorted([ID.helen, ID.i1a, ID.i2a, ID.i2b, ID.mark]));
    expect(new Set(d.two.edges.map((e: { type: string }) => e.type))).toEqual(new Set(['PRESENTED']));
    expect(d.items.nodes.filter((n: { type: string }) => n.type !== 'Item')).toEqual([{ type: 'Person' }]);
    expect(d.none).toEqual({ nodes: [], edges: [] });
    const bad = await h.run(`{ neighbourhood(id: "${ID.helen}", types: ["Persons"]) { nodes { id } } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/Unknown type.*"Persons"/);
  });

  it('path(): the shortest connection with evidence; null when none within maxHops', async () => {
    const d = await h.data(`{
      p: path(from: "${ID.helen}", to: "${ID.mark}") { nodes { id type } edges { type from to evidence { sentence } } }
      far: path(from: "${ID.lonely}", to: "${ID.jo}", maxHops: 1) { nodes { id } }
      self: path(from: "${ID.helen}", to: "${ID.helen}") { nodes { id } edges { id } } }`);
    expect(d.p.nodes).toHaveLength(3);
    expect(d.p.nodes[0].id).toBe(ID.helen);
    expect(d.p.nodes[2].id).toBe(ID.mark);
    expect(d.p.nodes[1]).toEqual({ id: ID.i2a, type: 'Item' });
    expect(d.p.edges).toHaveLength(2);
    for (const e of d.p.edges) {
      expect(e.type).toBe('PRESENTED');
      expect(e.evidence.sentence).toBe('Mark Cummins and Helen Sweatton presented the update.');
    }
    expect(d.far).toBeNull();
    expect(d.self.nodes).toEqual([{ id: ID.helen }]);
  });

  it('path(): unknown ids are named in the error; relations chooses the types, apologies left out by default', async () => {
    const bad = await h.run(`{ path(from: "${ID.helen}", to: "person:nowhere:nobody") { nodes { id } } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.message).toMatch(/to: no entity has the id "person:nowhere:nobody".*person\(name:/);
    const both = await h.run('{ path(from: "x", to: "y") { nodes { id } } }');
    expect(both.errors?.[0]?.message).toMatch(/from: .*"x"; to: .*"y"/);
    const types = await h.run(`{ path(from: "${ID.helen}", to: "${ID.mark}", relations: ["PRESENTS"]) { nodes { id } } }`);
    expect(types.errors?.[0]?.message).toMatch(/Unknown relation type.*"PRESENTS"/);
    // Councillor Bower only sent apologies to m1: no connection unless apologies are allowed.
    const d = await h.data(`{
      none: path(from: "${ID.bower}", to: "${ID.m1}", maxHops: 1) { nodes { id } }
      asked: path(from: "${ID.bower}", to: "${ID.m1}", maxHops: 1, relations: ["SENT_APOLOGIES"]) { edges { type } }
      attended: path(from: "${ID.helen}", to: "${ID.mark}", relations: ["ATTENDED"]) { nodes { id } } }`);
    expect(d.none).toBeNull();
    expect(d.asked.edges).toEqual([{ type: 'SENT_APOLOGIES' }]);
    expect(d.attended).toBeNull();
  });

  it('Meeting.items pages with first/offset', async () => {
    const d = await h.data(`{ meeting(id: "${ID.m1}") { all: items { id } one: items(first: 1) { id } rest: items(offset: 1) { id } past: items(offset: 500) { id } } }`);
    const all = d.meeting.all.map((i: { id: string }) => i.id);
    expect(all.length).toBeGreaterThan(1);
    expect(d.meeting.one.map((i: { id: string }) => i.id)).toEqual(all.slice(0, 1));
    expect(d.meeting.rest.map((i: { id: string }) => i.id)).toEqual(all.slice(1));
    expect(d.meeting.past).toEqual([]);
  });

  it('search(): the person person(name:) finds comes first ("Cllr Cusworth")', async () => {
    const d = await h.data('{ a: search(text: "Cllr Cusworth", first: 3) { id type label } b: search(text: "Helen Sweatton") { id } }');
    expect(d.a[0]).toMatchObject({ type: 'Person', id: ID.cusworth });
    expect(d.b[0].id).toBe(ID.helen);
    expect(new Set(d.b.map((x: { id: string }) => x.id)).size).toBe(d.b.length);
  });

  it('refuses deep offsets and long strings with BAD_USER_INPUT; a page past the end is empty', async () => {
    const deep = await h.run('{ people(first: 10, offset: 200000) { name } }');
    expect(deep.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(deep.errors?.[0]?.message).toMatch(/offset must be between 0 and 100000/);
    const past = await h.data('{ people(first: 10, offset: 99999) { name } meetings(offset: 50000) { id } }');
    expect(past).toEqual({ people: [], meetings: [] });
    const long = 'x'.repeat(201);
    for (const q of [
      `{ people(search: "${long}") { name } }`,
      `{ bodies(search: "${long}") { name } }`,
      `{ strategies(search: "${long}") { name } }`,
      `{ topics(search: "${long}") { name } }`,
      `{ meetings(body: "${long}") { id } }`,
      `{ person(name: "${long}") { name } }`,
      `{ search(text: "${long}") { id } }`,
      `{ meeting(id: "${'x'.repeat(401)}") { id } }`,
    ]) {
      const r = await h.run(q);
      expect(r.errors?.[0]?.extensions?.code, q.slice(0, 30)).toBe('BAD_USER_INPUT');
      expect(r.errors?.[0]?.message).toMatch(/characters long, above the limit of (200|400)/);
    }
    const viaVariable = await h.run('query($s: String) { people(search: $s) { name } }', { s: long });
    expect(viaVariable.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('entity(id) and stats', async () => {
    const d = await h.data(`{ e: entity(id: "${ID.helen}") { __typename ... on Person { name } }
      doc: entity(id: "${ID.doc2}") { __typename ... on Source { name } } missing: entity(id: "nothing") { __typename }
      stats { documents nodes { type count } relations { type count } } }`);
    expect(d.e).toEqual({ __typename: 'Person', name: 'Helen Sweaton' });
    expect(d.doc).toEqual({ __typename: 'Source', name: 'm2.txt' });
    expect(d.missing).toBeNull();
    expect(d.stats.documents).toBe(4);
    const count = (list: { type: string; count: number }[], t: string) => list.find((x) => x.type === t)?.count;
    expect(count(d.stats.nodes, 'Person')).toBe(9);
    expect(count(d.stats.nodes, 'Meeting')).toBe(4);
    expect(count(d.stats.relations, 'PRESENTED')).toBe(5);
  });
});
