/**
 * Segmentation: the normalised text of one document → its header, its attendance blocks and its
 * items. The layout is read from the text's own structure, not from where the file came from:
 * a table dump when its rows are closed by "|", otherwise the headings the page prints
 * (src/segment/headings.ts), with untitled standard items inferred from the sentence that opens
 * them ("There were no declarations of interest.").
 */
import type { NormalisedText } from '../normalise/normalise.ts';
import { blockKindOfTitle, findBlocks, type AttendanceBlock } from './blocks.ts';
import { parseHeader } from './header.ts';
import { HEADING_RULES, readHeadings } from './headings.ts';
import { buildItems, type ItemStart } from './layouts/common.ts';
import { looseStarts } from './layouts/loose.ts';
import { attendanceTableRows } from './attendance-table.ts';
import { countTableRows, tableStarts } from './layouts/table.ts';
import { itemTableStarts } from './layouts/item-table.ts';
import { lines } from './layouts/common.ts';
import { isFurniture } from '../lexicon/furniture.ts';
import { isLabelLine } from './blocks.ts';
import { cleanTitle, inferPageTitle, inferTitle } from './titles.ts';
import type { Layout, SegmentedDocument } from './types.ts';
import { lowerBound } from '../text/search.ts';
import { unprintedItems } from './unprinted.ts';

/**
 * A page that is one item ("Agenda item" then its title), or an excerpt with no heading at all:
 * one item, titled by its heading line, its opening sentence, or the document its resolution
 * names; numbered by its paragraph numbers ("6.1", "6.2" are item 6).
 */
function singleItemPage(text: string, headerEnd: number): ItemStart[] {
  const all = lines(text).filter((l) => l.text.trim() !== '' && l.end > headerEnd);
  let k = 0;
  while (k < all.length && isFurniture(all[k]!.text)) k++;
  const first = all[k];
  if (!first) return [];
  const agendaPage = all.slice(0, k).some((l) => /^Agenda item$/i.test(l.text.trim()));
  const paragraph = /^(\d{1,4})\.1$/m.exec(text);
  const number = paragraph ? paragraph[1]! : null;
  const line = first.text.trim();
  if (agendaPage && line.split(/\s+/).length <= 25 && !/[.:;]$/.test(line) && /^[A-Z0-9(]/.test(line) && !isLabelLine(line)) {
    return [{ start: first.start, number, title: cleanTitle(line), titleInferred: false, bodyStart: first.end }];
  }
  const title = inferTitle(text.slice(first.start)) ?? inferPageTitle(text);
  return title ? [{ start: first.start, number, title, titleInferred: true, bodyStart: first.start }] : [];
}

export function segment(doc: NormalisedText): SegmentedDocument {
  const text = doc.text;
  const header = parseHeader(text);
  // The header is at the top; a decision record's date at the foot of its page ends no header.
  const headerEnd = header.dateSpan && header.dateSpan.start < 1500 ? Math.max(text.indexOf('\n', header.dateSpan.end), header.dateSpan.end) : 0;
  let layout: Layout;
  let starts: ItemStart[];
  // An attendance table ("| Name | Title |" and a row a person) is no table of items.
  const attendanceRows = attendanceTableRows(text, 0, Math.min(text.length, 20_000)).length;
  const itemRows = itemTableStarts(text);
  if (itemRows.length >= 2) {
    // "| Item | Subject | Discussion | Action |": a table whose header names its columns.
    layout = 'table';
    starts = itemRows;
  } else if (countTableRows(text) - (attendanceRows > 0 ? attendanceRows + 1 : 0) >= 3) {
    layout = 'table';
    starts = tableStarts(text);
  } else {
    const headings = readHeadings(text, headerEnd);
    starts = headings.starts;
    const alone = starts.filter((s) => (s as { rule?: string }).rule === HEADING_RULES.numberAlone.id).length;
    const upper = starts.filter((s) => (s as { rule?: string }).rule === HEADING_RULES.upperAlone.id).length;
    layout = headings.numbered ? (alone * 2 >= starts.length ? 'numbered-web' : 'printed') : upper >= 2 ? 'printed' : 'loose';
    // Pages that print no headings for their standard items: infer them from the sentence that opens each.
    if (!headings.numbered) {
      // Sorted headings: an inferred start is kept unless it falls on a heading's own lines.
      const sorted = [...starts].sort((a, b) => a.start - b.start);
      const onHeading = (at: number) => {
        const k = lowerBound(sorted.length, (i) => sorted[i]!.start <= at) - 1;
        const h = sorted[k];
        const next = sorted[k + 1];
        return (h !== undefined && at < h.bodyStart + 2) || (next !== undefined && next.start - at < 3);
      };
      const inferred = looseStarts(text, headerEnd).filter((s) => s.titleInferred && !onHeading(s.start));
      starts = [...starts, ...inferred].sort((a, b) => a.start - b.start);
    }
  }
  // A fragment or page that opens with a standard item before the first heading
  // ("There were no declarations of interest." then "28. MINUTES …").
  if (starts.length > 0) {
    const before = looseStarts(text.slice(0, starts[0]!.start), headerEnd).filter((s) => s.titleInferred);
    starts = [...before, ...starts.filter((s) => !before.some((b) => b.start === s.start))];
  } else {
    starts = looseStarts(text, headerEnd);
  }
  if (starts.length === 0) starts = singleItemPage(text, headerEnd);
  const printed = buildItems(text, starts);
  // Items the preamble defers or withdraws by number and title without printing them: each holds
  // only its reference, and the preamble is still everything before the first printed item. (Read
  // in the preamble only: a reference inside a printed item would overlap it.)
  const preambleEnd = printed[0]?.span.start ?? text.length;
  const unprinted = unprintedItems(text, { start: 0, end: preambleEnd }, starts);
  const items = unprinted.length === 0 ? printed : buildItems(text, [...starts, ...unprinted]);
  const warnings: string[] = [];
  if (items.length === 0) warnings.push('no agenda items were recognised; people and the header were still read');
  const truncated = items.filter((i) => i.truncated).length;
  if (truncated > 0) warnings.push(`${truncated} item(s) are cut off in the published text ("view the full minutes text")`);
  const blocks: AttendanceBlock[] = findBlocks(text, { start: 0, end: preambleEnd });
  for (const item of items) {
    // "Also Present" / "Officers Present" as items: the body is the list.
    const kind = blockKindOfTitle(item.title);
    const bodyStart = item.minutesStart ?? item.bodyStart;
    if (kind) blocks.push({ ...kind, label: item.title, labelSpan: { start: item.span.start, end: item.bodyStart }, content: { start: bodyStart, end: item.span.end }, rule: 'block.item-title' });
    else blocks.push(...findBlocks(text, { start: bodyStart, end: item.span.end }).filter((b) => b.kind !== 'chair'));
  }
  return { layout, header, preamble: { start: 0, end: preambleEnd }, blocks, items, warnings };
}
