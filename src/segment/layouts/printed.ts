/**
 * Printed minutes: numbered upper-case headings ("14. THE LOOKED AFTER CHILDREN'S ...", which
 * may wrap onto a second line) or a heading running into its text
 * ("236 (4) CARE QUALITY COMMISSION ... - The Chairman welcomed ...").
 */
import { titleCase } from '../../text/case.ts';
import { lines, type ItemStart } from './common.ts';

const HEADING = /^(\d{1,4})\.?\s+(?:\(\d+\)\s+)?([A-Z0-9(][^a-z\n]{2,})$/;
const RUN_IN = /^(\d{1,4})\.?\s+(?:\(\d+\)\s+)?([A-Z(][^a-z\n]{2,}?)\s+-\s+(?=[A-Z][a-z])/;
const UPPER_CONTINUATION = /^[A-Z0-9(][^a-z\n]{2,}$/;

function headingTitle(raw: string): string {
  return titleCase(raw.replace(/\s+/g, ' ').trim().toLowerCase());
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
    const n = Number(m[1]);
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
