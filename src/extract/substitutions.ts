/**
 * Substitutions stated in sentences (the notes inside attendance lists, "(substitute for Cllr
 * Y)", "(vice Cllr Y)", are read by the list parser, src/extract/lists.ts): "Councillor X
 * attended as a substitute for Councillor Y", "X substituting for Y", "Councillor Y, for whom
 * Councillor X was present as substitute", "apologies from Councillor Y (Councillor X
 * substituting)".
 */
import type { SegmentedDocument, Span } from '../segment/types.ts';
import { hits, rule, type Rule } from '../rules/engine.ts';
import { splitSentences, sentenceText } from '../text/sentences.ts';
import { firstWho, mentionsIn, subjectsOf } from './clauses.ts';
import type { MentionIndex } from './mentions.ts';
import type { SubstitutionClaim, Who } from './types.ts';

const AS_SUBSTITUTE = `(?:as\\s+(?:a|the)?\\s*(?:named\\s+)?substitute(?:\\s+member)?|as\\s+(?:a\\s+)?deputy|in\\s+place\\s+of)`;
const FOR = '(?:for|in\\s+place\\s+of)';
const WHO = '(?<who>[^.;()]{2,160}?)';
const WHO_END = '(?=\\s*[,.;)]|\\s+(?:who|and|at|for\\s+(?:this|the)\\s+(?:meeting|item))\\b|$)';

interface SubstitutionRule {
  rule: Rule;
  /** Where the substitute is named: before the verb, or in the `sub` group. */
  substitute: 'subject' | 'group';
  /** Where the member replaced is named: in the `who` group, or before the clause. */
  replaced: 'group' | 'subject';
}

export const SUBSTITUTION_RULES: SubstitutionRule[] = [
  { substitute: 'subject', replaced: 'group', rule: rule({
    id: 'substitute.attended-as',
    produces: 'substitute',
    reason: 'the substitute as the subject of attending as a substitute: "X attended as a substitute for Y", "X was present as the named substitute for Y", "X attended in place of Y"',
    pattern: new RegExp(`(?<verb>\\b(?:attended|was\\s+present|were\\s+present|was\\s+in\\s+attendance|sat|acted|joined\\s+the\\s+meeting|was\\s+appointed|attended\\s+the\\s+meeting))\\s+${AS_SUBSTITUTE}(?:\\s+${FOR})?\\s+${WHO}${WHO_END}`, 'g'),
    examples: [
      { text: 'Councillor Pryce attended as a substitute for Councillor Webb.', groups: { who: 'Councillor Webb' } },
      { text: 'Cllr Danbury attended in place of Cllr Oduya.', groups: { who: 'Cllr Oduya' } },
    ],
    counterexamples: ['Councillor Pryce attended the meeting.'],
  }) },
  { substitute: 'subject', replaced: 'group', rule: rule({
    id: 'substitute.substituting',
    produces: 'substitute',
    reason: 'the substitute as the subject of substituting or deputising: "X substituting for Y", "X substituted for Y", "X deputised for Y"',
    pattern: new RegExp(`(?<verb>\\b(?:(?:was|is)\\s+)?(?:substituting|substituted|deputising|deputised|deputizing|deputized))\\s+${FOR}\\s+${WHO}${WHO_END}`, 'g'),
    examples: [{ text: 'Councillor Pryce substituting for Councillor Webb.', groups: { who: 'Councillor Webb' } }],
    counterexamples: ['Substitutions were noted.'],
  }) },
  { substitute: 'group', replaced: 'subject', rule: rule({
    id: 'substitute.for-whom',
    produces: 'substitute',
    reason: 'the member replaced, then "for whom X was present as substitute" or "for whom X substituted"',
    pattern: new RegExp(`(?<verb>,?\\s*for\\s+whom)\\s+(?<sub>[^.;()]{2,160}?)\\s+(?:was\\s+present|attended|acted|was\\s+in\\s+attendance|substituted|deputised)(?:\\s+${AS_SUBSTITUTE})?`, 'g'),
    examples: [{ text: 'Apologies were received from Councillor Webb, for whom Councillor Pryce was present as substitute.', groups: { sub: 'Councillor Pryce' } }],
    counterexamples: ['for whom the bell tolls'],
  }) },
  { substitute: 'group', replaced: 'subject', rule: rule({
    id: 'substitute.bracket-after-name',
    produces: 'substitute',
    reason: 'a note after the member replaced: "Councillor Webb (Councillor Pryce substituting)", "Cllr Webb (substitute: Cllr Pryce)", "with Councillor Pryce attending as substitute"',
    pattern: new RegExp(`(?<verb>\\s*\\(\\s*|,?\\s+with\\s+)(?!substitut\\w*\\s+(?:for|vice)\\b|vice\\b)(?=[^().;]{0,160}substitut)(?:substitute\\s*:?\\s*|substituted\\s+by\\s+|sub\\s*:\\s*)?(?<sub>[^.;()]{2,120}?)\\s*(?:substituting|attending\\s+as\\s+(?:a\\s+|the\\s+)?substitute|as\\s+(?:a\\s+|the\\s+)?substitute|(?=\\)))`, 'g'),
    examples: [
      { text: 'Apologies: Councillor Webb (Councillor Pryce substituting).', groups: { sub: 'Councillor Pryce' } },
      { text: 'Apologies from Cllr Webb, with Cllr Pryce attending as substitute.', groups: { sub: 'Cllr Pryce' } },
    ],
    // The substitute's own note names the member replaced: substitute.bracket-for reads it.
    counterexamples: ['Councillor Webb (Chair).', 'Councillor Pryce (substitute for Councillor Webb).'],
  }) },
];

/** A note in brackets names a substitute only when it says so. */
const SAYS_SUBSTITUTE = /substitut|deputis|deputiz|in place of|vice\b/i;

export function findSubstitutions(text: string, doc: SegmentedDocument, index: MentionIndex, listed: readonly SubstitutionClaim[]): SubstitutionClaim[] {
  const out: SubstitutionClaim[] = [];
  if (!SAYS_SUBSTITUTE.test(text)) return out;
  const seen = new Set(listed.map((c) => key(c.who, c.for)));
  const spans: Span[] = [doc.preamble, ...doc.items.map((i) => ({ start: i.bodyStart, end: i.span.end }))].filter((s) => s.end > s.start);
  for (const span of spans) {
    if (!SAYS_SUBSTITUTE.test(text.slice(span.start, span.end))) continue;
    for (const sentence of splitSentences(text, span.start, span.end)) {
      const s = sentenceText(text, sentence);
      if (!SAYS_SUBSTITUTE.test(s)) continue;
      const mentions = index.within(sentence.start, sentence.end);
      if (mentions.length < 1) continue;
      for (const r of SUBSTITUTION_RULES) {
        for (const h of hits(r.rule, text, sentence.start, sentence.start + s.length)) {
          if (r.rule.id === 'substitute.bracket-after-name' && !SAYS_SUBSTITUTE.test(text.slice(h.start, h.end + 40))) continue;
          const verbAt = h.groups.verb!.start;
          const subjects = subjectsOf(text, mentions, sentence, verbAt);
          // The bracket and "with" forms follow the member's name directly.
          const before = r.substitute === 'group' ? mentions.filter((m) => m.span.end <= verbAt && verbAt - m.span.end <= 3).slice(-1) : subjects.slice(-1);
          const who: Who | null = r.substitute === 'subject' ? (before[0]?.who ?? null) : firstWho(mentions, h.groups.sub);
          const forWho: Who | null = r.replaced === 'group' ? firstWho(mentions, h.groups.who) : (before[0]?.who ?? (r.rule.id === 'substitute.for-whom' ? (subjects[subjects.length - 1]?.who ?? null) : null));
          if (!who || who.kind !== 'person') continue;
          if (r.replaced === 'subject' && !forWho) continue;
          const k = key(who, forWho);
          if (seen.has(k) || mentionsIn(mentions, h.groups.sub ?? h.groups.who).length === 0) continue;
          seen.add(k);
          out.push({ who, for: forWho, sentence, rule: r.rule.id });
        }
      }
    }
  }
  return out;
}

function key(who: Who, forWho: Who | null): string {
  return `${JSON.stringify(who)}|${JSON.stringify(forWho)}`;
}

