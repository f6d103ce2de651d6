const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with', 'into', 'via']);
/** Acronyms that title-casing must not turn into words ("SEND", not "Send"). */
const KEEP_UPPER = new Set(['send', 'cqc', 'nhs', 'icb', 'ccg', 'lac', 'cse', 'cyps', 'ehcp', 'wsoa', 'pfd', 'ofsted', 'uk', 'ap', 'ehe', 'rmbc', 'lga', 'dfe', 'gmp', 'osm', 'ii', 'iii', 'iv']);

/** "THE HARBOUR ACCESS STRATEGY FOR SEND PUPILS" → "The Harbour Access Strategy for SEND Pupils". */
export function titleCase(lower: string): string {
  let first = true;
  return lower.replace(/[A-Za-z][A-Za-z'’]*/g, (w) => {
    const l = w.toLowerCase();
    const out = KEEP_UPPER.has(l.replace(/['’]s$/, ''))
      ? w.toUpperCase().replace(/['’]S$/, "'s")
      : !first && SMALL_WORDS.has(l)
        ? l
        : l[0]!.toUpperCase() + l.slice(1);
    first = false;
    return out;
  });
}

/** Share of the content words of a line that start with a capital: headings score high. */
export function capitalisedRatio(line: string): number {
  const ws = line.split(/\s+/).filter((w) => /^[A-Za-z]/.test(w) && !SMALL_WORDS.has(w.toLowerCase()));
  if (ws.length === 0) return 0;
  return ws.filter((w) => /^[A-Z]/.test(w)).length / ws.length;
}
