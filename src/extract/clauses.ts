/**
 * Who a clause is about, for the rules of the record (decisions, declarations, substitutions):
 * the subject named just before a verb ("Councillor Hale, Chair of the Panel, declared …",
 * "Councillors Hale and Osei declared …"), or the people named inside a rule's group ("seconded
 * by Councillor Osei"). Posts named alone ("the Cabinet Member") and the Chair count: resolution
 * ties them to people.
 */
import type { Span } from '../segment/types.ts';
import type { Mention } from './mentions.ts';
import type { Who } from './types.ts';

/** What may stand between a subject and its verb: an apposition, a bracket, an adverb or an auxiliary. */
const GAP = /^(?:\s*,[^;.]{0,160},\s*|\s*\([^()]{0,160}\)\s*,?\s*|\s*,\s*(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:[A-Z][\w'’&-]*|of|for|and|the|to|&))*,?\s*|\s+-\s+[^;.]{0,160}?,?\s*|\s*)(?:(?:also|then|had|has|have|was|were|formally|duly|both|each|jointly|unanimously|subsequently|further|briefly|verbally)\s+)*$/;
/** Between two subjects of one verb: "A and B", "A, B and C", "A (Chair) and B". */
const JOIN = /^\)?\s*(?:,|and|,\s*and|&)\s*$/;
/** What may open the sentence before its subject: a bullet, a number, "In respect of item 7,", the plural title of a list ("Councillors Hale and Osei declared"). */
const OPENING = /^(?:[-•·*]\s*|\(?[\dA-Za-z]{1,3}[.)]\s*|\d+(?:[./]\d+)*\s+)?(?:(?:In respect of|In relation to|With regard to|Regarding|On|For|At|Under|During|In)\b[^;]{0,160},\s*)?(?:(?:Also|However|Further|Then|In addition),?\s+)?(?:(?:County\s+)?Councillors\s+|Cllrs\.?\s+)?$/;

/** The mentions naming the subject of a verb at `verbAt` in `sentence`; empty when none stands there. */
export function subjectsOf(text: string, mentions: readonly Mention[], sentence: Span, verbAt: number): Mention[] {
  const before = mentions.filter((m) => m.span.end <= verbAt && m.span.start >= sentence.start);
  for (let i = before.length - 1; i >= 0; i--) {
    const m = before[i]!;
    if (verbAt - m.span.end > 220) return [];
    if (!GAP.test(text.slice(m.span.end, verbAt))) continue;
    let first = i;
    while (first > 0 && JOIN.test(text.slice(before[first - 1]!.span.end, before[first]!.span.start).replace(/\([^()]{0,80}\)/g, ''))) first--;
    if (!OPENING.test(text.slice(sentence.start, before[first]!.span.start))) return [];
    return before.slice(first, i + 1);
  }
  return [];
}

/** The mentions inside a span (a rule's `who` group), in order. */
export function mentionsIn(mentions: readonly Mention[], span: Span | undefined): Mention[] {
  if (!span) return [];
  return mentions.filter((m) => m.span.start >= span.start && m.span.end <= span.end + 1);
}

/** The first person (or post) a group names. */
export function firstWho(mentions: readonly Mention[], span: Span | undefined): Who | null {
  return mentionsIn(mentions, span)[0]?.who ?? null;
}
