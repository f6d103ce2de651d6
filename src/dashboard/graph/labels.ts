/**
 * Label drawing that never overprints and never runs off the picture. Sigma's label grid keeps
 * one label per screen cell, but labels are wider than cells, so neighbours can still collide.
 * This draws each label at the first of a few places around its node (right, left, below,
 * above) that lies inside the visible area and clear of every label drawn earlier in the frame
 * (sigma draws the biggest nodes first) and of the bigger node discs. Forced labels (selection, path, the opened entity) are
 * always drawn, at the clearest place found.
 */
import type { Attributes } from 'graphology-types';
import type { NodeLabelDrawingFunction } from 'sigma/rendering';

export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** Where a label of `width` × `size` can go around a disc at (x, y) of radius r, best first. */
export function candidates(x: number, y: number, r: number, width: number, size: number): { box: Box; tx: number; ty: number }[] {
  const gap = 3;
  const right = { tx: x + r + gap, ty: y + size / 3 };
  const left = { tx: x - r - gap - width, ty: y + size / 3 };
  const below = { tx: x - width / 2, ty: y + r + gap + size * 0.8 };
  const above = { tx: x - width / 2, ty: y - r - gap - size * 0.25 };
  return [right, left, below, above].map((p) => ({
    ...p,
    box: { x1: p.tx - 2, y1: p.ty - size * 0.8, x2: p.tx + width + 2, y2: p.ty + size * 0.3 },
  }));
}

export function createLabelDrawer<N extends Attributes, E extends Attributes>(
  /** The visible area in CSS pixels (the graph container). */
  bounds: () => { width: number; height: number },
): {
  draw: NodeLabelDrawingFunction<N, E>;
  /** Starts a frame; `obstacles` are boxes labels must keep clear of too (the bigger node discs). */
  newFrame(obstacles?: readonly Box[]): void;
  /** The label boxes drawn this frame (tests read them). */
  drawn(): readonly Box[];
} {
  let boxes: Box[] = [];
  let blocked: readonly Box[] = [];
  return {
    newFrame(obstacles = []) {
      boxes = [];
      blocked = obstacles;
    },
    drawn: () => boxes,
    draw(context, data, settings) {
      if (!data.label) return;
      const size = settings.labelSize;
      context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
      const width = context.measureText(data.label).width;
      const { width: w, height: h } = bounds();
      const inside = (b: Box) => b.x1 >= 0 && b.y1 >= 0 && b.x2 <= w && b.y2 <= h;
      const places = candidates(data.x, data.y, data.size, width, size);
      const own = (b: Box) => b.x1 <= data.x && data.x <= b.x2 && b.y1 <= data.y && data.y <= b.y2;
      const clear = (box: Box) => !boxes.some((b) => overlaps(b, box)) && !blocked.some((b) => !own(b) && overlaps(b, box));
      let place = places.find((p) => inside(p.box) && clear(p.box));
      if (!place) {
        if (!data.forceLabel) return;
        // A forced label goes where it is visible, overlapping as little as it must.
        place = places.find((p) => inside(p.box)) ?? places[0]!;
      }
      boxes.push(place.box);
      // A white halo keeps the text readable over edges and other nodes.
      context.lineWidth = 3;
      context.lineJoin = 'round';
      context.strokeStyle = 'rgba(255, 255, 255, 0.92)';
      context.strokeText(data.label, place.tx, place.ty);
      // As sigma's own drawDiscNodeLabel (importing it would pull WebGL into unit tests).
      const colour = settings.labelColor.attribute
        ? ((data as Record<string, unknown>)[settings.labelColor.attribute] as string) || settings.labelColor.color || '#000'
        : settings.labelColor.color;
      context.fillStyle = colour ?? '#000';
      context.fillText(data.label, place.tx, place.ty);
    },
  };
}

/**
 * Sigma's hover drawing repeats the label in a box beside the node; the label drawer has
 * already placed it, so a hovered or highlighted node only gets a white ring.
 */
export function drawHoverRing(context: CanvasRenderingContext2D, data: { x: number; y: number; size: number }): void {
  context.beginPath();
  context.arc(data.x, data.y, data.size + 3, 0, Math.PI * 2);
  context.fillStyle = '#ffffff';
  context.shadowColor = 'rgba(0, 0, 0, 0.35)';
  context.shadowBlur = 6;
  context.fill();
  context.shadowBlur = 0;
}
