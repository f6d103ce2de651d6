/**
 * ModernGov web pages with numbered items: a line "28." then the title line (with its
 * "pdf icon PDF 113 KB" noise), perhaps a lead member or officer's name, the agenda text,
 * "Minutes:", the minutes.
 */
import { cleanTitle, looksLikePersonLine } from '../titles.ts';
import { lines, type ItemStart } from './common.ts';

const NUMBER_LINE = /^(\d{1,6})\.$/;

export function countNumberLines(text: string): number {
  return lines(text).filter((l) => NUMBER_LINE.test(l.text)).length;
}

export function numberedWebStarts(text: string): ItemStart[] {
  const all = lines(text);
  const starts: ItemStart[] = [];
  let previous = -1;
  for (let i = 0; i < all.length; i++) {
    const m = NUMBER_LINE.exec(all[i]!.text);
    if (!m) continue;
    const n = Number(m[1]);
    if (previous >= 0 && (n <= previous || n > previous + 50)) continue;
    let j = i + 1;
    while (j < all.length && all[j]!.text.trim() === '') j++;
    const titleLine = all[j];
    if (!titleLine || NUMBER_LINE.test(titleLine.text)) continue;
    previous = n;
    let bodyStart = titleLine.end;
    let lead = null;
    let k = j + 1;
    while (k < all.length && all[k]!.text.trim() === '') k++;
    const next = all[k];
    if (next && looksLikePersonLine(next.text) && next.text.trim().split(/\s+/).length <= 5) {
      lead = { start: next.start, end: next.end };
      bodyStart = next.end;
    }
    starts.push({
      start: all[i]!.start,
      number: m[1]!,
      title: cleanTitle(titleLine.text),
      titleInferred: false,
      bodyStart,
      lead,
    });
  }
  return starts;
}
