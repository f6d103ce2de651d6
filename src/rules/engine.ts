/**
 * Rules as data, after compromise's `{match, tag, reason}` entries: every extraction rule is an
 * entry with an id, the field or relation it produces, the family of phrasings it covers (its
 * reason), its pattern, and examples that must and must not match. One engine runs them all, so
 * a rule is data a reviewer can read, a test can check (every example is a test) and an
 * evaluation can score (`councilgraph eval --rules`: hits and precision per rule id).
 *
 * Patterns are regular expressions built from the word lists in src/lexicon, with named groups
 * for the parts a rule reads (`(?<who>…)`, `(?<what>…)`). The engine adds the `d` flag so every
 * group comes back with its offsets: evidence points at the exact characters a rule used.
 */

/** What a rule's hit is evidence for: a field of the answer key, or a relation of the graph. */
export type Produces =
  | 'meeting.body'
  | 'meeting.date'
  | 'chair'
  | 'members_present'
  | 'others_present'
  | 'apologies'
  | 'substitute'
  | 'person'
  | 'role'
  | 'represents'
  | 'item'
  | 'furniture'
  | 'attendee'
  | 'presenter'
  | 'introducer'
  | 'request'
  | 'deferral'
  | 'strategy'
  | 'decision'
  | 'mover'
  | 'seconder'
  | 'vote'
  | 'declaration'
  | 'asked'
  | 'body-relation'
  | 'attendance-block';

export interface RuleExample {
  /** A phrase of our own in the family the rule covers (never copied from real minutes). */
  text: string;
  /** Named groups the first hit must capture, exactly. */
  groups?: Record<string, string>;
}

export interface RuleDef {
  /** Stable, dotted: `<field>.<family>` ("presenter.passive-by"). Evidence carries it. */
  id: string;
  produces: Produces;
  /** The family of phrasings, in a sentence: why the rule exists. */
  reason: string;
  pattern: RegExp;
  /**
   * A cheap test every match passes on its own text (a word each match holds, "seconded" for a
   * seconder): a text that fails it is skipped without running `pattern`. For rules run over
   * many sentences or items where few hold the word. It must hold for every match, or the rule
   * loses hits (the examples test checks it on each example's match).
   */
  needs?: RegExp;
  /** Must match (and capture `groups` where given). */
  examples: RuleExample[];
  /** Must not match: the near misses the rule has to leave alone. */
  counterexamples: string[];
}

export interface Rule extends Readonly<RuleDef> {
  /** `pattern` with the `d` and `g` flags, for offsets of every group. */
  readonly compiled: RegExp;
  /** `needs` without `g` or `y`, so testing it keeps no state; null without one. */
  readonly prefilter: RegExp | null;
}

export interface Span {
  start: number;
  end: number;
}

export interface Hit {
  rule: Rule;
  start: number;
  end: number;
  /** Offsets (in the searched text) of each named group that took part in the match. */
  groups: Record<string, Span | undefined>;
  /** The text of each named group. */
  text: Record<string, string | undefined>;
}

const registry = new Map<string, Rule>();

/** Declares a rule. Ids are unique across the program: a duplicate is a programming error. */
export function rule(def: RuleDef): Rule {
  if (registry.has(def.id)) throw new Error(`rule id '${def.id}' is declared twice; rule ids must be unique`);
  if (def.examples.length === 0) throw new Error(`rule '${def.id}' has no examples; every rule shows what it matches`);
  const flags = new Set([...def.pattern.flags, 'd', 'g']);
  flags.delete('y');
  const compiled = new RegExp(def.pattern.source, [...flags].join(''));
  const prefilter = def.needs ? new RegExp(def.needs.source, def.needs.flags.replace(/[gy]/g, '')) : null;
  const r: Rule = Object.freeze({ ...def, compiled, prefilter });
  registry.set(def.id, r);
  return r;
}

/** Every rule declared so far (modules declare theirs at load). */
export function declaredRules(): Rule[] {
  return [...registry.values()];
}

function toHit(r: Rule, m: RegExpExecArray, offset: number): Hit {
  const groups: Record<string, Span | undefined> = {};
  const text: Record<string, string | undefined> = {};
  const named = m.groups;
  // A plain loop over the groups object (in its own order, as Object.entries gives it) without
  // the pairs Object.entries allocates: a hit is made for every match of every rule.
  if (named) {
    const indices = m.indices?.groups;
    for (const name in named) {
      const at = indices?.[name];
      groups[name] = at ? { start: at[0] + offset, end: at[1] + offset } : undefined;
      text[name] = named[name];
    }
  }
  return { rule: r, start: m.index + offset, end: m.index + m[0].length + offset, groups, text };
}

/**
 * Every hit of `r` in `text` between `start` and `end`, in order, offsets in `text`. The slice
 * is searched on its own, so `^` and `$` (with the `m` flag) mean the slice's lines.
 */
export function hits(r: Rule, text: string, start = 0, end = text.length): Hit[] {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  if (r.prefilter && !r.prefilter.test(slice)) return [];
  const re = r.compiled;
  re.lastIndex = 0;
  const out: Hit[] = [];
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    out.push(toHit(r, m, start));
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/** The first hit of `r`, or null. */
export function firstHit(r: Rule, text: string, start = 0, end = text.length): Hit | null {
  const slice = start === 0 && end === text.length ? text : text.slice(start, end);
  if (r.prefilter && !r.prefilter.test(slice)) return null;
  const re = r.compiled;
  re.lastIndex = 0;
  const m = re.exec(slice);
  return m ? toHit(r, m, start) : null;
}

/** The first rule of `rules` (in order) that hits, with its hit. */
export function firstOf(rules: readonly Rule[], text: string, start = 0, end = text.length): Hit | null {
  for (const r of rules) {
    const h = firstHit(r, text, start, end);
    if (h) return h;
  }
  return null;
}

/** Does any rule of `rules` hit? */
export function anyHit(rules: readonly Rule[], text: string): boolean {
  return rules.some((r) => {
    if (r.prefilter && !r.prefilter.test(text)) return false;
    r.compiled.lastIndex = 0;
    return r.compiled.test(text);
  });
}

/** A regular-expression alternation of words or phrases, longest first, spaces as `\s+`. */
export function alt(words: Iterable<string>): string {
  const escaped = [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  return `(?:${escaped.join('|')})`;
}
