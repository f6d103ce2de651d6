/**
 * Whole responses to repeated identical requests, valid exactly as long as the read cache's
 * data (same generation, within its TTL). A hit skips parsing, validation, cost analysis and
 * execution: the request was already accepted once and the data it read has not changed.
 * Only complete, error-free answers are kept; anything with an error runs again every time.
 * Bounded by bytes (keys and bodies), least recently used first out.
 */
import { LRUCache } from 'lru-cache';
import type { ReadCache } from './read-cache.ts';

interface Cached {
  generation: number;
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The cost the protection estimated when the request ran (for the request log). */
  cost: number | null;
}

export interface ResponseCacheOptions {
  /** Bytes of keys and bodies kept at most (default 32 MiB). */
  maxBytes?: number;
  /** Larger responses are not kept (default 256 KiB). */
  maxBodyBytes?: number;
}

export class ResponseCache {
  private readonly entries: LRUCache<string, Cached>;
  private readonly maxBodyBytes: number;
  hits = 0;

  constructor(
    private readonly data: ReadCache,
    options: ResponseCacheOptions = {},
  ) {
    this.maxBodyBytes = options.maxBodyBytes ?? 256 * 1024;
    this.entries = new LRUCache<string, Cached>({
      maxSize: options.maxBytes ?? 32 * 1024 * 1024,
      sizeCalculation: (e, key) => (key.length + e.body.length) * 2 + 256,
      ...(data.ttlMs !== null ? { ttl: data.ttlMs } : {}),
    });
  }

  static key(method: string, search: string, body: string): string {
    return `${method}\n${search}\n${body}`;
  }

  get(key: string): Cached | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.generation !== this.data.generation) {
      this.entries.delete(key);
      return undefined;
    }
    this.hits++;
    return e;
  }

  /** Keeps a response if it is a complete JSON answer without errors. */
  offer(key: string, status: number, headers: Record<string, string>, body: string, generation: number, cost: number | null): void {
    if (status !== 200 || body.length > this.maxBodyBytes || body.includes('"errors":')) return;
    if (generation !== this.data.generation) return;
    this.entries.set(key, { generation, status, headers, body, cost });
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.entries.calculatedSize;
  }
}
