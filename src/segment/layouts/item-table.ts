/**
 * Minutes written as a table of items, one row an item, as partnership boards and NHS bodies
 * often publish them:
 *
 *   | Item | Subject | Discussion | Action / Decision | Lead |
 *   |---|---|---|---|---|
 *   | 4 | Joint Strategy – final draft | Jo Hale presented … | RESOLVED: … | JH |
 *
 * The header row says which column holds the number and which the title; every row after the
 * separator is an item whose minutes are the cells after its title.
 */
import type { ItemStart } from './common.ts';
import { lines } from './common.ts';

/** Column heads of the number column. */
const NUMBER_HEAD = /^(?:item|item\s+no\.?|no\.?|number|ref\.?|reference|minute|minute\s+no\.?|#)$/i;
/** Column heads of the title column. */
const TITLE_HEAD = /^(?:subject|title|item|agenda\s+item|topic|business|heading|matter|item\s+title|description)$/i;
const SEPARATOR = /^\|(?:\s*:?-{2,}:?\s*\|)+\s*$/;

interface Cell {
  text: string;
  start: number;
  end: number;
}

/** The cells of a "| a | b |" line, with their offsets in the document. */
function cells(line: { start: number; text: string }): Cell[] {
  const out: Cell[] = [];
  let at = line.text.indexOf('|');
  while (at >= 0) {
    const next = line.text.indexOf('|', at + 1);
    if (next < 0) break;
    const raw = line.text.slice(at + 1, next);
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw.trim(), start: line.start + at + 1 + lead, end: line.start + at + 1 + lead + raw.trim().length });
    at = next;
  }
  return out;
}

export function itemTableStarts(text: string): ItemStart[] {
  const all = lines(text);
  const out: ItemStart[] = [];
  for (let i = 0; i + 1 < all.length; i++) {
    if (!all[i]!.text.trimStart().startsWith('|') || !SEPARATOR.test(all[i + 1]!.text.trim())) continue;
    const heads = cells(all[i]!).map((c) => c.text.replace(/[*_]/g, ''));
    const numberCol = heads.findIndex((h) => NUMBER_HEAD.test(h));
    const titleCol = heads.findIndex((h, k) => k !== numberCol && TITLE_HEAD.test(h));
    // Without both, the table is something else: an attendance list, a header box, figures.
    if (numberCol < 0 || titleCol < 0) continue;
    for (let r = i + 2; r < all.length && all[r]!.text.trimStart().startsWith('|'); r++) {
      const row = cells(all[r]!);
      const title = row[titleCol];
      const number = row[numberCol]?.text ?? '';
      if (!title || title.text === '' || !/^[A-Za-z]{0,6}[ /.-]?\d{1,4}(?:[./]\d{1,3}[a-z]?)?(?:\/\d{2,4})?\.?$|^$/.test(number)) continue;
      const minutes = row[Math.max(titleCol, numberCol) + 1];
      out.push({
        start: all[r]!.start,
        number: number === '' ? null : number.replace(/\.$/, ''),
        title: title.text.replace(/[*_]+/g, '').trim(),
        titleInferred: false,
        bodyStart: minutes ? minutes.start : title.end,
        end: all[r]!.end,
      });
    }
    i += 1;
  }
  return out;
}
