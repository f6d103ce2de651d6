/**
 * What the browser tests read in the page instead of pixels: the controller the page exposes
 * as `window.councilgraph` (its state, graph and view), and geometry computed from sigma's
 * display data (where a node or an edge is on screen, to click it), and axe-core's verdict.
 */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);

/** Runs `fn` (the source of `(cg, arg) => …`) in the page with the controller. */
export const inPage = <T>(page: Page, fn: string, arg?: unknown): Promise<T> =>
  page.evaluate(([body, a]) => new Function('cg', 'arg', `return (${body})(cg, arg)`)(window.councilgraph, a), [fn, arg] as const) as Promise<T>;

export async function waitStatus(page: Page, status: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((s) => document.body.dataset.status === s, status, { timeout });
}

/** Viewport coordinates (relative to the graph container) of a node. */
export const nodePosition = (page: Page, id: string) =>
  inPage<{ x: number; y: number } | null>(
    page,
    `(cg, id) => { const r = cg.view.renderer; const d = r.getNodeDisplayData(id); return d && !d.hidden ? r.framedGraphToViewport(d) : null; }`,
    id,
  );

/**
 * A point on an edge that no node disc covers and no other line passes near, so a click there
 * lands on this edge and nothing else.
 */
export const edgePosition = (page: Page, key: string) =>
  inPage<{ x: number; y: number } | null>(
    page,
    `(cg, key) => {
      const g = cg.graph, r = cg.view.renderer, v = cg.view;
      if (!g.hasEdge(key)) return null;
      const [s, t] = g.extremities(key);
      const at = (n) => { const d = r.getNodeDisplayData(n); return d ? r.framedGraphToViewport(d) : null; };
      const pa = at(s), pb = at(t);
      if (!pa || !pb) return null;
      const discs = [];
      g.forEachNode((n) => { const d = r.getNodeDisplayData(n); if (d && !d.hidden) discs.push({ ...r.framedGraphToViewport(d), r: r.scaleSize(d.size) }); });
      const others = [];
      g.forEachEdge((k, _a, src, dst) => {
        if (k === key || !v.isEdgeVisible(k)) return;
        if ((src === s && dst === t) || (src === t && dst === s)) return;
        const u = at(src), w = at(dst);
        if (u && w) others.push([u, w]);
      });
      const seg = (p, a, b) => { const dx = b.x - a.x, dy = b.y - a.y, len = dx * dx + dy * dy || 1;
        const f = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len)); return Math.hypot(p.x - (a.x + f * dx), p.y - (a.y + f * dy)); };
      let best = null, clear = -Infinity;
      for (let i = 1; i < 60; i++) {
        const f = i / 60, p = { x: pa.x + (pb.x - pa.x) * f, y: pa.y + (pb.y - pa.y) * f };
        let c = Infinity;
        for (const d of discs) c = Math.min(c, Math.hypot(d.x - p.x, d.y - p.y) - d.r);
        for (const [a, b] of others) c = Math.min(c, seg(p, a, b) * 2);
        if (c > clear) { clear = c; best = p; }
      }
      return best;
    }`,
    key,
  );

/** The label boxes of the last frame, and the container's size. */
export const labelLayout = (page: Page) =>
  inPage<{ boxes: { x1: number; y1: number; x2: number; y2: number }[]; width: number; height: number; labels: number }>(
    page,
    `(cg) => { cg.view.renderer.refresh(); const el = cg.el.graph; return { boxes: [...cg.view.labelBoxes()], width: el.clientWidth, height: el.clientHeight, labels: cg.graph.order }; }`,
  );

/** axe-core in the page: no serious or critical WCAG 2.2 A/AA violation. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'), `axe on ${where}`).toEqual([]);
}
