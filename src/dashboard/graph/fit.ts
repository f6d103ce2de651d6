/**
 * Fitting the view to the visible area with its labels. Sigma stretches the graph to the stage,
 * so nodes on the rim have their labels cut by the edge of the picture (and small views end
 * up with three nodes in three corners). Here the camera is chosen so that every visible node,
 * and the labels of the most important ones, fit inside the container with a margin: label
 * widths are fixed in pixels while distances between nodes scale with the zoom, so the ratio is
 * found by bisection, then the camera is centred on what it must show.
 */
import type Sigma from 'sigma';

export interface FitNode {
  id: string;
  size: number;
  label: string;
  importance: number;
}

/** Labels considered: the most important ones are drawn first, so they are the ones to keep whole. */
const LABELLED = 16;
/** Room kept clear at each side: the zoom buttons sit at the right, the status line at the bottom. */
const MARGIN = { top: 16, right: 56, bottom: 44, left: 16 };
/** Zoomed in no further than sigma's default, out no further than labels stay worth reading. */
const MIN_RATIO = 0.5;
const MAX_RATIO = 3;

let measurer: CanvasRenderingContext2D | null = null;
function measure(text: string, font: string): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return text.length * 7;
  measurer.font = font;
  return measurer.measureText(text).width;
}

// Sigma's renderer type is generic over attributes; only coordinate conversion is used here.
type Renderer = Pick<Sigma, 'framedGraphToViewport' | 'viewportToFramedGraph' | 'getNodeDisplayData' | 'getDimensions'>;

export function fitCamera(renderer: Renderer, nodes: readonly FitNode[], options: { font: string; labelSize: number }): { x: number; y: number; ratio: number; angle: number } {
  const home = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
  const { width, height } = renderer.getDimensions();
  const room = { width: width - MARGIN.left - MARGIN.right, height: height - MARGIN.top - MARGIN.bottom };
  if (!nodes.length || room.width < 40 || room.height < 40) return home;
  const ranked = [...nodes].sort((a, b) => b.importance - a.importance);
  const placed = ranked.flatMap((n, rank) => {
    const d = renderer.getNodeDisplayData(n.id);
    if (!d) return [];
    const v = renderer.framedGraphToViewport(d, { cameraState: home });
    return [{ x: v.x, y: v.y, r: n.size, rank, w: n.label && rank < LABELLED ? measure(n.label, options.font) + 6 : 0 }];
  });
  if (!placed.length) return home;
  // The label drawer puts a label on the left where the right would leave the picture: count
  // labels of the left half there, so a star is not squeezed to fit every label on its right.
  const middle = (Math.min(...placed.map((p) => p.x)) + Math.max(...placed.map((p) => p.x))) / 2;
  const half = options.labelSize * 0.75;
  const extents = (ratio: number, labels: number) => {
    let x1 = Infinity;
    let x2 = -Infinity;
    let y1 = Infinity;
    let y2 = -Infinity;
    for (const p of placed) {
      const x = p.x / ratio;
      const y = p.y / ratio;
      const w = p.rank < labels ? p.w : 0;
      const left = p.x < middle;
      x1 = Math.min(x1, x - p.r - (left ? w : 0));
      x2 = Math.max(x2, x + p.r + (left ? 0 : w));
      y1 = Math.min(y1, y - Math.max(p.r, half));
      y2 = Math.max(y2, y + Math.max(p.r, half));
    }
    return { x1, x2, y1, y2 };
  };
  const fits = (ratio: number, labels: number) => {
    const e = extents(ratio, labels);
    return e.x2 - e.x1 <= room.width && e.y2 - e.y1 <= room.height;
  };
  // Where the labels cannot all fit at a readable scale (a narrow screen), fewer are counted
  // and the drawer flips or drops the others, rather than shrinking the graph to a dot.
  let labels = LABELLED;
  while (labels > 0 && !fits(MAX_RATIO, labels)) labels = Math.floor(labels / 2);
  let lo = MIN_RATIO;
  let hi = MAX_RATIO;
  if (fits(lo, labels)) hi = lo;
  else {
    for (let i = 0; i < 30 && hi - lo > 0.005; i++) {
      const mid = (lo + hi) / 2;
      if (fits(mid, labels)) hi = mid;
      else lo = mid;
    }
  }
  const ratio = hi;
  const e = extents(ratio, labels);
  // The content's centre goes to the centre of the room left by the margins, not of the container:
  // the camera point is that centre shifted by the difference, in the same zoomed space.
  const shiftX = width / 2 - (MARGIN.left + room.width / 2);
  const shiftY = height / 2 - (MARGIN.top + room.height / 2);
  const centre = renderer.viewportToFramedGraph({ x: ((e.x1 + e.x2) / 2 + shiftX) * ratio, y: ((e.y1 + e.y2) / 2 + shiftY) * ratio }, { cameraState: home });
  return { x: centre.x, y: centre.y, ratio, angle: 0 };
}
