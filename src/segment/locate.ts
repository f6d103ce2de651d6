import type { SegmentedDocument } from './types.ts';

/** The item an offset falls in, by binary search (items are in text order and do not overlap). */
export function itemLocator(doc: SegmentedDocument): (offset: number) => number | null {
  const items = doc.items;
  return (offset) => {
    let lo = 0;
    let hi = items.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const span = items[mid]!.span;
      if (offset < span.start) hi = mid - 1;
      else if (offset >= span.end) lo = mid + 1;
      else return items[mid]!.ordinal;
    }
    return null;
  };
}
