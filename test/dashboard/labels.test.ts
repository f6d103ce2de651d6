/** Labels never overprint: a label that would overlap one already drawn is skipped, unless forced. */
import { describe, expect, it } from 'vitest';
import type { Settings } from 'sigma/settings';
import { createLabelDrawer } from '../../src/dashboard/graph/labels.ts';

function fakeContext() {
  const drawn: string[] = [];
  const ctx = {
    font: '',
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    lineJoin: 'miter',
    measureText: (text: string) => ({ width: text.length * 7 }),
    fillText: (text: string) => drawn.push(text),
    strokeText: () => {},
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, drawn };
}

const SETTINGS = { labelSize: 12, labelWeight: '500', labelFont: 'sans-serif', labelColor: { color: '#111' } } as unknown as Settings;

const node = (label: string, x: number, y: number, forceLabel = false) => ({ label, x, y, size: 5, color: '#000', forceLabel });

describe('label drawer', () => {
  it('skips a label that would overlap one drawn earlier in the frame, keeps those clear of it', () => {
    const { ctx, drawn } = fakeContext();
    const labels = createLabelDrawer();
    labels.newFrame();
    labels.draw(ctx, node('Councillor Ada Lovelace', 100, 100), SETTINGS);
    labels.draw(ctx, node('Councillor Bea Cooper', 140, 105), SETTINGS);
    labels.draw(ctx, node('Cabinet', 100, 140), SETTINGS);
    expect(drawn).toEqual(['Councillor Ada Lovelace', 'Cabinet']);
  });

  it('always draws forced labels, and starts afresh each frame', () => {
    const { ctx, drawn } = fakeContext();
    const labels = createLabelDrawer();
    labels.newFrame();
    labels.draw(ctx, node('A long first label', 100, 100), SETTINGS);
    labels.draw(ctx, node('Selected person', 110, 100, true), SETTINGS);
    labels.newFrame();
    labels.draw(ctx, node('Next frame', 110, 100), SETTINGS);
    expect(drawn).toEqual(['A long first label', 'Selected person', 'Next frame']);
  });
});
