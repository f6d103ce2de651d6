/**
 * `eval --rules`: each rule's facts are taken out and the corpus scored again; what goes with
 * them is what the rule found (tp) or got wrong (fp).
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateCorpus } from '../../src/eval/evaluate.ts';
import { formatRuleReport } from '../../src/eval/rules-report.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('eval --rules on our sample minutes', () => {
  it('scores every rule that read a fact, and the attendance rules find what the key lists', { timeout: 300_000 }, async () => {
    const report = await evaluateCorpus({ corpusDir: `${ROOT}/ingest`, goldDir: `${ROOT}/test/fixtures/sample-gold`, stages: ['extract'], baseline: false, rules: true });
    const rows = report.rules!;
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows) {
      expect(r.facts).toBeGreaterThan(0);
      if (r.precision !== null) expect(r.precision).toBeGreaterThanOrEqual(0);
    }
    const byId = new Map(rows.map((r) => [r.rule, r]));
    // The members-present list rules read every member the keys list, and nothing else.
    const present = rows.filter((r) => r.rule.endsWith('/present'));
    expect(present.reduce((n, r) => n + r.tp, 0)).toBeGreaterThanOrEqual(report.fields.members_present.tp * 0.9);
    expect(present.every((r) => r.fp === 0)).toBe(true);
    // A rule taken out can only lose what the whole corpus scored.
    const totalTp = Object.values(report.fields).reduce((n, f) => n + f.tp, 0);
    for (const r of rows) expect(r.tp).toBeLessThanOrEqual(totalTp);
    expect(byId.get('presenter.passive-by') ?? byId.get('presenter.active-verb')).toBeDefined();
    const table = formatRuleReport(rows);
    expect(table).toMatch(/^rules \(/);
    expect(table.split('\n').length).toBe(rows.length + 3);
  });
});
