/**
 * Segmentation: the normalised text of one document → its header and its items. The layout
 * (numbered web page, printed minutes, table dump, or loose page/fragment) is detected from
 * the text's own structure, not from where the file came from.
 */
import type { NormalisedText } from '../normalise/normalise.ts';
import { parseHeader } from './header.ts';
import { buildItems, type ItemStart } from './layouts/common.ts';
import { looseStarts } from './layouts/loose.ts';
import { countNumberLines, numberedWebStarts } from './layouts/numbered-web.ts';
import { countMixedHeadings, countPrintedHeadings, mixedStarts, printedStarts } from './layouts/printed.ts';
import { countTableRows, tableStarts } from './layouts/table.ts';
import type { Layout, SegmentedDocument } from './types.ts';

export function detectLayout(text: string): Layout {
  if (countTableRows(text) >= 3) return 'table';
  if (countNumberLines(text) >= 2) return 'numbered-web';
  if (countPrintedHeadings(text) >= 2 || countMixedHeadings(text) >= 3) return 'printed';
  return 'loose';
}

export function segment(doc: NormalisedText): SegmentedDocument {
  const text = doc.text;
  const header = parseHeader(text);
  const layout = detectLayout(text);
  const headerEnd = header.dateSpan ? Math.max(text.indexOf('\n', header.dateSpan.end), header.dateSpan.end) : 0;
  let starts: ItemStart[];
  switch (layout) {
    case 'numbered-web':
      starts = numberedWebStarts(text);
      break;
    case 'printed': {
      const upper = printedStarts(text);
      const mixed = mixedStarts(text);
      starts = upper.length >= 2 || upper.length >= mixed.length ? upper : mixed;
      break;
    }
    case 'table':
      starts = tableStarts(text);
      break;
    case 'loose':
      starts = looseStarts(text, headerEnd);
      break;
  }
  // A fragment or page that opens with a standard item before the first heading
  // ("There were no declarations of interest." then "28. MINUTES …").
  if (layout !== 'loose' && starts.length > 0) {
    const before = looseStarts(text.slice(0, starts[0]!.start), headerEnd).filter((s) => s.titleInferred);
    starts = [...before, ...starts];
  }
  const items = buildItems(text, starts);
  const warnings: string[] = [];
  if (items.length === 0) warnings.push('no agenda items were recognised; people and the header were still read');
  const truncated = items.filter((i) => i.truncated).length;
  if (truncated > 0) warnings.push(`${truncated} item(s) are cut off in the published text ("view the full minutes text")`);
  const preambleEnd = items[0]?.span.start ?? text.length;
  return { layout, header, preamble: { start: 0, end: preambleEnd }, items, warnings };
}
