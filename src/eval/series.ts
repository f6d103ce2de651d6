/**
 * Links across meetings, scored against a series key (`series.json` beside the answer files;
 * format in test/fixtures/KEY-FORMAT.md): the documents of the series are ingested together into
 * one fresh embedded store (by `councilgraph ingest`'s own code, so follow-through runs as it does
 * for users) and the ledger is read back through the GraphQL API.
 *
 * - answered: a predicted Request.answeredIn is right when the key has a `request_answered` link
 *   from that document and item, with the request's text matching, to that document and item;
 * - landed: likewise for Deferral.landedIn and `deferral_landed` (subjects match as texts);
 * - overdue: the deferrals predicted overdue against the key's `deferral_overdue`;
 * - links: answered and landed together (the precision that matters: a wrong "answered" is worse
 *   than none).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createApi } from '../api/server.ts';
import { DEFAULT_LIMITS } from '../api/limits.ts';
import { silentLogger } from '../api/logger.ts';
import { openKuzuStore } from '../graph/stores/kuzu.ts';
import { ingestPaths } from '../ingest/ingest.ts';
import type { CorrectionSet } from '../graph/corrections.ts';
import type { RawDocument } from '../load/types.ts';
import type { ResolvedDocument } from '../resolve/types.ts';
import { itemNumbersMatch, textScore } from './match.ts';
import { summarise as summariseCounts, type Counts, type FieldScore } from './score.ts';

const End = z.object({ source: z.string().min(1), item: z.string().min(1), request: z.string().optional(), subject: z.string().optional() });
export const SeriesSchema = z.object({
  series: z.string().optional(),
  sources: z.array(z.string()).optional(),
  links: z.array(
    z.object({
      kind: z.enum(['request_answered', 'request_open', 'deferral_landed', 'deferral_overdue', 'deferral_pending']),
      from: End,
      to: End.pick({ source: true, item: true }).optional(),
    }),
  ),
});
export type SeriesKey = z.infer<typeof SeriesSchema>;

export const SERIES_FIELDS = ['links', 'answered', 'landed', 'overdue'] as const;
export type SeriesField = (typeof SERIES_FIELDS)[number];
export interface SeriesReport {
  documents: number;
  fields: Record<SeriesField, FieldScore>;
  /** Each predicted link with whether the key has it, for reading. */
  predicted: { kind: 'answered' | 'landed'; from: string; to: string; text: string; right: boolean }[];
}

const LEDGER = /* GraphQL */ `
  query Ledger {
    requests(first: 1000) { text item { number title meeting { sources { path } } } answeredIn { number title meeting { sources { path } } } }
    deferrals(first: 1000) { subject overdue item { number title meeting { sources { path } } } landedIn { number title meeting { sources { path } } } }
  }
`;

interface ItemOut {
  number: string | null;
  title: string;
  meeting: { sources: { path: string }[] };
}

const base = (p: string) => p.split('/').pop()!;
const at = (i: ItemOut, source: string, item: string) =>
  i.meeting.sources.some((s) => base(s.path) === source) && i.number !== null && itemNumbersMatch(i.number, item);

export async function loadSeries(file: string): Promise<SeriesKey> {
  return SeriesSchema.parse(JSON.parse(await readFile(file, 'utf8')));
}

/** Ingests `docs` together and scores the ledger the API serves against `key`. */
export async function scoreSeries(key: SeriesKey, docs: { doc: ResolvedDocument; raw: RawDocument; file: string }[], corrections: CorrectionSet | null = null): Promise<SeriesReport> {
  const dir = await mkdtemp(join(tmpdir(), 'councilgraph-series-'));
  const store = await openKuzuStore(join(dir, 'db'));
  try {
    const byFile = new Map(docs.map((d) => [d.file, d]));
    const root = docs[0] ? docs[0].file.slice(0, docs[0].file.lastIndexOf('/')) : dir;
    const summary = await ingestPaths(store, docs.map((d) => d.file), {
      root,
      corrections,
      pool: {
        file: async (path, id, as) => {
          const d = byFile.get(path)!;
          return { doc: { ...d.doc, source: { ...d.doc.source, id, path: as } }, raw: { ...d.raw, id, path } };
        },
      },
    });
    if (summary.failures.length > 0) throw new Error(summary.failures.map((f) => f.error).join('; '));
    const api = await createApi(store, { production: true, limits: { ...DEFAULT_LIMITS, maxCost: null, timeoutMs: 120_000 }, logger: silentLogger() });
    let data: { requests: { text: string; item: ItemOut; answeredIn: ItemOut | null }[]; deferrals: { subject: string; overdue: boolean; item: ItemOut; landedIn: ItemOut | null }[] };
    try {
      const result = await api.execute({ query: LEDGER });
      if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
      data = result.data as typeof data;
    } finally {
      await api.stop();
    }
    return score(key, data, docs.length);
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function score(key: SeriesKey, data: { requests: { text: string; item: ItemOut; answeredIn: ItemOut | null }[]; deferrals: { subject: string; overdue: boolean; item: ItemOut; landedIn: ItemOut | null }[] }, documents: number): SeriesReport {
  const gold = (kind: string) => key.links.filter((l) => l.kind === kind);
  const predicted: SeriesReport['predicted'] = [];
  const pair = <P>(golds: SeriesKey['links'], preds: P[], matches: (g: SeriesKey['links'][number], p: P) => boolean): Counts & { right: Set<P> } => {
    const used = new Set<number>();
    const right = new Set<P>();
    for (const p of preds) {
      const g = golds.findIndex((x, i) => !used.has(i) && matches(x, p));
      if (g >= 0) {
        used.add(g);
        right.add(p);
      }
    }
    return { tp: right.size, fp: preds.length - right.size, fn: golds.length - right.size, right };
  };
  const describe = (i: ItemOut) => `${base(i.meeting.sources[0]?.path ?? '?')}#${i.number ?? i.title}`;
  const answeredPred = data.requests.filter((r) => r.answeredIn);
  const answered = pair(gold('request_answered'), answeredPred, (g, p) => at(p.item, g.from.source, g.from.item) && textScore(g.from.request ?? '', p.text) > 0 && Boolean(g.to) && at(p.answeredIn!, g.to!.source, g.to!.item));
  for (const p of answeredPred) predicted.push({ kind: 'answered', from: describe(p.item), to: describe(p.answeredIn!), text: p.text, right: answered.right.has(p) });
  const landedPred = data.deferrals.filter((d) => d.landedIn);
  const landed = pair(gold('deferral_landed'), landedPred, (g, p) => at(p.item, g.from.source, g.from.item) && textScore(g.from.subject ?? '', p.subject) > 0 && Boolean(g.to) && at(p.landedIn!, g.to!.source, g.to!.item));
  for (const p of landedPred) predicted.push({ kind: 'landed', from: describe(p.item), to: describe(p.landedIn!), text: p.subject, right: landed.right.has(p) });
  const overduePred = data.deferrals.filter((d) => d.overdue);
  const overdue = pair(gold('deferral_overdue'), overduePred, (g, p) => at(p.item, g.from.source, g.from.item) && textScore(g.from.subject ?? '', p.subject) > 0);
  const links: Counts = { tp: answered.tp + landed.tp, fp: answered.fp + landed.fp, fn: answered.fn + landed.fn };
  return {
    documents,
    fields: { links: summariseCounts(links), answered: summariseCounts(answered), landed: summariseCounts(landed), overdue: summariseCounts(overdue) },
    predicted,
  };
}
