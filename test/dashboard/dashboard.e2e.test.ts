/**
 * End to end, as an analyst uses it: `councilgraph ingest` of the sample corpus, `councilgraph
 * serve`, then Debian's headless Chromium on the dashboard. Expected numbers come from the
 * same server's GraphQL API; what the dashboard drew is read from its graphology/sigma state
 * (window.__councilgraph), never from pixels. Every wait is on state, none on time.
 * Screenshots land in test-artifacts/dashboard/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { ARTIFACTS, CHROMIUM, launch, NO_CHROMIUM_MESSAGE, type Session } from './browser.ts';
import { gql, serveCorpus, type CliServer } from './cli-server.ts';

if (!CHROMIUM) console.warn(NO_CHROMIUM_MESSAGE);

interface Person {
  id: string;
  name: string;
  presented: { id: string }[];
  attended: { id: string; date: string | null; attendees: { id: string; name: string }[] }[];
  chaired: { id: string; date: string | null }[];
  apologies: { id: string; date: string | null }[];
}
interface Sub {
  nodes: { id: string; type: string }[];
  edges: { type: string; from: string; to: string; evidence: { sentence: string; source: { name: string } } }[];
}

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

const SUBGRAPH = `nodes { id type } edges { type from to evidence { sentence source { name } } }`;

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

async function waitStatus(page: Page, status: string): Promise<void> {
  await page.waitForFunction((s) => document.body.dataset.status === s, status, { timeout: 30_000 });
}

const hooks = <T>(page: Page, fn: string, arg?: unknown): Promise<T> =>
  page.evaluate(([body, a]) => new Function('cg', 'arg', `return (${body})(cg, arg)`)(window.__councilgraph, a), [fn, arg] as const) as Promise<T>;

describe.skipIf(!CHROMIUM)('dashboard in headless Chromium on the sample corpus', () => {
  let server: CliServer;
  let session: Session;
  let page: Page;
  let person: Person;
  let neighbourhood: Sub;

  beforeAll(async () => {
    // Test the current sources: rebuild the bundle the server serves when it is missing or older
    // than them (npm install's prepare normally leaves it fresh, so CI does not rebuild).
    if (bundleIsStale()) await build({ configFile: join(ROOT, 'vite.dashboard.config.ts'), logLevel: 'error' });
    // COUNCILGRAPH_E2E_URL points the tests at a server already running (for debugging).
    const external = process.env.COUNCILGRAPH_E2E_URL;
    server = external ? { url: external.replace(/\/$/, ''), db: '', close: async () => {} } : await serveCorpus();
    const { people } = await gql<{ people: Pick<Person, 'id' | 'name' | 'presented'>[] }>(
      server.url,
      `{ people(first: 200) { id name presented(first: 100) { id } } }`,
    );
    // The person who presented most: the headline question's kind of person.
    const top = [...people].sort((a, b) => b.presented.length - a.presented.length)[0]!;
    const { entity } = await gql<{ entity: Omit<Person, 'id' | 'name' | 'presented'> }>(
      server.url,
      `query($id: ID!) { entity(id: $id) { ... on Person {
          attended(first: 300) { id date attendees { id name } } chaired(first: 300) { id date } apologies(first: 300) { id date } } } }`,
      { id: top.id },
    );
    person = { ...top, ...entity };
    expect(person.presented.length, 'the sample corpus should have someone who presented an item').toBeGreaterThan(0);
    neighbourhood = (await gql<{ neighbourhood: Sub }>(server.url, `query($id: ID!) { neighbourhood(id: $id) { ${SUBGRAPH} } }`, { id: person.id }))
      .neighbourhood;
    session = await launch();
    page = session.context.pages()[0] ?? (await session.context.newPage());
    page.on('pageerror', (err) => console.error(`dashboard page error: ${err.message}`));
  }, 300_000);

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('welcomes with suggestions and finds a person by type-ahead', async () => {
    await page.goto(`${server.url}/`);
    await waitStatus(page, 'welcome');
    await page.waitForSelector('.welcome .chip');
    await shot(page, '01-welcome');

    const surname = person.name.split(/\s+/).pop()!;
    await page.fill('[data-testid=search]', surname.slice(0, Math.max(3, surname.length - 1)));
    const hit = page.locator(`.search-hit[data-id="${person.id}"]`);
    await hit.waitFor();
    expect(await hit.getAttribute('data-type')).toBe('Person');
    await shot(page, '02-search');
    await hit.click();
    await waitStatus(page, 'ready');
  });

  it('finds a councillor written as person(name:) reads names ("Cllr Aldous" is Councillor Aldous)', async () => {
    await page.fill('[data-testid=search]', 'Cllr Aldous');
    const hit = page.locator('.search-hit[data-type=Person]', { hasText: 'Aldous' }).first();
    await hit.waitFor();
    expect(await hit.textContent()).toMatch(/Aldous/);
    await page.fill('[data-testid=search]', '');
  });

  it('draws exactly the neighbourhood the API returns', async () => {
    const expectedNodes = new Set(neighbourhood.nodes.map((n) => n.id));
    const expectedEdges = new Set(neighbourhood.edges.map((e) => `${e.from}|${e.type}|${e.to}`));
    const drawn = await hooks<{ order: number; size: number; visible: { nodes: number; edges: number }; ids: string[] }>(
      page,
      `(cg) => ({ order: cg.graph.order, size: cg.graph.size, visible: cg.visibleCounts(), ids: cg.graph.nodes() })`,
    );
    expect(drawn.order).toBe(expectedNodes.size);
    expect(new Set(drawn.ids)).toEqual(expectedNodes);
    expect(drawn.size).toBe(expectedEdges.size);
    expect(drawn.visible).toEqual({ nodes: expectedNodes.size, edges: expectedEdges.size });
    // Sigma itself has display data (a position, not hidden) for every node.
    const rendered = await hooks<number>(page, `(cg) => cg.graph.nodes().filter((n) => { const d = cg.renderer.getNodeDisplayData(n); return d && !d.hidden; }).length`);
    expect(rendered).toBe(expectedNodes.size);
    await expect.poll(() => page.textContent('[data-testid=counts]'), POLL).toContain(`${expectedNodes.size} node`);

    // The side panel: name, and the items the person presented, with dates.
    await page.waitForSelector('[data-testid=presented-items]');
    expect(await page.textContent('[data-testid=panel-title]')).toBe(person.name);
    expect(await page.locator('[data-testid=presented-items] li').count()).toBe(person.presented.length);
    expect(page.url()).toContain(`open=${encodeURIComponent(person.id)}`);
    await shot(page, '03-person');
  });

  it('shows the evidence of an edge when it is clicked', async () => {
    // A PRESENTED edge (the headline relation) whose two ends share no other edge.
    const key = await hooks<string>(
      page,
      `(cg) => { const g = cg.graph; const single = (k) => new Set([...g.edges(g.source(k), g.target(k)), ...g.edges(g.target(k), g.source(k))]).size === 1;
        return g.findEdge((k, a) => a.relType === 'PRESENTED' && single(k)) ?? g.findEdge((k) => single(k)); }`,
    );
    expect(key).toBeTruthy();
    const [from, type, to] = key.split('|');
    const sentences = neighbourhood.edges.filter((e) => e.from === from && e.type === type && e.to === to).map((e) => e.evidence);
    expect(sentences.length).toBeGreaterThan(0);

    const box = (await page.locator('#graph').boundingBox())!;
    const at = await hooks<{ x: number; y: number }>(page, `(cg, key) => cg.edgePosition(key)`, key);
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForSelector('#panel[data-kind=edge] [data-testid=evidence-list]');
    const selected = await hooks<{ kind: string; key: string }>(page, `(cg) => cg.state().selected`);
    expect(selected).toEqual({ kind: 'edge', key });
    const panel = await page.textContent('#panel');
    for (const ev of sentences) {
      expect(panel).toContain(ev.sentence.trim().slice(0, 60));
      expect(panel).toContain(ev.source.name);
    }
    await shot(page, '04-edge-evidence');
  });

  it('expands a neighbour on double-click', async () => {
    const meeting = await hooks<string>(page, `(cg) => cg.graph.findNode((n, a) => a.nodeType === 'Meeting' && n !== cg.state().open)`);
    expect(meeting).toBeTruthy();
    const sub = (await gql<{ neighbourhood: Sub }>(server.url, `query($id: ID!) { neighbourhood(id: $id) { ${SUBGRAPH} } }`, { id: meeting }))
      .neighbourhood;
    const expected = new Set([...neighbourhood.nodes.map((n) => n.id), ...sub.nodes.map((n) => n.id)]);

    const box = (await page.locator('#graph').boundingBox())!;
    const at = await hooks<{ x: number; y: number }>(page, `(cg, id) => cg.nodePosition(id)`, meeting);
    await page.mouse.dblclick(box.x + at.x, box.y + at.y);
    await page.waitForFunction((id) => window.__councilgraph!.state().expanded.includes(id), meeting);
    expect(await hooks<number>(page, `(cg) => cg.graph.order`)).toBe(expected.size);
    expect(page.url()).toContain(`x=${encodeURIComponent(meeting)}`);
    await shot(page, '05-expanded');
  });

  it('finds and highlights the path between two entities', async () => {
    // Someone who sat in one of the person's meetings: connected, but not directly.
    const other = person.attended.flatMap((m) => m.attendees).find((p) => p.id !== person.id);
    expect(other, 'the person should share a meeting with someone').toBeTruthy();
    const { path } = await gql<{ path: Sub | null }>(server.url, `query($a: ID!, $b: ID!) { path(from: $a, to: $b, maxHops: 6) { ${SUBGRAPH} } }`, {
      a: person.id,
      b: other!.id,
    });
    expect(path).not.toBeNull();

    // Select the person through the panel's own link, then ask for a path from there.
    await page.evaluate((id) => window.__councilgraph!.app.selectNode(id), person.id);
    await page.click('[data-testid=action-path]');
    await page.fill('[data-testid=path-search]', other!.name);
    await page.locator(`.pathbar .search-hit[data-id="${other!.id}"]`).click();
    await page.waitForSelector('[data-testid=path-steps]');

    const onScreen = await hooks<{ nodes: string[]; edges: number; highlighted: string[] }>(
      page,
      `(cg) => { const v = cg.app.view; return { nodes: [...v.pathNodes], edges: v.pathEdges.size,
        highlighted: [...v.pathNodes].filter((n) => cg.renderer.getNodeDisplayData(n)?.highlighted) }; }`,
    );
    const expectedNodes = path!.nodes.map((n) => n.id).sort();
    expect([...onScreen.nodes].sort()).toEqual(expectedNodes);
    expect(onScreen.highlighted.sort()).toEqual(expectedNodes);
    expect(onScreen.edges).toBe(expectedNodes.length - 1);
    expect(await page.locator('[data-testid=path-steps] > li').count()).toBe(expectedNodes.length);
    expect(page.url()).toContain('path=');
    await shot(page, '06-path');

    // Each step of the path answers "how do you know?".
    await page.locator('[data-testid=path-edge]').first().click();
    await page.waitForSelector('#panel[data-kind=edge] [data-testid=evidence-list] li');
    await page.click('[data-testid=tab-graph]');
  });

  it('pins and removes nodes', async () => {
    const [pinned, removed] = await hooks<string[]>(
      page,
      `(cg) => { const v = cg.app.view; return cg.graph.filterNodes((n) => n !== cg.state().open && !v.pathNodes.has(n)).slice(0, 2); }`,
    );
    expect(removed, 'the view should have two nodes off the path').toBeTruthy();
    await page.evaluate((id) => window.__councilgraph!.app.selectNode(id), pinned!);
    await page.click('[data-testid=action-pin]');
    await page.waitForFunction((id) => window.__councilgraph!.graph.getNodeAttribute(id, 'fixed') === true, pinned);
    expect(page.url()).toContain(`pin=${encodeURIComponent(pinned!)}`);

    const before = await hooks<number>(page, `(cg) => cg.graph.order`);
    await page.evaluate((id) => window.__councilgraph!.app.selectNode(id), removed!);
    await page.click('[data-testid=action-remove]');
    await page.waitForFunction((id) => !window.__councilgraph!.graph.hasNode(id), removed);
    expect(await hooks<number>(page, `(cg) => cg.graph.order`)).toBe(before - 1);
    expect(page.url()).toContain(`rm=${encodeURIComponent(removed!)}`);
  });

  it('reopens the same view from a shared URL', async () => {
    const url = page.url();
    const before = await hooks<{ ids: string[]; state: unknown; path: string[] }>(
      page,
      `(cg) => ({ ids: cg.graph.nodes().sort(), state: cg.state(), path: [...cg.app.view.pathNodes].sort() })`,
    );
    const second = await session.context.newPage();
    await second.goto(url);
    await waitStatus(second, 'ready');
    const after = await hooks<typeof before>(
      second,
      `(cg) => ({ ids: cg.graph.nodes().sort(), state: cg.state(), path: [...cg.app.view.pathNodes].sort() })`,
    );
    expect(after.ids).toEqual(before.ids);
    expect(after.path).toEqual(before.path);
    const pick = (s: unknown) => {
      const { open, expanded, removed, selected, path, hiddenNodeTypes, pinned } = s as Record<string, unknown>;
      return { open, expanded, removed, selected, path, hiddenNodeTypes, pinned: (pinned as { id: string }[]).map((p) => p.id) };
    };
    expect(pick(after.state)).toEqual(pick(before.state));
    await shot(second, '07-reloaded');
    await second.close();
  });

  it('filters by node type, relation type and date, and keeps filters in the URL', async () => {
    const count = () => hooks<{ nodes: number; edges: number }>(page, `(cg) => cg.visibleCounts()`);
    const meetings = await hooks<number>(page, `(cg) => cg.graph.filterNodes((n, a) => a.nodeType === 'Meeting').length`);
    const all = await count();
    await page.locator('[data-node-type=Meeting]').uncheck();
    await expect.poll(async () => (await count()).nodes, POLL).toBe(all.nodes - meetings);
    expect(page.url()).toContain('hn=Meeting');
    await shot(page, '08-filter-type');
    await page.locator('[data-node-type=Meeting]').check();
    await expect.poll(async () => (await count()).nodes, POLL).toBe(all.nodes);

    const attended = await hooks<number>(page, `(cg) => cg.graph.filterEdges((e, a) => a.relType === 'ATTENDED').length`);
    if (attended > 0) {
      await page.locator('[data-rel-type=ATTENDED]').uncheck();
      await expect.poll(async () => (await count()).edges, POLL).toBe(all.edges - attended);
      await page.locator('[data-rel-type=ATTENDED]').check();
    }

    // A range that ends before every dated meeting hides them all (and their items).
    const dated = await hooks<number>(page, `(cg) => cg.graph.filterNodes((n, a) => a.nodeType === 'Meeting' && a.date).length`);
    await page.fill('[data-testid=date-to]', '1990-01-01');
    await page.locator('[data-testid=date-to]').dispatchEvent('change');
    await expect.poll(async () => (await count()).nodes, POLL).toBeLessThanOrEqual(all.nodes - dated);
    expect(page.url()).toContain('to=1990-01-01');
    await page.click('[data-testid=filters-reset]');
    await expect.poll(async () => (await count()).nodes, POLL).toBe(all.nodes);
  });

  it('shows the person’s meetings on a timeline', async () => {
    await page.evaluate((id) => window.__councilgraph!.app.selectNode(id), person.id);
    await page.click('[data-testid=tab-timeline]');
    await page.waitForSelector('[data-testid=timeline-chart]');
    const meetings = new Set([...person.attended, ...person.chaired, ...person.apologies].filter((m) => m.date).map((m) => m.id));
    expect(await page.locator('[data-testid=timeline-chart] .timeline-mark').count()).toBe(meetings.size);
    expect(page.url()).toContain('view=timeline');
    await shot(page, '09-timeline');
    await page.click('[data-testid=tab-graph]');
  });

  it('exports the view as GraphML and PNG', async () => {
    const visible = await hooks<{ nodes: number; edges: number }>(page, `(cg) => cg.visibleCounts()`);
    const [graphml] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-graphml]')]);
    const xml = readFileSync((await graphml.path())!, 'utf8');
    expect(graphml.suggestedFilename()).toMatch(/\.graphml$/);
    expect(xml.match(/<node /g)?.length).toBe(visible.nodes);
    expect(xml.match(/<edge /g)?.length).toBe(visible.edges);

    const [png] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-png]')]);
    const bytes = readFileSync((await png.path())!);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.length).toBeGreaterThan(10_000);
    await png.saveAs(join(ARTIFACTS, '13-exported-view.png'));
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
    await page.fill('[data-testid=search]', 'qqzzxxqq');
    await page.waitForSelector('.search-message[data-state=empty]');
    await shot(page, '10-nothing-found');

    const lost = await session.context.newPage();
    await lost.goto(`${server.url}/#open=${encodeURIComponent('person:no-such-person')}`);
    await lost.waitForSelector('[data-testid=not-found]');
    await shot(lost, '11-unknown-entity');

    // Loading: hold the API's answer until the loading state has been seen.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await lost.route('**/graphql', async (route) => {
      await held;
      await route.continue();
    });
    await lost.goto(`${server.url}/#open=${encodeURIComponent(person.id)}`);
    await lost.waitForSelector('.overlay [data-state=loading]');
    await waitStatus(lost, 'loading');
    await shot(lost, '11b-loading');
    release();
    await waitStatus(lost, 'ready');
    await lost.unroute('**/graphql');

    await lost.route('**/graphql', (route) => route.abort('connectionrefused'));
    await lost.goto(`${server.url}/`);
    await waitStatus(lost, 'error');
    expect(await lost.textContent('[data-testid=error]')).toContain('not answering');
    await shot(lost, '12-api-down');
    await lost.unroute('**/graphql');
    await lost.click('[data-testid=retry]');
    await waitStatus(lost, 'welcome');
    await lost.close();
  });
});
