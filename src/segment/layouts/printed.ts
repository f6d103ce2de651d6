/**
 * Printed minutes: numbered upper-case headings ("14. THE LOOKED AFTER CHILDREN'S ...", which
 * may wrap onto a second line) or a heading running into its text
 * ("236 (4) CARE QUALITY COMMISSION ... - The Chairman welcomed ...").
 */
import { titleCase } from '../../text/case.ts';
import { cleanTitle, isTitleLike } from '../titles.ts';
import { lines, type ItemStart } from './common.ts';

/** "14.", "236", "21/24" (county minute numbers carry the year). */
const NUMBER = '(\\d{1,6}(?:/\\d{2,4})?)';
const HEADING = new RegExp(`^${NUMBER}\\.?\\s+(?:\\(\\d+\\)\\s+)?([A-Z0-9(][^a-z\\n]{2,})$`);
const RUN_IN = new RegExp(`^${NUMBER}\\.?\\s+(?:\\(\\d+\\)\\s+)?([A-Z(][^a-z\\n]{2,}?)\\s+-\\s+(?=[A-Z][a-z])`);
/** "3. Best Start in Life: Priority Update": a numbered heading in ordinary case. */
const MIXED = new RegExp(`^${NUMBER}\\.\\s+([A-Z][^\\n]{2,150})$`);
const UPPER_CONTINUATION = /^[A-Z0-9(][^a-z\n]{2,}$/;

function headingTitle(raw: string): string {
  return titleCase(raw.replace(/\s+/g, ' ').trim().toLowerCase());
}

function firstNumber(n: string): number {
  return Number.parseInt(n, 10);
}

export function printedStarts(text: string): ItemStart[] {
  const all = lines(text);
  const starts: ItemStart[] = [];
  let previous = -1;
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    const runIn = RUN_IN.exec(line.text);
    const heading = runIn ? null : HEADING.exec(line.text);
    const m = runIn ?? heading;
    if (!m || !/[A-Z]{3}/.test(m[2]!)) continue;
    const n = firstNumber(m[1]!);
    if (previous >= 0 && (n <= previous || n > previous + 50)) continue;
    previous = n;
    let raw = m[2]!;
    let bodyStart = runIn ? line.start + m[0].length : line.end;
    if (heading) {
      const next = all[i + 1];
      if (next && UPPER_CONTINUATION.test(next.text) && /[A-Z]{3}/.test(next.text)) {
        raw += ` ${next.text}`;
        bodyStart = next.end;
      }
    }
    starts.push({ start: line.start, number: m[1]!, title: headingTitle(raw), titleInferred: false, bodyStart });
  }
  return starts;
}

export function countPrintedHeadings(text: string): number {
  return lines(text).filter((l) => (RUN_IN.test(l.text) || HEADING.test(l.text)) && /[A-Z]{3}/.test(l.text)).length;
}

/** Numbered headings in ordinary case, for minutes that number items without capitals. */
export function mixedStarts(text: string): ItemStart[] {
  const starts: ItemStart[] = [];
  let previous = -1;
  for (const line of lines(text)) {
    const m = MIXED.exec(line.text);
    if (!m || !isTitleLike(m[2]!)) continue;
    const n = firstNumber(m[1]!);
    if (previous >= 0 && (n <= previous || n > previous + 50)) continue;
    previous = n;
    starts.push({ start: line.start, number: m[1]!, title: cleanTitle(m[2]!), titleInferred: false, bodyStart: line.end });
  }
  return starts;
}

export function countMixedHeadings(text: string): number {
  return mixedStarts(text).length;
}
