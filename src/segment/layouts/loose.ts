/**
 * Pages and fragments with no item numbers and no table: items are found from heading lines
 * and, where no heading is printed, from the sentence that opens a standard item
 * ("There were no Declarations of Interest to report.").
 */
import { cleanTitle, inferTitle, isTitleLike, openerKind, standardKind, type BusinessKind } from '../titles.ts';
import { FURNITURE, type ItemStart } from './common.ts';

interface Paragraph {
  start: number;
  end: number;
  text: string;
}

function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+(?:\n[^\n]+)*/g;
  for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

export function looseStarts(text: string, headerEnd: number): ItemStart[] {
  const out: ItemStart[] = [];
  let currentKind: BusinessKind | 'other' | null = null;
  for (const p of paragraphs(text)) {
    if (p.end <= headerEnd) continue;
    const firstLine = p.text.split('\n')[0]!;
    if (FURNITURE.test(firstLine.trim())) continue;
    const single = !p.text.includes('\n');
    if (single && isTitleLike(firstLine)) {
      const title = cleanTitle(firstLine);
      out.push({ start: p.start, number: null, title, titleInferred: false, bodyStart: p.start + firstLine.length });
      currentKind = standardKind(title) ?? 'other';
      continue;
    }
    const opener = openerKind(firstLine);
    if (opener && opener !== currentKind) {
      const title = inferTitle(p.text);
      if (title) {
        out.push({ start: p.start, number: null, title, titleInferred: true, bodyStart: p.start });
        currentKind = opener;
      }
    }
  }
  return out;
}
