/**
 * Every example of the record's rules is a test: it must match (capturing the groups it names,
 * exactly), and every counterexample must not. (The participation rules that take their subject
 * before the verb leave their counterexamples to the subject logic, so their examples are tested
 * through the pipeline in test/extract.)
 */
import { describe, expect, it } from 'vitest';
import '../../src/pipeline.ts';
import { declaredRules, firstHit } from '../../src/rules/engine.ts';

const FAMILIES = /^(?:decision|mover|seconder|vote|declaration|substitute|reference)\./;
const rules = declaredRules().filter((r) => FAMILIES.test(r.id));

describe('rule examples', () => {
  it('has rules to check', () => expect(rules.length).toBeGreaterThan(15));
  for (const r of rules) {
    describe(r.id, () => {
      for (const ex of r.examples) {
        it(`matches ${JSON.stringify(ex.text)}`, () => {
          const h = firstHit(r, ex.text);
          expect(h, `${r.id} does not match its example`).not.toBeNull();
          for (const [group, text] of Object.entries(ex.groups ?? {})) expect(h!.text[group]?.trim(), `group ${group}`).toBe(text);
        });
      }
      for (const text of r.counterexamples) {
        it(`leaves ${JSON.stringify(text)} alone`, () => expect(firstHit(r, text), `${r.id} matches its counterexample`).toBeNull());
      }
    });
  }
});
