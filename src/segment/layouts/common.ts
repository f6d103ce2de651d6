import type { SegmentedItem, Span } from '../types.ts';

export interface ItemStart {
  start: number;
  number: string | null;
  title: string;
  titleInferred: boolean;
  bodyStart: number;
  lead?: Span | null;
  /** Where the item ends when the layout knows (table rows); otherwise at the next item. */
  end?: number;
}

const MINUTES_MARKER = /(?:^|\s)Minutes:\s*/g;
const TRUNCATION = /\s*\.\.\.\s*view the full (?:minutes|agenda|decision) text for item (?<number>\d+[a-z]?)\.?/i;

/** Lines that belong to the page furniture above the items. */
export const FURNITURE = /^(?:Agenda(?:,| and)[^\n]*|Breadcrumb Content|Venue:.*|Contact:.*|Link:.*|Media|Items|No\.? Item|\|\s*No\.\s*\|.*|\|-+\|.*|Note:.*|View directions|Members of the public are welcome[^\n]*)$/;

export function buildItems(text: string, starts: ItemStart[], docEnd = text.length): SegmentedItem[] {
  // An item is known by its title: a heading whose title cleans away to nothing is no item.
  const sorted = starts.filter((s) => s.title.trim() !== '').sort((a, b) => a.start - b.start);
  return sorted.map((s, i) => {
    const end = s.end ?? sorted[i + 1]?.start ?? docEnd;
    const body = text.slice(s.bodyStart, end);
    MINUTES_MARKER.lastIndex = 0;
    const marker = MINUTES_MARKER.exec(body);
    // "... view the full minutes text for item 14": a page that cuts an item off still says its number.
    const cut = TRUNCATION.exec(body);
    return {
      ordinal: i,
      number: s.number ?? cut?.groups?.number ?? null,
      title: s.title,
      titleInferred: s.titleInferred,
      span: { start: s.start, end },
      bodyStart: s.bodyStart,
      minutesStart: marker ? s.bodyStart + marker.index + marker[0].length : null,
      lead: s.lead ?? null,
      truncated: cut !== null,
    };
  });
}

/** Offsets of the lines of `text` from `from` to `to`. */
export function lines(text: string, from = 0, to = text.length): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let pos = from;
  while (pos < to) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0 || nl > to) nl = to;
    out.push({ start: pos, end: nl, text: text.slice(pos, nl) });
    pos = nl + 1;
  }
  return out;
}
