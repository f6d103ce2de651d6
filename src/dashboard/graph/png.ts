/**
 * PNG of the current view. Sigma draws on several stacked canvases (WebGL for edges and
 * nodes, 2D for labels); right after a synchronous refresh their buffers still hold the
 * frame, so they can be composited onto one 2D canvas over a white background.
 */
/** The part of a sigma renderer the export needs (any node/edge attribute types). */
interface Renderer {
  refresh(): unknown;
  getDimensions(): { width: number; height: number };
  getCanvases(): Record<string, HTMLCanvasElement>;
}

export async function renderPng(renderer: Renderer, title: string): Promise<Blob> {
  renderer.refresh();
  const { width, height } = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const banner = 36;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round((height + banner) * ratio);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot create a 2D canvas for the PNG export.');
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height + banner);
  ctx.fillStyle = '#1f2937';
  ctx.font = '600 14px system-ui, sans-serif';
  ctx.fillText(title, 12, 23);
  const layers = renderer.getCanvases();
  for (const name of ['edges', 'edgeLabels', 'nodes', 'labels', 'hovers', 'hoverNodes']) {
    const layer = layers[name];
    if (layer) ctx.drawImage(layer, 0, banner, width, height);
  }
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG encoder returned nothing.'))), 'image/png'),
  );
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
