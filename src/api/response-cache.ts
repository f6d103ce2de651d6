/**
 * Whole responses to repeated identical requests, valid exactly as long as the read cache's
 * data (same generation, within its TTL). A hit skips parsing, validation, cost analysis and
 * execution: the request was already accepted once and the data it read has not changed.
 * Only complete, error-free answers are kept; anything with an error runs again every time.
 */
import type { ReadCache } from './read-cache.ts';

interface Cached {
  generation: number;
  at: number;
  status: number;
  headers: Record<string, string>;
  body: string;
}

export class ResponseCache {
  private readonly entries = new Map<string, Cached>();
  hits = 0;

  constructor(
    private readonly data: ReadCache,
    private readonly maxEntries = 5_000,
    private readonly maxBodyBytes = 256 * 1024,
  ) {}

  static key(method: string, search: string, body: string): string {
    return `${method}\n${search}\n${body}`;
  }

  get(key: string): Cached | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    const ttl = this.data.ttlMs;
    if (e.generation !== this.data.generation || (ttl !== null && Date.now() - e.at > ttl)) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, e);
    this.hits++;
    return e;
  }

  /** Keeps a response if it is a complete JSON answer without errors. */
  offer(key: string, status: number, headers: Record<string, string>, body: string, generation: number): void {
    if (status !== 200 || body.length > this.maxBodyBytes || body.includes('"errors":')) return;
    if (generation !== this.data.generation) return;
    this.entries.set(key, { generation, at: Date.now(), status, headers, body });
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
