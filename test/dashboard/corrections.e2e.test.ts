/**
 * "Fix it where you see it", in headless Chromium: from an evidence entry an analyst records a
 * correction, the server hands it to its corrections sink with the statement they were reading,
 * and the graph they are looking at changes. The sink here is a test double of issue 9's
 * corrections file that applies a rejection at once (the document's graph written again
 * without the relation), as applying the file after resolution does.
 *
 * And the workbench by keyboard alone: skip link, search, pick, the panel's controls, each
 * with a visible focus ring.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorrectionRequest, CorrectionSink } from '../../src/api/corrections.ts';
import type { IngestStore } from '../../src/graph/store.ts';
import { packSourceText } from '../../src/graph/stores/pack.ts';
import { CHROMIUM, launch, NO_CHROMIUM_MESSAGE, type Session } from './browser.ts';
import { HUB_NAME, longMinutes } from './fixture.ts';
import { expectAccessible, inPage, waitStatus } from './page.ts';
import { serveGraphs, type TestServer } from './server.ts';

if (!CHROMIUM) console.warn(NO_CHROMIUM_MESSAGE);

/** Waits are on state; the margin is for a loaded 2-core machine. */
const POLL = { timeout: 15_000 };

const minutes = longMinutes(6_000);
const edgeKey = `${minutes.personId}|PRESENTED|${minutes.itemId}`;

/** Records corrections; applies REJECT by writing the document again without the relation. */
function applyingSink(store: IngestStore, recorded: CorrectionRequest[]): CorrectionSink {
  return {
    async record(c) {
      recorded.push(c);
      const id = `c${recorded.length}`;
      if (c.kind !== 'REJECT') return { id, applied: false, message: `Recorded as ${id}.` };
      const { graph } = minutes;
      const relations = graph.relations.filter((r) => !(r.type === c.relation && r.from === c.ids[0] && r.to === c.ids[1]));
      await store.commit([{ graph: { ...graph, relations }, text: packSourceText({ text: minutes.text }) }], []);
      return { id, applied: true, message: `Recorded as ${id}.` };
    },
  };
}

/** The focused element's test id (or tag), and whether a focus ring is drawn around it. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const style = el ? getComputedStyle(el) : null;
    // A date field's last tab stop is Chromium's own calendar button inside the field (the
    // field itself no longer matches :focus); the browser draws that button's focus itself.
    const picker = el instanceof HTMLInputElement && el.type === 'date' && !el.matches(':focus');
    return {
      id: el?.dataset.testid ?? el?.className ?? el?.tagName ?? '',
      ring: picker || Boolean(style && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2),
    };
  });

describe.skipIf(!CHROMIUM)('corrections and keyboard use in headless Chromium', () => {
  let server: TestServer;
  let session: Session;
  let page: Page;
  const recorded: CorrectionRequest[] = [];

  beforeAll(async () => {
    server = await serveGraphs([minutes.graph], {
      texts: new Map([[minutes.graph.doc.id, minutes.text]]),
      corrections: (store) => applyingSink(store, recorded),
    });
    session = await launch();
    page = session.context.pages()[0] ?? (await session.context.newPage());
    page.on('pageerror', (err) => console.error(`dashboard page error: ${err.message}`));
  }, 120_000);

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('reaches search, a result and the panel’s controls by keyboard, with a visible focus ring', async () => {
    await page.goto(`${server.url}/`);
    await waitStatus(page, 'home');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ id: 'skip-link', ring: true });
    let at = await focused(page);
    for (let i = 0; i < 10 && at.id !== 'search'; i++) {
      await page.keyboard.press('Tab');
      at = await focused(page);
    }
    expect(at).toEqual({ id: 'search', ring: true });
    await page.keyboard.type(HUB_NAME.split(' ').pop()!.slice(0, 5));
    await page.locator(`.search-hit[data-id="${minutes.personId}"]`).waitFor(POLL);
    await page.keyboard.press('Enter');
    await waitStatus(page, 'ready');
    await expect.poll(() => page.textContent('[data-testid=panel-title]'), POLL).toBe(HUB_NAME);
    // Onwards from the search box, the panel's first action is reached without a pointer.
    const seen: string[] = [];
    for (let i = 0; i < 40 && !seen.includes('action-table'); i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f.ring, `focus ring on ${f.id}`).toBe(true);
      seen.push(f.id);
    }
    expect(seen).toContain('action-table');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url(), POLL).toContain('view=table');
  });

  it('records a correction from the evidence entry and shows the graph without the rejected relation', async () => {
    await page.goto(`${server.url}/#open=${encodeURIComponent(minutes.itemId)}&sel=e:${encodeURIComponent(edgeKey)}`);
    await waitStatus(page, 'ready');
    expect(await inPage<boolean>(page, `(cg, key) => cg.graph.hasEdge(key)`, edgeKey)).toBe(true);
    await page.locator('[data-testid=correct-evidence]').first().click();
    const form = page.locator('[data-testid=correction-form]');
    await form.waitFor(POLL);
    // The form says which statement it is about, and offers "this is wrong" first.
    expect(await form.textContent()).toContain('presented the Housing Strategy annual review');
    expect(await page.isChecked('[data-testid=correct-kind-REJECT]')).toBe(true);
    // "Missing" offers what the model lets join a person to an item, but the rejected relation.
    const offered = await page.locator('[data-testid=correct-relation] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(expect.arrayContaining(['INTRODUCED', 'ATTENDED_ITEM']));
    expect(offered).not.toContain('PRESENTED');
    await expectAccessible(page, 'the correction form');
    await page.fill('[data-testid=correct-note]', 'The Cabinet Member presented it, not this councillor.');
    await page.click('[data-testid=correct-submit]');
    await expect.poll(() => page.getAttribute('[data-testid=correct-outcome]', 'data-state'), POLL).toBe('done');
    expect(await page.textContent('[data-testid=correct-outcome]')).toContain('The graph now shows it.');

    const sentence = minutes.graph.relations.find((r) => r.type === 'PRESENTED')!.evidence;
    expect(recorded).toEqual([
      {
        kind: 'REJECT',
        ids: [minutes.personId, minutes.itemId],
        relation: 'PRESENTED',
        name: null,
        note: 'The Cabinet Member presented it, not this councillor.',
        evidence: { source: minutes.graph.doc.id, start: sentence.start, end: sentence.end },
      },
    ]);
    // The same view, read again: the relation is gone from the graph on screen.
    await expect.poll(() => inPage<boolean>(page, `(cg, key) => cg.graph.hasEdge(key)`, edgeKey), POLL).toBe(false);
    await expect.poll(() => inPage<boolean>(page, `(cg, id) => cg.graph.hasNode(id)`, minutes.personId), POLL).toBe(false);
  });
});
