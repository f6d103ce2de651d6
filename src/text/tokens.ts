/**
 * Word tokens with their offsets, for the grammars that read names and lists. A word keeps its
 * inner apostrophes and hyphens ("O'Quinn", "Shaw-Wright", "De'Ath") and a trailing full stop
 * ("Cllr.", "K."); an initial glued to a surname ("C.Hesmondhalgh") is two tokens.
 */

export interface Token {
  text: string;
  start: number;
  end: number;
}

const LETTER = 'A-Za-z\\u00C0-\\u024F';
const WORD = new RegExp(`[${LETTER}](?:[${LETTER}'’]|-(?=[${LETTER}]))*\\.?|\\d+(?:[.,/:-]\\d+)*[a-z]?|\\S`, 'g');

/** Tokens of `text` between `start` and `end`, offsets in `text`. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  WORD.lastIndex = 0;
  for (let m = WORD.exec(slice); m !== null; m = WORD.exec(slice)) {
    const s = start + m.index;
    const t = m[0];
    // "C.Hesmondhalgh", "R.T.Vale": initials written against the surname.
    // Only a token with a full stop as its second character can be glued initials.
    const glued = t.length > 3 && t.charCodeAt(1) === 46 ? /^((?:[A-Z]\.){1,3})([A-Z][a-z].*)$/.exec(t) : null;
    if (glued) {
      let at = s;
      for (const initial of glued[1]!.match(/[A-Z]\./g)!) {
        out.push({ text: initial, start: at, end: at + 2 });
        at += 2;
      }
      out.push({ text: glued[2]!, start: at, end: s + t.length });
      continue;
    }
    out.push({ text: t, start: s, end: s + t.length });
  }
  return out;
}

/**
 * Only spaces between two tokens: a name never runs across a line break, punctuation or a tab
 * (normalisation turns the wide gaps between a web page's fields into tabs).
 */
export function adjacent(text: string, a: Token, b: Token): boolean {
  for (let i = a.end; i < b.start; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

/** The word without a trailing full stop. */
export function bare(t: Token | undefined): string {
  if (!t) return '';
  return t.text.endsWith('.') ? t.text.slice(0, -1) : t.text;
}
