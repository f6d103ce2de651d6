/**
 * Labels never overprint and never leave the picture: a label goes at the first place around
 * its node (right, left, below, above) inside the view and clear of labels and big discs drawn
 * before it, or is skipped, unless forced.
 */
import { describe, expect, it } from 'vitest';
import type { Settings } from 'sigma/settings';
import { candidates, createLabelDrawer } from '../../src/dashboard/graph/labels.ts';

function fakeContext() {
  const drawn: { text: string; x: number; y: number }[] = [];
  const ctx = {
    font: '',
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    lineJoin: 'miter',
    measureText: (text: string) => ({ width: text.length * 7 }),
    fillText: (text: string, x: number, y: number) => drawn.push({ text, x, y }),
    strokeText: () => {},
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, drawn };
}

const SETTINGS = { labelSize: 12, labelWeight: '500', labelFont: 'sans-serif', labelColor: { color: '#111' } } as unknown as Settings;
const VIEW = () => ({ width: 800, height: 600 });
const node = (label: string, x: number, y: number, forceLabel = false) => ({ label, x, y, size: 5, color: '#000', forceLabel });

describe('label drawer', () => {
  it('moves a label that would overlap one drawn earlier to the next free place, and skips it when none is free', () => {
    const { ctx, drawn } = fakeContext();
    const labels = createLabelDrawer(VIEW);
    labels.newFrame();
    labels.draw(ctx, node('Councillor Ada Lovelace', 100, 100), SETTINGS);
    labels.draw(ctx, node('Councillor Bea Cooper', 140, 105), SETTINGS);
    labels.draw(ctx, node('Cabinet', 100, 140), SETTINGS);
    expect(drawn.map((d) => d.text)).toEqual(['Councillor Ada Lovelace', 'Councillor Bea Cooper', 'Cabinet']);
    // Bea's label could not go right (Ada's is there): it went elsewhere.
    expect(drawn[1]!.x).not.toBe(140 + 5 + 3);
    const boxes = labels.drawn();
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
      }
  });

  it('keeps labels inside the view: a node at the right edge gets its label on the left', () => {
    const { ctx, drawn } = fakeContext();
    const labels = createLabelDrawer(VIEW);
    labels.newFrame();
    labels.draw(ctx, node('Improving Lives Select Commission', 790, 300), SETTINGS);
    expect(drawn[0]!.x + 'Improving Lives Select Commission'.length * 7).toBeLessThanOrEqual(790);
    for (const b of labels.drawn()) expect(b.x2).toBeLessThanOrEqual(800);
  });

  it('keeps clear of big discs, always draws forced labels, and starts afresh each frame', () => {
    const { ctx, drawn } = fakeContext();
    const labels = createLabelDrawer(VIEW);
    labels.newFrame([{ x1: 105, y1: 90, x2: 400, y2: 110 }]);
    labels.draw(ctx, node('Beside a hub', 100, 100), SETTINGS);
    expect(drawn[0]!.x).toBeLessThan(100);
    labels.draw(ctx, node('A long first label', 300, 300), SETTINGS);
    labels.draw(ctx, node('Selected person', 300, 300, true), SETTINGS);
    labels.newFrame();
    labels.draw(ctx, node('Next frame', 300, 300), SETTINGS);
    expect(drawn.map((d) => d.text)).toEqual(['Beside a hub', 'A long first label', 'Selected person', 'Next frame']);
  });

  it('offers places right, left, below and above the disc', () => {
    const [right, left, below, above] = candidates(100, 100, 5, 50, 12);
    expect(right!.box.x1).toBeGreaterThan(105);
    expect(left!.box.x2).toBeLessThan(95);
    expect(below!.box.y1).toBeGreaterThan(100);
    expect(above!.box.y2).toBeLessThan(100);
  });
});
