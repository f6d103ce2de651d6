/**
 * Sentence boundaries for minutes: full stops before a capital, line breaks (each line of
 * normalised minutes is a paragraph, heading or bullet), but not after titles and initials
 * ("Mr.", "Councillor T. Collingham", "Minute No. 55", "a.m.").
 */
import type { Span } from '../segment/types.ts';

const BOUNDARY = /[.!?]["')\]]?(?=\s+["'(]?[A-Z0-9])|\n+/g;
const NO_BREAK_WORDS = new Set(['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Cllr', 'No', 'Nos', 'St', 'Ltd', 'Co', 'Rev', 'Sr', 'Jr', 'vs', 'etc', 'e.g', 'i.e', 'a.m', 'p.m', 'approx', 'Tel', 'ref', 'para', 'Min', 'Vol']);

/** A full stop after a title, an abbreviation or an initial does not end the sentence. */
function noBreakBefore(text: string, from: number, at: number): boolean {
  let i = at;
  while (i > from && /[A-Za-z.]/.test(text[i - 1]!)) i--;
  const word = text.slice(i, at);
  return NO_BREAK_WORDS.has(word) || /^[A-Z]$/.test(word);
}

/**
 * A line the page wrapped mid-clause ("… be deferred to the" / "October meeting"): a line that
 * ends on a word no sentence ends on runs on into the next line.
 */
const RUNS_ON = /(?:^|[\s(])(?:the|a|an|of|to|and|or|for|in|on|at|by|with|from|that|be|was|were|is|are|been|as|into|its|their|his|her)$/;

function runsOn(text: string, from: number, at: number, gap: string): boolean {
  return gap === '\n' && RUNS_ON.test(text.slice(Math.max(from, at - 12), at));
}

// Every extractor walks the same items' sentences: remember the last document's splits.
let memoText: string | null = null;
const memo = new Map<string, Span[]>();

export function splitSentences(text: string, start = 0, end = text.length): Span[] {
  if (text !== memoText) {
    memoText = text;
    memo.clear();
  }
  const key = `${start}:${end}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const out = split(text, start, end);
  memo.set(key, out);
  return out;
}

function split(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let from = start;
  const slice = text.slice(start, end);
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(slice); m !== null; m = BOUNDARY.exec(slice)) {
    const at = start + m.index;
    if (m[0][0] !== '\n' && noBreakBefore(text, Math.max(from, at - 8), at)) continue;
    if (m[0][0] === '\n' && runsOn(text, from, at, m[0])) continue;
    const stop = m[0][0] === '\n' ? at : at + m[0].length;
    pushTrimmed(text, from, stop, out);
    from = at + m[0].length;
  }
  pushTrimmed(text, from, end, out);
  return out;
}

function pushTrimmed(text: string, start: number, end: number, out: Span[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e > s) out.push({ start: s, end: e });
}

/**
 * The text of a sentence for clause patterns, capped: real sentences in minutes are short,
 * and the cap keeps every per-sentence pattern linear on hostile input (a 200 KB "sentence").
 */
export const MAX_SENTENCE = 1500;

export function sentenceText(text: string, span: Span): string {
  return text.slice(span.start, Math.min(span.end, span.start + MAX_SENTENCE));
}
