/**
 * Sanity checks on a decoded document that do not stop extraction but deserve a warning:
 * text that is not minutes at all, and text that stops mid-sentence. Both are linear scans
 * with regexes that cannot backtrack (no nested or adjacent unbounded quantifiers).
 */

/** Words that all minutes use somewhere; a text with none of them is probably something else. */
const MINUTES_VOCABULARY =
  /\b(?:minutes|meetings?|committees?|councill?ors?|cllrs?|agenda|resolved|apologies|in the chair)\b/i;

export function looksLikeMinutes(text: string): boolean {
  return MINUTES_VOCABULARY.test(text);
}

/** How much of the end of a document is examined for a cut-off: the last line only. */
const TAIL_CHARS = 400;

/**
 * The last sentence of a document that was cut off, or null when the text ends as minutes
 * end: with closing punctuation, a heading, a number, a table bar. A lowercase word or a
 * connector (comma, dash, "and") at the very end means the text stopped mid-sentence.
 */
export function cutOffTail(text: string): string | null {
  const tail = text.slice(-TAIL_CHARS).replace(/[\s|]+$/, '');
  const lastLine = tail.slice(tail.lastIndexOf('\n') + 1).trim();
  if (!/[a-z,\-–—(&/]$/.test(lastLine)) return null;
  // A short last line ending in lowercase is usually a signature or a page artefact.
  if (lastLine.split(/\s+/).length < 3) return null;
  return lastLine.length > 60 ? `…${lastLine.slice(-60)}` : lastLine;
}

/** Warnings for a decoded text (empty or not); the same for files and in-memory texts. */
export function inspectText(text: string): string[] {
  const warnings: string[] = [];
  if (!looksLikeMinutes(text)) {
    warnings.push(
      'does not look like council minutes (none of the words minutes, meeting, committee, ' +
        'councillor, agenda, resolved or apologies appear); extracting anyway, but expect little.',
    );
  }
  const cut = cutOffTail(text);
  if (cut) {
    warnings.push(
      `ends mid-sentence ("${cut}"): the document looks cut off. Everything before that point ` +
        'was extracted; check that the file is complete.',
    );
  }
  return warnings;
}

export function hasText(text: string): boolean {
  return /\S/.test(text);
}
