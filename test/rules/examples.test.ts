/**
 * Rules are data, and every rule's examples are its first tests: each example must match
 * (capturing exactly the groups it names) and each counterexample must not. A rule whose
 * counterexample is told apart by the code around it (the subject before a participation verb,
 * a post anchored at a name) says so in `CONTEXTUAL`, and its examples still must match.
 */
import { describe, expect, it } from 'vitest';
import '../../src/pipeline.ts';
import { declaredRules, firstHit } from '../../src/rules/engine.ts';

/**
 * Rules whose counterexamples are rejected by the logic around the pattern, not by it: the
 * subject before a participation verb; where deferred business goes (targetOf: "deferred from"
 * is where it came from); who asked (service users' requests are reported, not made); a label
 * whose value is a date; a number alone that is a year.
 */
const CONTEXTUAL = /^(?:presenter|introducer|attendee|asker|asked|role\.before-name|deferral\.passive|request\.asked|meeting\.body-label|item\.number-alone)\b/;

const rules = declaredRules();

describe('rule examples', () => {
  it('every family declares its rules', () => {
    const families = new Set(rules.map((r) => r.id.split('.')[0]));
    for (const f of ['item', 'role', 'deferral', 'request', 'presenter', 'apologies']) expect(families, `no '${f}.' rules declared`).toContain(f);
  });
  for (const r of rules) {
    describe(r.id, () => {
      for (const ex of r.examples) {
        it(`matches ${JSON.stringify(ex.text.slice(0, 80))}`, () => {
          const h = firstHit(r, ex.text);
          expect(h, `${r.id} does not match its own example`).not.toBeNull();
          for (const [group, text] of Object.entries(ex.groups ?? {})) expect(h!.text[group]?.trim(), `${r.id}: group '${group}'`).toBe(text.trim());
          // The prefilter must pass on the match's own text, not only on the example around it.
          if (r.prefilter) expect(r.prefilter.test(ex.text.slice(h!.start, h!.end)), `${r.id}: needs fails on its own match`).toBe(true);
        });
      }
      if (CONTEXTUAL.test(r.id)) return;
      for (const text of r.counterexamples) {
        it(`leaves ${JSON.stringify(text.slice(0, 80))} alone`, () => expect(firstHit(r, text), `${r.id} matches its counterexample`).toBeNull());
      }
    });
  }
});
