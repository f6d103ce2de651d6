/**
 * `eval --rules`: what each extraction rule is worth on a corpus. Every fact the extractor
 * resolves carries the id of the rule that read it (Evidence.rule). A rule's contribution is
 * measured by taking its facts out and scoring again with the same scorer: the true positives
 * lost are what it found, the false positives lost are what it got wrong. Ablation rather than
 * tracing each scored entry back to its rule keeps the scorer (FORMAT.md's rules) the only
 * judge, and it also counts what a rule's facts do downstream (a person a name rule found is
 * what makes a role pair or an attendee matchable).
 */
import type { GoldDocument } from './gold.ts';
import { projectDocument } from './project.ts';
import { scoreDocument, FIELDS, type Counts } from './score.ts';
import type { ResolvedDocument } from '../resolve/types.ts';

export interface RuleRow {
  rule: string;
  /** Facts in the resolved documents that carry this rule. */
  facts: number;
  /** Scored entries (summed over every field) that go when the rule's facts go. */
  tp: number;
  fp: number;
  /** tp / (tp + fp), null when removing the rule changes no scored entry. */
  precision: number | null;
}

type Json = unknown;

function isEvidence(v: Json): v is { rule?: string | null } {
  return typeof v === 'object' && v !== null && 'doc' in v && 'sentence' in v && 'start' in v;
}

/** The rule ids that read something in `v`, with how many facts each read. */
function collectRules(v: Json, out: Map<string, number>): void {
  if (Array.isArray(v)) {
    for (const x of v) collectRules(x, out);
    return;
  }
  if (typeof v !== 'object' || v === null) return;
  for (const [k, x] of Object.entries(v)) {
    if (k === 'evidence' && isEvidence(x) && typeof x.rule === 'string') out.set(x.rule, (out.get(x.rule) ?? 0) + 1);
    else collectRules(x, out);
  }
}

/** `v` without the facts `rule` read: an array entry whose own evidence carries the rule goes. */
function without(v: Json, rule: string): Json {
  if (Array.isArray(v)) {
    return v
      .filter((x) => !(typeof x === 'object' && x !== null && 'evidence' in x && isEvidence((x as { evidence: Json }).evidence) && (x as { evidence: { rule?: string | null } }).evidence.rule === rule))
      .map((x) => without(x, rule));
  }
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, Json> = {};
  for (const [k, x] of Object.entries(v)) out[k] = k === 'evidence' ? x : without(x, rule);
  return out;
}

function total(gold: GoldDocument, pred: GoldDocument): Counts {
  const counts = scoreDocument(gold, pred);
  const sum: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const f of FIELDS) {
    sum.tp += counts[f].tp;
    sum.fp += counts[f].fp;
    sum.fn += counts[f].fn;
  }
  return sum;
}

/** One row per rule that read anything, most facts first. */
export function ruleReport(pairs: readonly { gold: GoldDocument; resolved: ResolvedDocument }[]): RuleRow[] {
  const facts = new Map<string, number>();
  for (const p of pairs) collectRules(p.resolved, facts);
  const base = pairs.map((p) => total(p.gold, projectDocument(p.resolved).doc));
  const rows: RuleRow[] = [];
  for (const [rule, n] of facts) {
    let tp = 0;
    let fp = 0;
    pairs.forEach((p, i) => {
      const after = total(p.gold, projectDocument(without(p.resolved, rule) as ResolvedDocument).doc);
      tp += base[i]!.tp - after.tp;
      fp += base[i]!.fp - after.fp;
    });
    rows.push({ rule, facts: n, tp, fp, precision: tp + fp > 0 ? tp / (tp + fp) : null });
  }
  return rows.sort((a, b) => b.facts - a.facts || a.rule.localeCompare(b.rule));
}

/** The table `eval --rules` prints. */
export function formatRuleReport(rows: readonly RuleRow[]): string {
  const lines = [
    'rules (each rule\'s facts taken out and the corpus scored again: tp and fp are the scored entries that go with them)',
    `${'rule'.padEnd(44)}${'facts'.padStart(7)}${'tp'.padStart(7)}${'fp'.padStart(7)}${'precision'.padStart(11)}`,
    '-'.repeat(76),
  ];
  for (const r of rows) {
    const p = r.precision === null ? 'n/a' : r.precision.toFixed(3);
    lines.push(`${r.rule.padEnd(44)}${String(r.facts).padStart(7)}${String(r.tp).padStart(7)}${String(r.fp).padStart(7)}${p.padStart(11)}`);
  }
  return lines.join('\n');
}
