/**
 * Normalisation: the first stage after loading. Minutes arrive as web-page text, table dumps
 * and printed PDFs with curly quotes, exotic bullets, broken hyphenation, encoding debris and
 * sentences broken across page breaks. Every later stage matches against the clean text; the
 * offset map lets evidence quote the original exactly.
 */
import { ComposedMap, rewrite, unchanged, type OffsetMap, type Rewritten } from './offsets.ts';

export interface NormalisedText {
  /** The original text as loaded. */
  original: string;
  /** The cleaned text every later stage reads. */
  text: string;
  map: OffsetMap;
}

const CHAR_REPLACEMENTS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2033': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2012': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\t': ' ',
  '\f': '\n',
  '\v': '\n',
  '\r': '\n',
  '\u00ad': '',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
};

// eslint-disable-next-line no-control-regex
const CHARS = /\r\n|[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u2033\u2010-\u2014\u2212\u2026\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\t\f\v\r\u00ad\u200b-\u200d\u2060\ufeff\u0000-\u0008\u000e-\u001f\u007f]/g;

function characters(text: string): Rewritten {
  return rewrite(text, CHARS, (m) => {
    const c = m[0];
    if (c === '\r\n') return '\n';
    return CHAR_REPLACEMENTS[c] ?? ' ';
  });
}

/**
 * "post?16" and "Challenges.?" are what a dash or a stray glyph becomes after a bad encoding
 * round trip; a real question mark is followed by a space or the end of a line.
 */
const DEBRIS = /(?<=[A-Za-z])\?(?=\d)|\.\?(?=\s|$)|\?\.(?=\s|$)|\s\?(?=\s|$)/gm;

function encodingDebris(text: string): Rewritten {
  // Every form holds a question mark; most texts have none (the \s branch would start everywhere).
  if (!text.includes('?')) return unchanged(text);
  return rewrite(text, DEBRIS, (m) => (m[0] === '?' ? '-' : m[0].startsWith(' ') ? '' : '.'));
}

/**
 * Bullets become "- " at the start of a line. Table dumps run their bullets inline
 * ("noted: · The update ... · The new"), and sub-bullets as " o " after a sentence end.
 */
const LINE_BULLET = /^[ ]*(?:[\u00b7\u2022\u25aa\u25e6\u25cf\u25a0\u2023\u2043\uf0b7\uf0a7]|[vo](?= {2,}|\t)|-(?= )|\*(?= ))[ ]*/gm;
// Both branches open on a space, ahead of their look-behinds, so the search skips to spaces:
// the run's first space, not after another (branch 1) or right after [.:;] (branch 2).
const INLINE_BULLET = /[ ](?:(?<![ ][ ])[ ]*[\u00b7\u2022\u25aa\u25e6\u25cf\uf0b7][ ]+|(?<=[.:;][ ])[ ]*o[ ]+(?=[A-Z]))/g;

function bullets(text: string): Rewritten {
  return rewrite(text, LINE_BULLET, () => '- ');
}

function inlineBullets(text: string): Rewritten {
  return rewrite(text, INLINE_BULLET, () => '\n- ');
}

/**
 * Runs of spaces, spaces at line ends and starts, page-number lines. A run of spaces inside a
 * line becomes a tab: web pages separate fields with it ("Contact: Harriet Lomas  Democratic
 * Services Officer"), and a name must not run on across it.
 */
const SPACING = /[ ]{2,}|[ ]+$|^[ ]+|^(?:Page \d+(?: of \d+)?)$/gm;

function spacing(text: string): Rewritten {
  return rewrite(text, SPACING, (m) => {
    const s = m[0];
    if (s.startsWith('Page')) return '';
    if (m.index === 0 || text[m.index - 1] === '\n' || text[m.index + s.length] === '\n' || m.index + s.length === text.length) return '';
    return /[.!?:;,]$/.test(text.slice(Math.max(0, m.index - 1), m.index)) ? ' ' : '\t';
  });
}

/** "Cary- Anne": a hyphenated word broken at a line end and re-joined with a space. */
// The hyphen comes before the look-behind, so the search skips to hyphens.
const BROKEN_HYPHEN = /-(?<=[A-Za-z]{2}-) (?=[A-Z][a-z])/g;

function brokenHyphenation(text: string): Rewritten {
  return rewrite(text, BROKEN_HYPHEN, () => '-');
}

/**
 * A sentence broken across a page or paragraph break: the line ends without closing
 * punctuation and the next text starts in lower case, so the break is an artefact.
 */
// The first newline comes before the look-behind, so the search skips to line ends.
const BROKEN_LINE = /\n(?<=[A-Za-z0-9,;()'"%-]\n)\n{0,2}(?=[a-z])/g;

function brokenLines(text: string): Rewritten {
  return rewrite(text, BROKEN_LINE, () => ' ');
}

/**
 * A name the page wrapped across a line end inside a running list: "… and Councillors Alasdair
 * / Brodie, Kirsty Cowan, …", "Councillor Hugh / Penrose (Stourley)", "Zainab Mohammed- / Reid".
 * The line holds a list in progress (a comma or "and"), ends on a capitalised word, and the next
 * line's first word closes an entry (a comma, a bracket, "and", a full stop) and is no weekday
 * (a body's name over "Thursday, 20th June"): one name, so the break goes. A list printed one
 * entry a line ("Jo Bell / Kim Lee") has no closing mark there.
 */
// The newline comes first so the look-behind runs only at line ends (linear on one long line).
const WRAPPED_NAME = /\n(?<=(?:, | and )[^\n]*\b[A-Z][a-z'’]+\n)[ ]*(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)(?=[A-Z][\w'’-]+(?:,|\s*\(|\s+and\b|\.(?:\s|$)|;))/gm;
const WRAPPED_HYPHEN = /-(?<=[A-Za-z]{2}-)\n[ ]*(?=[A-Z][a-z])/g;

function wrappedNames(text: string): Rewritten {
  return rewrite(text, WRAPPED_NAME, () => ' ');
}

function wrappedHyphens(text: string): Rewritten {
  return rewrite(text, WRAPPED_HYPHEN, () => '-');
}

/** Markdown: heading hashes, bold/italic markers, horizontal rules. */
const MARKDOWN = /^#{1,6}[ ]+|\*\*|__|^(?:-{3,}|\*{3,}|_{3,})[ ]*$/gm;

function markdown(text: string): Rewritten {
  return rewrite(text, MARKDOWN, () => '');
}

const MANY_BLANK_LINES = /\n{3,}/g;

function blankLines(text: string): Rewritten {
  return rewrite(text, MANY_BLANK_LINES, () => '\n\n');
}

const PASSES = [characters, markdown, encodingDebris, inlineBullets, bullets, wrappedHyphens, wrappedNames, spacing, brokenHyphenation, brokenLines, blankLines];

export function normalise(original: string): NormalisedText {
  let text = original;
  const maps = [];
  for (const pass of PASSES) {
    const r = pass(text);
    text = r.text;
    // A pass that changed nothing maps every offset to itself: evidence need not walk it.
    if (!r.map.isIdentity()) maps.push(r.map);
  }
  return { original, text, map: new ComposedMap(maps) };
}

/** The original text behind a span of the normalised text. */
export function sourceSpan(n: NormalisedText, start: number, end: number): { start: number; end: number } {
  const s = n.map.toSource(start);
  const e = end > start ? n.map.toSource(end - 1) + 1 : s;
  return { start: s, end: Math.max(s, Math.min(e, n.original.length)) };
}
