/**
 * Serves a built browser bundle (dist/…) with sirv: precompressed variants (Brotli, gzip, made
 * by `npm run build:web`) where the client accepts them, ETags with 304s, content-hashed
 * assets cached for good, pages revalidated, and nothing outside the bundle's folder.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sep } from 'node:path';
import sirv from 'sirv';

export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'SAMEORIGIN',
};

export type StaticHandler = (req: IncomingMessage, res: ServerResponse, notFound: () => void) => void;

/**
 * A handler for the bundle in `dir`, which must already be built (sirv lists its files once).
 * `single`: unknown paths without a file extension get index.html (client-side routes).
 */
export function staticHandler(dir: string, options: { single?: boolean; extraHeaders?: Record<string, string> } = {}): StaticHandler {
  const serve = sirv(dir, {
    etag: true,
    gzip: true,
    brotli: true,
    single: options.single ?? false,
    dev: false,
    setHeaders(res, pathname) {
      // Vite puts content-hashed names under assets/: those never change; pages always revalidate.
      const immutable = pathname.startsWith('/assets/') || pathname.includes(`${sep}assets${sep}`);
      res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      for (const [k, v] of Object.entries({ ...SECURITY_HEADERS, ...options.extraHeaders })) res.setHeader(k, v);
    },
  });
  return (req, res, notFound) => serve(req, res, notFound);
}
