/**
 * Scores an extractor over a corpus directory against a gold directory: the programmatic API
 * behind `councilgraph eval`, and what accuracy-floor tests call.
 */
import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CorrectionSet } from '../graph/corrections.ts';
import type { RawDocument } from '../load/types.ts';
import type { ResolvedDocument } from '../resolve/types.ts';
import { BASELINE_METHOD, compromisePeople } from './baseline.ts';
import { loadGold, type GoldDocument } from './gold.ts';
import { graphPrediction } from './graph-stage.ts';
import { projectDocument } from './project.ts';
import { ruleReport, type RuleRow } from './rules-report.ts';
import { readUtf8Document } from './read-local.ts';
import { loadSeries, scoreSeries, type SeriesReport } from './series.ts';
import { EXTRA_FIELDS, scoreExtra, sumExtra, type ExtraCounts, type ExtraField } from './extra.ts';
import {
  FIELDS,
  macroF1,
  scoreDocument,
  scorePersonMentions,
  sumDocuments,
  summarise,
  type Counts,
  type DocumentCounts,
  type Field,
  type FieldScore,
} from './score.ts';

export type Extractor = (raw: RawDocument) => ResolvedDocument | Promise<ResolvedDocument>;
export type Reader = (path: string) => Promise<RawDocument>;
export type FieldScores = Record<Field, FieldScore>;
/** The project's extra fields (src/eval/extra.ts), present only where a key gives them. */
export type ExtraScores = Partial<Record<ExtraField, FieldScore>>;

/**
 * Where a prediction is read: `extract` is the extractor's own output; `graph` is the same
 * document after ingestion into a fresh store, read back through the GraphQL API (what users
 * see). Floors pin `graph`; `extract` beside it shows what the store loses.
 */
export type Stage = 'graph' | 'extract';
export const STAGES: readonly Stage[] = ['graph', 'extract'];

export interface StageScores {
  fields: FieldScores;
  /** Decisions, declarations, substitutions, asked: beside the fields, never in the macro F1. */
  extra: ExtraScores;
  macroF1: number | null;
  /** How many fields had anything to score and so entered the macro mean. */
  macroFields: number;
}

export interface EvaluateOptions {
  corpusDir: string;
  goldDir: string;
  /** Defaults to `extractDocument` from src/pipeline.ts. */
  extract?: Extractor;
  /** Defaults to `readDocument` from src/load/read.ts, or a UTF-8 reader while that is absent. */
  read?: Reader;
  /** Run the compromise baseline (default true). */
  baseline?: boolean;
  /** Stages to score (default both); the first is the report's headline (`fields`, `macroF1`). */
  stages?: readonly Stage[];
  /** Corrections applied to the served graph (the graph stage and series); default none. */
  corrections?: CorrectionSet | null;
  /** Score each extraction rule's contribution (`eval --rules`, src/eval/rules-report.ts). */
  rules?: boolean;
}

export interface DocumentReport {
  id: string;
  goldFile: string;
  /** The headline stage's scores. */
  fields: FieldScores;
  macroF1: number | null;
  byStage: Partial<Record<Stage, { fields: FieldScores; macroF1: number | null; extra: ExtraScores }>>;
  baseline: FieldScore | null;
  /** Reader, extractor and projection warnings for this document. */
  warnings: string[];
  /** Set when reading or extracting threw; the document is then scored as an empty extraction. */
  error: string | null;
}

export interface EvalReport {
  corpusDir: string;
  goldDir: string;
  reader: string;
  /** The stages scored, headline first. */
  stages: Stage[];
  documents: DocumentReport[];
  /** The headline stage's scores. */
  fields: FieldScores;
  macroF1: number | null;
  /** How many fields had anything to score and so entered the macro mean. */
  macroFields: number;
  byStage: Partial<Record<Stage, StageScores>>;
  baseline: { method: string; field: 'people'; score: FieldScore } | null;
  corpusWithoutGold: string[];
  goldWithoutCorpus: string[];
  /** Each rule's facts and the scored entries they make (only with `rules: true`). */
  rules?: RuleRow[];
  /** Links across meetings, when the gold directory holds a series.json (src/eval/series.ts). */
  series: SeriesReport | null;
  /** The corrections file applied to the served graph, with its entry count; null for none. */
  corrections: { file: string; entries: number } | null;
}

/** A problem with the inputs to an evaluation (not with one document's extraction). */
export class EvalInputError extends Error {
  override name = 'EvalInputError';
}

const REAL_READER = fileURLToPath(new URL('../load/read.ts', import.meta.url));

/**
 * The loader's reader once it exists. Imported by path so this module type-checks and runs
 * before that file lands; once it exists its own errors propagate rather than being hidden.
 */
async function defaultReader(): Promise<{ read: Reader; name: string }> {
  if (existsSync(REAL_READER)) {
    const mod = (await import(REAL_READER)) as { readDocument?: Reader };
    if (typeof mod.readDocument === 'function') return { read: mod.readDocument, name: 'src/load/read.ts readDocument' };
  }
  return { read: readUtf8Document, name: 'src/eval/read-local.ts (UTF-8 only; src/load/read.ts not available)' };
}

async function defaultExtractor(): Promise<Extractor> {
  const { extractDocument } = await import('../pipeline.ts');
  return extractDocument;
}

async function listFiles(dir: string, what: string, flag: string): Promise<string[]> {
  let info;
  try {
    info = await stat(dir);
  } catch {
    throw new EvalInputError(`${what} directory ${dir} does not exist; pass an existing directory with ${flag}`);
  }
  if (!info.isDirectory()) throw new EvalInputError(`${what} path ${dir} is not a directory; pass a directory with ${flag}`);
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort();
}

function stem(file: string): string {
  return basename(file, extname(file));
}

function emptyPrediction(id: string): GoldDocument {
  return { source: id, meeting: { body: null, date: null }, chair: null, members_present: [], apologies: [], people: [], items: [] };
}

function summariseExtra(counts: ExtraCounts): ExtraScores {
  const out: ExtraScores = {};
  for (const f of EXTRA_FIELDS) if (counts[f]) out[f] = summarise(counts[f]!);
  return out;
}

function summariseAll(counts: DocumentCounts): FieldScores {
  const out = {} as FieldScores;
  for (const f of FIELDS) out[f] = summarise(counts[f]);
  return out;
}

export async function evaluateCorpus(options: EvaluateOptions): Promise<EvalReport> {
  const corpusDir = resolve(options.corpusDir);
  const goldDir = resolve(options.goldDir);
  // Answer files are never documents, so one directory can hold NAME.txt and NAME.json together.
  const corpusFiles = (await listFiles(corpusDir, 'corpus', '--corpus')).filter((f) => extname(f) !== '.json');
  const goldFiles = (await listFiles(goldDir, 'gold', '--gold')).filter((f) => extname(f) === '.json');
  if (goldFiles.length === 0) {
    throw new EvalInputError(`gold directory ${goldDir} holds no .json answer files; point --gold at a directory of files in the FORMAT.md shape`);
  }

  const docsByStem = new Map<string, string[]>();
  for (const f of corpusFiles) docsByStem.set(stem(f), [...(docsByStem.get(stem(f)) ?? []), f]);
  const goldStems = new Set(goldFiles.map(stem));
  const pairs: { doc: string; gold: string }[] = [];
  for (const g of goldFiles) {
    const docs = docsByStem.get(stem(g)) ?? [];
    if (docs.length > 1) {
      throw new EvalInputError(`${docs.join(' and ')} in ${corpusDir} both pair with gold ${g}; keep one of them`);
    }
    if (docs[0]) pairs.push({ doc: docs[0], gold: g });
  }
  if (pairs.length === 0) {
    throw new EvalInputError(
      `no document in ${corpusDir} has a gold file in ${goldDir} (NAME.txt pairs with NAME.json); check the two directories belong together`,
    );
  }
  // Load every gold file before extracting anything: a broken key should fail fast.
  const golds = await Promise.all(pairs.map((p) => loadGold(join(goldDir, p.gold))));

  const { read, name: readerName } = options.read
    ? { read: options.read, name: 'custom reader' }
    : await defaultReader();
  const extract = options.extract ?? (await defaultExtractor());
  const runBaseline = options.baseline ?? true;

  const stages: Stage[] = [...new Set(options.stages ?? STAGES)];
  if (stages.length === 0) throw new EvalInputError('no stage to score; pass graph, extract or both');
  const documents: DocumentReport[] = [];
  const docCounts = new Map<Stage, DocumentCounts[]>(stages.map((s) => [s, []]));
  const extraCounts = new Map<Stage, ExtraCounts[]>(stages.map((s) => [s, []]));
  let baselineTotal: Counts = { tp: 0, fp: 0, fn: 0 };
  const seriesFile = join(goldDir, 'series.json');
  const series = existsSync(seriesFile) ? await loadSeries(seriesFile) : null;
  const seriesSources = new Set(series ? [...(series.sources ?? []), ...series.links.flatMap((l) => [l.from.source, ...(l.to ? [l.to.source] : [])])] : []);
  const seriesDocs: { doc: ResolvedDocument; raw: RawDocument; file: string }[] = [];
  const ruleInputs: { gold: GoldDocument; resolved: ResolvedDocument }[] = [];
  for (const [i, pair] of pairs.entries()) {
    const gold = golds[i]!;
    const warnings: string[] = [];
    if (gold.source !== pair.doc) warnings.push(`gold ${pair.gold} names source '${gold.source}', paired by name with ${pair.doc}`);
    const predicted = new Map<Stage, GoldDocument>(stages.map((s) => [s, emptyPrediction(pair.doc)]));
    let error: string | null = null;
    let raw: RawDocument | null = null;
    let step = 'reading';
    try {
      raw = await read(join(corpusDir, pair.doc));
      warnings.push(...raw.warnings);
      step = 'extracting';
      const resolved = await extract(raw);
      warnings.push(...resolved.warnings);
      if (options.rules) ruleInputs.push({ gold, resolved });
      if (seriesSources.has(pair.doc)) seriesDocs.push({ doc: resolved, raw, file: join(corpusDir, pair.doc) });
      if (predicted.has('extract')) {
        const projection = projectDocument(resolved);
        warnings.push(...projection.warnings);
        predicted.set('extract', projection.doc);
      }
      if (predicted.has('graph')) {
        step = 'ingesting and reading back';
        const served = await graphPrediction(resolved, raw, options.corrections ?? null);
        warnings.push(...served.warnings);
        predicted.set('graph', served.doc);
      }
    } catch (err) {
      error = `${step} ${pair.doc} failed: ${(err as Error).message}`;
    }
    const byStage: DocumentReport['byStage'] = {};
    for (const stage of stages) {
      const counts = scoreDocument(gold, predicted.get(stage)!);
      docCounts.get(stage)!.push(counts);
      const extra = scoreExtra(gold, predicted.get(stage)!);
      extraCounts.get(stage)!.push(extra);
      const fields = summariseAll(counts);
      byStage[stage] = { fields, macroF1: macroF1(Object.values(fields)), extra: summariseExtra(extra) };
    }
    let baseline: FieldScore | null = null;
    if (runBaseline) {
      // A document that could not be read gives the baseline nothing to find, like the extractor.
      const c = scorePersonMentions(gold.people, raw ? compromisePeople(raw.text) : []);
      baselineTotal = { tp: baselineTotal.tp + c.tp, fp: baselineTotal.fp + c.fp, fn: baselineTotal.fn + c.fn };
      baseline = summarise(c);
    }
    const headline = byStage[stages[0]!]!;
    documents.push({
      id: pair.doc,
      goldFile: pair.gold,
      fields: headline.fields,
      macroF1: headline.macroF1,
      byStage,
      baseline,
      warnings,
      error,
    });
  }

  const byStage: EvalReport['byStage'] = {};
  for (const stage of stages) {
    const fields = summariseAll(sumDocuments(docCounts.get(stage)!));
    byStage[stage] = {
      fields,
      extra: summariseExtra(sumExtra(extraCounts.get(stage)!)),
      macroF1: macroF1(Object.values(fields)),
      macroFields: Object.values(fields).filter((f) => f.f1 !== null).length,
    };
  }
  const headline = byStage[stages[0]!]!;
  return {
    corpusDir,
    goldDir,
    reader: readerName,
    stages,
    documents,
    fields: headline.fields,
    macroF1: headline.macroF1,
    macroFields: headline.macroFields,
    byStage,
    baseline: runBaseline ? { method: BASELINE_METHOD, field: 'people', score: summarise(baselineTotal) } : null,
    corpusWithoutGold: corpusFiles.filter((f) => !goldStems.has(stem(f))),
    corrections: options.corrections ? { file: options.corrections.file, entries: options.corrections.entries.length } : null,
    series: series && seriesDocs.length > 0 ? await scoreSeries(series, seriesDocs, options.corrections ?? null) : null,
    goldWithoutCorpus: goldFiles.filter((g) => !docsByStem.has(stem(g))),
    ...(options.rules ? { rules: ruleReport(ruleInputs) } : {}),
  };
}
