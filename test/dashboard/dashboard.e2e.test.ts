/**
 * End to end, as an analyst uses it: `councilgraph ingest` of the sample corpus (and the real
 * seeds, where ../shared has them), `councilgraph serve`, then Debian's headless Chromium on the
 * dashboard. Expected values come from the same server's GraphQL API; what the dashboard shows
 * is read from its state and on-screen graph (window.councilgraph) or its DOM, never from
 * pixels. Every wait is on state, none on time. Screenshots land in test-artifacts/dashboard/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { parseCsv } from '../../src/dashboard/tables/csv.ts';
import { municipalYear } from '../../src/dashboard/tables/dates.ts';
import { ARTIFACTS, CHROMIUM, launch, NO_CHROMIUM_MESSAGE, type Session } from './browser.ts';
import { gql, SAMPLE_CORPUS, SEEDS, serveCorpus, type CliServer } from './cli-server.ts';
import { edgePosition, expectAccessible, inPage, labelLayout, nodePosition, waitStatus } from './page.ts';

if (!CHROMIUM) console.warn(NO_CHROMIUM_MESSAGE);
const HAVE_SEEDS = existsSync(SEEDS) && readdirSync(SEEDS).length > 0;
if (!HAVE_SEEDS) console.warn(`SKIPPED the seeds' attendance matrix: no real minutes at ${SEEDS} (../shared/corpus/seeds); the samples' matrix still runs.`);

const ROOT = join(import.meta.dirname, '..', '..');

function bundleIsStale(): boolean {
  const built = join(ROOT, 'dist', 'dashboard', 'index.html');
  if (!existsSync(built)) return true;
  const sources = readdirSync(join(ROOT, 'src', 'dashboard'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => statSync(join(e.parentPath, e.name)).mtimeMs);
  sources.push(statSync(join(ROOT, 'vite.dashboard.config.ts')).mtimeMs);
  return Math.max(...sources) > statSync(built).mtimeMs;
}

/** Filters and panels update synchronously; the margin is for a loaded CI machine. */
const POLL = { timeout: 10_000 };

const SUBGRAPH = `nodes { id type } edges { type from to evidence { sentence start end source { id name } meeting { date } } }`;

interface Sub {
  nodes: { id: string; type: string }[];
  edges: { type: string; from: string; to: string; evidence: { sentence: string; start: number; end: number; source: { id: string; name: string }; meeting: { date: string | null } | null } }[];
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** Labels on the graph: inside the visible area, none over another. */
async function expectReadableLabels(page: Page): Promise<void> {
  const { boxes, width, height } = await labelLayout(page);
  expect(boxes.length).toBeGreaterThan(0);
  for (const b of boxes) {
    expect(b.x1, `label box ${JSON.stringify(b)} in ${width}×${height}`).toBeGreaterThanOrEqual(0);
    expect(b.y1).toBeGreaterThanOrEqual(0);
    expect(b.x2).toBeLessThanOrEqual(width + 0.5);
    expect(b.y2).toBeLessThanOrEqual(height + 0.5);
  }
  const overlaps = boxes.flatMap((a, i) => boxes.filter((b, j) => j > i && a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).map((b) => [a, b]));
  expect(overlaps, 'labels drawn over one another').toEqual([]);
}

describe.skipIf(!CHROMIUM)('dashboard in headless Chromium on the sample corpus (and the seeds, where present)', () => {
  let server: CliServer;
  let session: Session;
  let page: Page;
  let person: { id: string; name: string };
  let neighbourhood: Sub;

  beforeAll(async () => {
    // Test the current sources: rebuild the bundle the server serves when it is missing or older
    // than them (npm install's prepare normally leaves it fresh, so CI does not rebuild).
    if (bundleIsStale()) await build({ configFile: join(ROOT, 'vite.dashboard.config.ts'), logLevel: 'error' });
    // COUNCILGRAPH_E2E_URL points the tests at a server already running (for debugging).
    const external = process.env.COUNCILGRAPH_E2E_URL;
    server = external ? { url: external.replace(/\/$/, ''), db: '', close: async () => {} } : await serveCorpus(HAVE_SEEDS ? [SAMPLE_CORPUS, SEEDS] : [SAMPLE_CORPUS]);
    // The person with most items presented or introduced: the headline question's kind of person.
    const { people } = await gql<{ people: { id: string; name: string; presented: { id: string }[]; introduced: { id: string }[] }[] }>(
      server.url,
      `{ people(first: 300) { id name presented(first: 50) { id } introduced(first: 50) { id } } }`,
    );
    person = [...people].sort((a, b) => b.presented.length + b.introduced.length - (a.presented.length + a.introduced.length))[0]!;
    neighbourhood = (await gql<{ neighbourhood: Sub }>(server.url, `query($id: ID!) { neighbourhood(id: $id) { ${SUBGRAPH} } }`, { id: person.id })).neighbourhood;
    session = await launch();
    page = session.context.pages()[0] ?? (await session.context.newPage());
    page.on('pageerror', (err) => console.error(`dashboard page error: ${err.message}`));
  }, 300_000);

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('starts where the analyst is: bodies, latest meetings, most active people and strategies', async () => {
    const { overview } = await gql<{ overview: { bodies: { body: { id: string } }[]; latestMeetings: { id: string }[]; people: { person: { id: string } }[]; strategies: { strategy: { id: string } }[] } }>(
      server.url,
      `{ overview(first: 8) { bodies { body { id } } latestMeetings { id } people { person { id } } strategies { strategy { id } } } }`,
    );
    await page.goto(`${server.url}/`);
    await waitStatus(page, 'home');
    const ids = (testId: string) => page.locator(`[data-testid=${testId}]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
    expect(await ids('home-body')).toEqual(overview.bodies.map((b) => b.body.id));
    expect(await ids('home-meeting')).toEqual(overview.latestMeetings.map((m) => m.id));
    expect(await ids('home-person')).toEqual(overview.people.map((p) => p.person.id));
    expect(await ids('home-strategy')).toEqual(overview.strategies.map((s) => s.strategy.id));
    // Latest meetings lead with their date, newest first.
    const first = await page.locator('[data-testid=home-meeting] .home-label').allTextContents();
    expect(first[0]).toMatch(/^\d{4}-\d{2}-\d{2} · /);
    await shot(page, '01-home');
    await expectAccessible(page, 'the home view');
  });

  it('finds a person by type-ahead and draws exactly the neighbourhood the API returns', async () => {
    const surname = person.name.split(/\s+/).pop()!;
    await page.fill('[data-testid=search]', surname.slice(0, Math.max(3, surname.length - 1)));
    const hit = page.locator(`.search-hit[data-id="${person.id}"]`);
    await hit.waitFor();
    await hit.click();
    await waitStatus(page, 'ready');
    const expectedNodes = new Set(neighbourhood.nodes.map((n) => n.id));
    const expectedEdges = new Set(neighbourhood.edges.map((e) => `${e.from}|${e.type}|${e.to}`));
    const drawn = await inPage<{ order: number; size: number; visible: { nodes: number; edges: number }; ids: string[] }>(
      page,
      `(cg) => ({ order: cg.graph.order, size: cg.graph.size, visible: cg.view.visibleCounts(), ids: cg.graph.nodes() })`,
    );
    expect(new Set(drawn.ids)).toEqual(expectedNodes);
    expect(drawn.size).toBe(expectedEdges.size);
    expect(drawn.visible).toEqual({ nodes: expectedNodes.size, edges: expectedEdges.size });
    await expect.poll(() => page.textContent('[data-testid=counts]'), POLL).toContain(`${expectedNodes.size} node`);
    // The panel shows the person (not the help text), and the URL says so.
    await expect.poll(() => page.textContent('[data-testid=panel-title]'), POLL).toBe(person.name);
    expect(page.url()).toContain(`open=${encodeURIComponent(person.id)}`);
    await expectReadableLabels(page);
    await shot(page, '02-person-1440');
    await expectAccessible(page, 'a person’s graph and panel');
  });

  it('finds a councillor written as person(name:) reads names ("Cllr Aldous" is Councillor Aldous)', async () => {
    await page.fill('[data-testid=search]', 'Cllr Aldous');
    const hit = page.locator('.search-hit[data-type=Person]', { hasText: 'Aldous' }).first();
    await hit.waitFor();
    expect(await hit.textContent()).toMatch(/Aldous/);
    await page.fill('[data-testid=search]', '');
  });

  it('lists every relation between two nodes, each with its own evidence', async () => {
    // A pair joined by more than one relation (attended an item and presented it), at a meeting
    // whose minutes give its date (the citation below shows it).
    const pair = neighbourhood.edges.find((e) => e.evidence.meeting?.date && neighbourhood.edges.some((f) => f !== e && f.from === e.from && f.to === e.to && f.type !== e.type))!;
    expect(pair, 'the person should attend and present (or introduce) the same item').toBeTruthy();
    const key = `${pair.from}|${pair.type}|${pair.to}`;
    const relations = [...new Set(neighbourhood.edges.filter((e) => e.from === pair.from && e.to === pair.to).map((e) => e.type))].sort();
    const box = (await page.locator('#graph').boundingBox())!;
    const at = (await edgePosition(page, key))!;
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForSelector('#panel[data-kind=edge] [data-testid=relation]');
    const shown = await page.locator('#panel [data-testid=relation]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rel-type')));
    expect([...shown].sort()).toEqual(relations);
    for (const type of relations) {
      const sentences = neighbourhood.edges.filter((e) => e.from === pair.from && e.to === pair.to && e.type === type).map((e) => e.evidence.sentence.trim().slice(0, 50));
      const text = await page.locator(`#panel [data-testid=relation][data-rel-type=${type}]`).textContent();
      for (const s of sentences) expect(text).toContain(s);
    }
    // Citations give the meeting's date (or say it is not stated) and body, not the file's name.
    const cites = await page.locator('#panel [data-testid=evidence-cite]').allTextContents();
    for (const cite of cites) {
      expect(cite).toMatch(/^(?:\d{4}-\d{2}-\d{2}|date not stated) · \S/);
      expect(cite).not.toMatch(/\.(?:txt|md|html?|pdf)\b/);
    }
    await shot(page, '03-edge-every-relation');
  });

  it('opens the evidence in the minutes, the exact sentence highlighted at its offsets', async () => {
    await page.locator('#panel [data-testid=read-evidence]').first().click();
    await page.waitForSelector('[data-testid=reader-mark]');
    const shown = await page.evaluate(() => {
      const mark = document.querySelector('[data-testid=reader-mark]') as HTMLElement;
      const pre = document.querySelector('[data-testid=reader-text]') as HTMLElement;
      const box = mark.getBoundingClientRect();
      const view = pre.getBoundingClientRect();
      return {
        marked: mark.textContent,
        before: (pre.firstChild as Text).data.length,
        start: Number(mark.dataset.start),
        end: Number(mark.dataset.end),
        item: document.querySelector('[data-testid=reader-item]')?.textContent,
        visible: box.top >= view.top && box.bottom <= view.bottom,
        url: location.hash,
      };
    });
    const reading = await inPage<{ doc: string; start: number; end: number }>(page, `(cg) => cg.state.url.reading`);
    const { entity } = await gql<{ entity: { text: string } }>(server.url, `query($id: ID!) { entity(id: $id) { ... on Source { text } } }`, { id: reading.doc });
    expect(shown.start).toBe(reading.start);
    expect(shown.end).toBe(reading.end);
    expect(shown.before).toBe(reading.start);
    expect(shown.marked).toBe(entity.text.slice(reading.start, reading.end));
    const sentence = await inPage<string>(page, `(cg) => cg.state.reader.entries[cg.state.reader.index].sentence`);
    expect(shown.marked!.replace(/\s+/g, ' ')).toContain(sentence.replace(/\s+/g, ' ').trim().slice(0, 40));
    expect(shown.item).toMatch(/^Item |Outside any item/);
    expect(shown.visible, 'the highlighted sentence is scrolled into view').toBe(true);
    expect(shown.url).toContain('read=');
    await shot(page, '04-reader-1440');
    await expectAccessible(page, 'the source viewer');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=reader]', { state: 'hidden' });
  });

  it('shows the person’s record as tables, and the CSV holds the same rows', async () => {
    const { entity } = await gql<{ entity: { itemParticipation: unknown[]; meetingParticipation: unknown[] } }>(
      server.url,
      `query($id: ID!) { entity(id: $id) { ... on Person { itemParticipation(first: 1000) { relation } meetingParticipation(first: 1000) { relation } } } }`,
      { id: person.id },
    );
    await page.click('[data-testid=tab-table]');
    await page.waitForSelector('[data-testid=table-person-items] table');
    expect(await page.locator('[data-testid=table-person-items] tbody tr').count()).toBe(entity.itemParticipation.length);
    const meetingRows = await page.locator('[data-testid=table-person-meetings] tbody tr').count();
    expect(meetingRows).toBe(entity.meetingParticipation.length);
    expect(await page.locator('[data-testid=table-person-declarations]').textContent()).toContain('Declarations of interest');
    const cells = await page.locator('[data-testid=table-person-items] tbody tr').evaluateAll((rows) =>
      rows.map((r) => Array.from(r.querySelectorAll('td')).slice(0, 4).map((c) => (c.textContent ?? '').trim())),
    );
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=csv-person-items]')]);
    expect(download.suggestedFilename()).toMatch(/-person-items\.csv$/);
    const csv = parseCsv(readFileSync((await download.path())!, 'utf8'));
    expect(csv[0]).toEqual(['Date', 'Role', 'Item', 'Body', 'Evidence']);
    expect(csv.slice(1).map((r) => r.slice(0, 4))).toEqual(cells.map((r) => r.map((c) => (c === '—' ? '' : c))));
    expect(csv.slice(1).every((r) => r[4]!.startsWith('"'))).toBe(true);
    // Sorting by date, newest first, reverses the (date-ordered) rows.
    await page.click('[data-testid=table-person-items] [data-testid=sort-date]');
    await page.click('[data-testid=table-person-items] [data-testid=sort-date]');
    expect(await page.locator('[data-testid=table-person-items] th[aria-sort=descending]').count()).toBe(1);
    const dates = await page.locator('[data-testid=table-person-items] tbody tr td:first-child').allTextContents();
    const known = dates.filter((d) => /^\d/.test(d));
    expect(known).toEqual([...known].sort().reverse());
    // Undated rows stay last whichever way the column is sorted.
    expect(dates.slice(known.length).every((d) => !/^\d/.test(d))).toBe(true);
    await shot(page, '05-person-table');
    await expectAccessible(page, 'a person’s tables');
  });

  async function checkMatrix(bodyName: string, label: string): Promise<void> {
    const { bodies } = await gql<{ bodies: { id: string; name: string; meetings: { id: string; date: string | null; participation: { relation: string; person: { id: string; name: string } }[] }[] }[] }>(
      server.url,
      `query($n: String) { bodies(search: $n, first: 5) { id name meetings(first: 100) { id date participation { relation person { id name } } } } }`,
      { n: bodyName },
    );
    const body = bodies.find((b) => b.name === bodyName)!;
    expect(body, `${bodyName} should be in the graph`).toBeTruthy();
    const years = [...new Set(body.meetings.map((m) => municipalYear(m.date)).filter((y): y is string => y !== null))].sort().reverse();
    await page.goto(`${server.url}/#open=${encodeURIComponent(body.id)}&view=table`);
    await waitStatus(page, 'ready');
    for (const year of years) {
      const meetings = body.meetings.filter((m) => municipalYear(m.date) === year).sort((a, b) => a.date!.localeCompare(b.date!));
      const members = new Map(meetings.flatMap((m) => m.participation.map((p) => [p.person.id, p.person.name] as const)));
      const table = page.locator(`[data-testid=table-attendance-${year.replace('/', '-')}]`);
      await table.waitFor();
      expect(await table.locator('thead th').allTextContents()).toEqual(['Member', ...meetings.map((m) => m.date), 'Present', 'Apologies', 'Absent'].map((t) => expect.stringContaining(t!)));
      const rows = await table.locator('tbody tr').evaluateAll((trs) =>
        trs.map((tr) => ({ name: tr.querySelector('th')!.textContent!.trim(), marks: Array.from(tr.querySelectorAll('td .mark-cell')).map((c) => c.textContent!.trim()) })),
      );
      expect(new Set(rows.map((r) => r.name))).toEqual(new Set(members.values()));
      for (const row of rows) {
        const id = [...members].find(([, n]) => n === row.name)![0];
        const expected = meetings.map((m) => {
          const rels = m.participation.filter((p) => p.person.id === id).map((p) => p.relation);
          if (rels.some((r) => r !== 'SENT_APOLOGIES')) return 'Present';
          if (rels.length) return 'Apologies';
          return m.participation.length ? 'Absent' : 'Not recorded';
        });
        expect(row.marks, `${row.name} in ${year}`).toEqual(expected);
      }
    }
    await shot(page, `06-attendance-${label}`);
  }

  it('draws the attendance matrix of the samples’ scrutiny commission by municipal year', async () => {
    await checkMatrix("Children and Young People's Scrutiny Commission", 'samples');
    await expectAccessible(page, 'a body’s tables');
  });

  it.skipIf(!HAVE_SEEDS)('draws the attendance matrix of the seeds’ commission', async () => {
    await checkMatrix('Improving Lives Select Commission', 'seeds');
  });

  it('finds a path between two people that avoids "sent apologies" unless asked', async () => {
    // Someone who sent apologies to a meeting, and someone present at it.
    const { meetings } = await gql<{ meetings: { id: string; participation: { relation: string; person: { id: string; name: string } }[] }[] }>(
      server.url,
      `{ meetings(first: 500) { id participation { relation person { id name } } } }`,
    );
    const m = meetings.find((x) => x.participation.some((p) => p.relation === 'SENT_APOLOGIES') && x.participation.some((p) => p.relation === 'ATTENDED'))!;
    expect(m, 'a meeting with apologies and members present').toBeTruthy();
    const absent = m.participation.find((p) => p.relation === 'SENT_APOLOGIES')!.person;
    const present = m.participation.find((p) => p.relation === 'ATTENDED' && p.person.id !== absent.id)!.person;
    const q = `query($a: ID!, $b: ID!, $r: [String!]) { path(from: $a, to: $b, maxHops: 6, relations: $r) { edges { type } nodes { id } } }`;
    const viaAbsence = (await gql<{ path: { edges: { type: string }[] } | null }>(server.url, q, { a: absent.id, b: present.id, r: ['SENT_APOLOGIES', 'ATTENDED'] })).path;
    expect(viaAbsence?.edges.map((e) => e.type)).toContain('SENT_APOLOGIES');
    const expected = (await gql<{ path: { edges: { type: string }[]; nodes: { id: string }[] } | null }>(server.url, q, { a: absent.id, b: present.id })).path;

    await page.goto(`${server.url}/#open=${encodeURIComponent(absent.id)}`);
    await waitStatus(page, 'ready');
    await page.click('[data-testid=action-path]');
    await page.fill('[data-testid=path-search]', present.name);
    await page.locator(`.pathbar .search-hit[data-id="${present.id}"]`).first().click();
    await page.waitForSelector(expected ? '[data-testid=path-steps]' : '[data-testid=path-none]');
    const steps = await page.locator('[data-testid=path-edge]').allTextContents();
    expect(steps.join(' ')).not.toContain('sent apologies');
    if (expected) {
      expect(steps.length).toBe(expected.edges.length);
      const onScreen = await inPage<string[]>(page, `(cg) => [...cg.view.pathNodes].sort()`);
      expect(onScreen).toEqual(expected.nodes.map((n) => n.id).sort());
    }
    await shot(page, '07-path-without-absences');
    // Asked for, the absence is a step.
    await page.check('[data-testid=path-absences]');
    await page.waitForSelector('[data-testid=path-steps]');
    await expect.poll(async () => (await page.locator('[data-testid=path-edge]').allTextContents()).join(' '), POLL).toContain('sent apologies');
    expect(page.url()).toContain('pa=1');
  });

  it('reopens a shared link on the entity’s panel and the same view', async () => {
    await page.goto(`${server.url}/#open=${encodeURIComponent(person.id)}`);
    await waitStatus(page, 'ready');
    const meeting = await inPage<string>(page, `(cg) => cg.graph.findNode((n, a) => a.nodeType === 'Meeting' || a.nodeType === 'Item')`);
    const box = (await page.locator('#graph').boundingBox())!;
    const at = (await nodePosition(page, meeting))!;
    await page.mouse.dblclick(box.x + at.x, box.y + at.y);
    await page.waitForFunction((id) => window.councilgraph!.state.url.expanded.includes(id), meeting);
    await page.evaluate((id) => window.councilgraph!.selectNode(id), meeting);
    const url = page.url();
    const before = await inPage<{ ids: string[]; state: Record<string, unknown> }>(page, `(cg) => ({ ids: cg.graph.nodes().sort(), state: cg.state.url })`);
    const second = await session.context.newPage();
    await second.goto(url);
    await waitStatus(second, 'ready');
    const after = await inPage<typeof before>(second, `(cg) => ({ ids: cg.graph.nodes().sort(), state: cg.state.url })`);
    expect(after.ids).toEqual(before.ids);
    const pick = (s: Record<string, unknown>) => ({ open: s.open, expanded: s.expanded, selected: s.selected, view: s.view });
    expect(pick(after.state)).toEqual(pick(before.state));
    const title = await inPage<string>(page, `(cg) => cg.labelOf(${JSON.stringify(meeting)})`);
    await expect.poll(() => second.locator('#panel[data-kind=node] [data-testid=panel-title]').textContent(), POLL).toContain(title.split(' · ')[0]!);
    expect(await second.locator('#panel').textContent()).not.toContain('Double-click');
    await shot(second, '08-reloaded-link');
    await second.close();
  });

  it('filters by node type, relation type and date, and keeps filters in the URL', async () => {
    const count = () => inPage<{ nodes: number; edges: number }>(page, `(cg) => cg.view.visibleCounts()`);
    const meetings = await inPage<number>(page, `(cg) => cg.graph.filterNodes((n, a) => a.nodeType === 'Meeting').length`);
    const all = await count();
    await page.locator('[data-node-type=Meeting]').uncheck();
    await expect.poll(async () => (await count()).nodes, POLL).toBe(all.nodes - meetings);
    expect(page.url()).toContain('hn=Meeting');
    await page.locator('[data-node-type=Meeting]').check();
    await expect.poll(async () => (await count()).nodes, POLL).toBe(all.nodes);
    const dated = await inPage<number>(page, `(cg) => cg.graph.filterNodes((n, a) => a.nodeType === 'Meeting' && a.date).length`);
    await page.fill('[data-testid=date-to]', '1990-01-01');
    await page.locator('[data-testid=date-to]').dispatchEvent('change');
    await expect.poll(async () => (await count()).nodes, POLL).toBeLessThanOrEqual(all.nodes - dated);
    expect(page.url()).toContain('to=1990-01-01');
    await page.click('[data-testid=filters-reset]');
    await expect.poll(async () => (await count()).nodes, POLL).toBe(all.nodes);
  });

  it('tells presenting from attending on the person’s timeline', async () => {
    await page.evaluate((id) => window.councilgraph!.selectNode(id), person.id);
    await page.click('[data-testid=tab-timeline]');
    await page.waitForSelector('[data-testid=timeline-chart]');
    const relations = await page.locator('[data-testid=timeline-chart] .timeline-mark').evaluateAll((els) => els.map((e) => e.getAttribute('data-relation')));
    expect(relations.some((r) => r === 'presented' || r === 'introduced')).toBe(true);
    expect(page.url()).toContain('view=timeline');
    await shot(page, '09-timeline');
    await page.click('[data-testid=tab-graph]');
  });

  it('exports the view as GraphML and PNG', async () => {
    const visible = await inPage<{ nodes: number; edges: number }>(page, `(cg) => cg.view.visibleCounts()`);
    const [graphml] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-graphml]')]);
    const xml = readFileSync((await graphml.path())!, 'utf8');
    expect(xml.match(/<node /g)?.length).toBe(visible.nodes);
    expect(xml.match(/<edge /g)?.length).toBe(visible.edges);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-png]')]);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    await png.saveAs(join(ARTIFACTS, '13-exported-view.png'));
  });

  it('keeps labels readable and unclipped at 1024×768', async () => {
    const small = await session.context.newPage();
    await small.setViewportSize({ width: 1024, height: 768 });
    await small.goto(`${server.url}/#open=${encodeURIComponent(person.id)}`);
    await waitStatus(small, 'ready');
    await expectReadableLabels(small);
    await shot(small, '10-person-1024');
    const { bodies } = await gql<{ bodies: { id: string }[] }>(server.url, `{ bodies(first: 1, search: "Scrutiny Commission") { id } }`);
    await small.goto(`${server.url}/#open=${encodeURIComponent(bodies[0]!.id)}`);
    await waitStatus(small, 'ready');
    await expectReadableLabels(small);
    await shot(small, '11-body-1024');
    await small.goto(`${server.url}/`);
    await waitStatus(small, 'home');
    await shot(small, '12-home-1024');
    await small.close();
  });

  it('keeps the ledger: a request answered at a later meeting shows as answered, with the answering item', async () => {
    const { requests, deferrals } = await gql<{
      requests: { id: string; status: string; item: { id: string; decisions: { id: string }[]; declarations: { person: { name: string } }[] }; answeredIn: { id: string } | null }[];
      deferrals: { id: string; overdue: boolean }[];
    }>(server.url, `{ requests(status: ANSWERED, first: 100) { id status item { id decisions { id } declarations { person { name } } } answeredIn { id } }
        deferrals(overdue: true, first: 100) { id overdue } }`);
    expect(requests.length, 'the sample minutes answer a request at a later meeting').toBeGreaterThan(0);
    expect(deferrals.length, 'the sample minutes have an overdue deferral').toBeGreaterThan(0);
    const answered = requests.find((r) => r.item.decisions.length > 0 && r.item.declarations.length > 0) ?? requests[0]!;
    await page.click('[data-testid=tab-ledger]');
    const row = page.locator(`[data-testid=ledger-row][data-id="${answered.id}"]`);
    await row.waitFor(POLL);
    expect(page.url()).toContain('view=ledger');
    expect(await row.getAttribute('data-status')).toBe('ANSWERED');
    expect(await row.locator('[data-testid=ledger-status]').textContent()).toBe('Answered');
    expect(await row.locator('[data-testid=ledger-outcome]').getAttribute('data-item')).toBe(answered.answeredIn!.id);
    expect(await page.locator(`[data-testid=ledger-row][data-id="${deferrals[0]!.id}"]`).getAttribute('data-status')).toBe('OVERDUE');
    await shot(page, '14-ledger');
    // The item the request was raised in: its decisions and declarations in the panel.
    await row.locator('[data-testid=ledger-raised]').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=decisions] li').length === n, answered.item.decisions.length, POLL);
    expect(await page.locator('[data-testid=declarations] li').count()).toBe(answered.item.declarations.length);
    expect(await page.locator('[data-testid=ledger]').isHidden()).toBe(true);
    await shot(page, '15-item-decisions');
  });

  it('says so when nothing matches, when an entity is unknown, and when the API is down', async () => {
    await page.goto(`${server.url}/`);
    await waitStatus(page, 'home');
    await page.fill('[data-testid=search]', 'qqzzxxqq');
    await page.waitForSelector('.search-message[data-state=empty]');
    const lost = await session.context.newPage();
    await lost.goto(`${server.url}/#open=${encodeURIComponent('person:no-such-person')}`);
    await lost.waitForSelector('[data-testid=not-found]');
    await lost.route('**/graphql', (route) => route.abort('connectionrefused'));
    await lost.goto(`${server.url}/`);
    await waitStatus(lost, 'error');
    expect(await lost.textContent('[data-testid=error]')).toContain('not answering');
    await shot(lost, '14-api-down');
    await lost.unroute('**/graphql');
    await lost.click('[data-testid=retry]');
    await waitStatus(lost, 'home');
    await lost.close();
  });
});
