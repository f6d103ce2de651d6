/**
 * Label drawing that never overprints. Sigma's label grid keeps one label per screen cell, but
 * labels are wider than cells, so neighbours can still collide; this draws a label only where
 * no label drawn earlier in the same frame sits (sigma draws the biggest nodes first).
 * Forced labels (selection, path, the opened entity) are always drawn.
 */
import type { Attributes } from 'graphology-types';
import type { NodeLabelDrawingFunction } from 'sigma/rendering';

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export function createLabelDrawer<N extends Attributes, E extends Attributes>(): {
  draw: NodeLabelDrawingFunction<N, E>;
  newFrame(): void;
} {
  let boxes: Box[] = [];
  return {
    newFrame() {
      boxes = [];
    },
    draw(context, data, settings) {
      if (!data.label) return;
      const size = settings.labelSize;
      context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
      const x1 = data.x + data.size + 3;
      const box = { x1: x1 - 2, y1: data.y - size * 0.75, x2: x1 + context.measureText(data.label).width + 2, y2: data.y + size * 0.45 };
      const clash = boxes.some((b) => b.x1 < box.x2 && box.x1 < b.x2 && b.y1 < box.y2 && box.y1 < b.y2);
      if (clash && !data.forceLabel) return;
      boxes.push(box);
      // A white halo keeps the text readable over edges and other nodes.
      context.lineWidth = 3;
      context.lineJoin = 'round';
      context.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      context.strokeText(data.label, x1, data.y + size / 3);
      // As sigma's own drawDiscNodeLabel (importing it would pull WebGL into unit tests).
      const colour = settings.labelColor.attribute
        ? ((data as Record<string, unknown>)[settings.labelColor.attribute] as string) || settings.labelColor.color || '#000'
        : settings.labelColor.color;
      context.fillStyle = colour ?? '#000';
      context.fillText(data.label, x1, data.y + size / 3);
    },
  };
}
