/**
 * The evaluation report as plain text (a fixed-width table) or JSON. The JSON is the
 * `EvalReport` object itself, so scripts see exactly what tests assert on.
 */
import type { DocumentReport, EvalReport, ExtraScores, FieldScores, Stage } from './evaluate.ts';
import { EXTRA_FIELDS } from './extra.ts';
import { FIELDS, type FieldScore } from './score.ts';

const NA = 'n/a';

function num(x: number | null): string {
  return x === null ? NA : x.toFixed(3);
}

const HEADER = ['field', 'P', 'R', 'F1', 'tp', 'fp', 'fn'] as const;
const WIDTHS = [28, 6, 6, 6, 5, 5, 5] as const;

function row(cells: readonly string[]): string {
  return cells
    .map((c, i) => (i === 0 ? c.padEnd(WIDTHS[0]) : c.padStart(WIDTHS[i] ?? 6)))
    .join(' ')
    .trimEnd();
}

function scoreRow(label: string, s: FieldScore): string {
  return row([label, num(s.precision), num(s.recall), num(s.f1), String(s.tp), String(s.fp), String(s.fn)]);
}

const STAGE_LABEL: Record<Stage, string> = { graph: 'graph (as served)', extract: 'extractor only' };

/** One stage: P, R, F1 and counts. Two stages: the headline in full, then the other's P/R/F1. */
function fieldTable(byStage: Partial<Record<Stage, { fields: FieldScores }>>, stages: readonly Stage[]): string[] {
  const [first, second] = stages as [Stage, Stage | undefined];
  const main = byStage[first]!.fields;
  const other = second ? byStage[second]!.fields : null;
  const width = WIDTHS.reduce((a, b) => a + b + 1, -1);
  const lines: string[] = [];
  if (other) lines.push(`${' '.repeat(WIDTHS[0] + 1)}${STAGE_LABEL[first].padEnd(width - WIDTHS[0] - 1)}   ${STAGE_LABEL[second!]}`);
  lines.push(row(HEADER) + (other ? '   ' + ['P', 'R', 'F1'].map((h) => h.padStart(6)).join(' ') : ''));
  lines.push('-'.repeat(width + (other ? 24 : 0)));
  for (const f of FIELDS) {
    let line = scoreRow(f, main[f]);
    if (other) line = line.padEnd(width) + '   ' + [other[f].precision, other[f].recall, other[f].f1].map((x) => num(x).padStart(6)).join(' ');
    lines.push(line);
  }
  return lines;
}

/** The extra fields a key gives (KEY-FORMAT.md), in the same layout; nothing when no key gives any. */
function extraTable(byStage: Partial<Record<Stage, { extra?: ExtraScores }>>, stages: readonly Stage[]): string[] {
  const [first, second] = stages as [Stage, Stage | undefined];
  const main = byStage[first]?.extra ?? {};
  const other = second ? (byStage[second]?.extra ?? {}) : null;
  const fields = EXTRA_FIELDS.filter((f) => main[f] || other?.[f]);
  if (fields.length === 0) return [];
  const width = WIDTHS.reduce((a, b) => a + b + 1, -1);
  const lines = ['', 'extra fields (test/fixtures/KEY-FORMAT.md; scored only where a key gives them, not in the macro F1):'];
  for (const f of fields) {
    const s = main[f] ?? { tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null };
    let line = scoreRow(f, s);
    const o = other?.[f];
    if (o) line = line.padEnd(width) + '   ' + [o.precision, o.recall, o.f1].map((x) => num(x).padStart(6)).join(' ');
    lines.push(line);
  }
  return lines;
}

function macroLine(report: { stages: readonly Stage[] } & { byStage: Partial<Record<Stage, { macroF1: number | null; macroFields?: number }>> }, scored: number): string {
  const parts = report.stages.map((s) => `${num(report.byStage[s]!.macroF1)} ${report.stages.length > 1 ? STAGE_LABEL[s] : ''}`.trim());
  return `macro F1: ${parts.join(', ')} (mean over the ${scored} of ${FIELDS.length} fields with anything to score; n/a fields left out)`;
}

function documentSection(doc: DocumentReport, stages: readonly Stage[]): string[] {
  const scored = Object.values(doc.fields).filter((f) => f.f1 !== null).length;
  const lines = ['', `== ${doc.id} (gold ${doc.goldFile})`];
  if (doc.error) lines.push(`error: ${doc.error} (scored as an empty extraction)`);
  lines.push(...fieldTable(doc.byStage, stages), macroLine({ stages, byStage: doc.byStage }, scored), ...extraTable(doc.byStage, stages));
  if (doc.baseline) lines.push(scoreRow('baseline: compromise people', doc.baseline));
  for (const w of doc.warnings) lines.push(`warning: ${w}`);
  return lines;
}

export function formatText(report: EvalReport, options: { verbose?: boolean } = {}): string {
  const lines = [
    `councilgraph eval: ${report.documents.length} document(s)`,
    `  corpus ${report.corpusDir}`,
    `  gold   ${report.goldDir}`,
    `  reader ${report.reader}`,
    ...(report.corrections ? [`  corrections ${report.corrections.file} (${report.corrections.entries} entries; --no-corrections scores without them)`] : []),
    '',
    `  stages ${report.stages.map((s) => STAGE_LABEL[s]).join(', ')}`,
    '',
    ...fieldTable(report.byStage, report.stages),
    '',
    macroLine(report, report.macroFields),
    ...extraTable(report.byStage, report.stages),
  ];
  if (report.series) {
    lines.push('', `links across meetings (series.json; ${report.series.documents} documents ingested together):`);
    for (const [f, sc] of Object.entries(report.series.fields)) lines.push(scoreRow(f, sc));
    if (options.verbose) for (const p of report.series.predicted) lines.push(`  ${p.right ? 'right' : 'WRONG'} ${p.kind} ${p.from} → ${p.to}: ${p.text}`);
  }
  if (report.baseline) {
    lines.push('', `baseline (${report.baseline.method}):`, scoreRow('baseline: compromise people', report.baseline.score));
    const people = report.fields.people;
    lines.push(scoreRow('councilgraph people', people));
  }
  const warnings = report.documents.reduce((n, d) => n + d.warnings.length, 0);
  if (warnings > 0 && !options.verbose) lines.push('', `${warnings} warning(s) from reading, extraction and projection; --verbose lists them per document`);
  const errors = report.documents.filter((d) => d.error);
  if (errors.length > 0) {
    lines.push('', `${errors.length} document(s) failed and were scored as empty extractions:`);
    for (const d of errors) lines.push(`  ${d.error}`);
  }
  if (report.corpusWithoutGold.length > 0) {
    lines.push('', `not scored, no gold file: ${report.corpusWithoutGold.join(', ')}`);
  }
  if (report.goldWithoutCorpus.length > 0) {
    lines.push('', `gold files with no document in the corpus: ${report.goldWithoutCorpus.join(', ')}`);
  }
  if (options.verbose) for (const d of report.documents) lines.push(...documentSection(d, report.stages));
  return lines.join('\n');
}

export function formatJson(report: EvalReport): string {
  return JSON.stringify(report, null, 2);
}
