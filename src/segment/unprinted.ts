/**
 * Agenda items the minutes name but never print, because the meeting did not take them: "it had
 * been decided to defer Item 5 (Leader's Update) and Item 6 (Budget Monitoring) to an extra
 * meeting", "the Chair advised that item 9 ('Harbour Lease') had been withdrawn". They are items
 * of the agenda all the same: what was moved or withdrawn has to be an item for its deferral to
 * be recorded against it. Only a reference that moves the business and names the item by number
 * and title makes one; a number the document prints as a heading is never made twice.
 */
import { rule } from '../rules/engine.ts';
import { hits } from '../rules/engine.ts';
import { sentenceText, splitSentences } from '../text/sentences.ts';
import { ITEM_MOVED_WORDS } from '../lexicon/followups.ts';
import type { ItemStart } from './layouts/common.ts';
import type { Span } from './types.ts';

/** A title in brackets may hold one bracket of its own: "(Budget report 2025/26 (April to March))". */
const BRACKETED = String.raw`\((?<title>[^()]{3,160}(?:\([^()]{0,60}\)[^()]{0,60})?)\)`;
const QUOTED = String.raw`[‘'"“](?<quoted>[^‘'"“”’]{3,160})[’'"”]`;

export const ITEM_REFERENCE = rule({
  id: 'item.named-by-reference',
  produces: 'item',
  reason: 'an agenda item named by its number and its title in brackets or quotes ("Item 5 (Leader\'s Update)", "item 9 ‘Harbour Lease’"), where a sentence says it was deferred or withdrawn: the item was on the agenda though its minute is not printed',
  pattern: new RegExp(String.raw`\b[Ii]tem\s+(?:[Nn]o\.?\s*)?(?<number>\d{1,3}[a-z]?)\s*(?:${BRACKETED}|${QUOTED})`, 'g'),
  examples: [
    { text: 'it had been decided to defer Item 5 (Leader of the Council Update) to an extra meeting', groups: { number: '5', title: 'Leader of the Council Update' } },
    { text: 'The Chair advised that item 9 ‘Harbour Lease Renewal’ had been withdrawn.', groups: { number: '9', quoted: 'Harbour Lease Renewal' } },
    { text: 'and Item 6 (Performance and Risk report 2025/26 (April 2025 to March 2026)) on the agenda', groups: { number: '6', title: 'Performance and Risk report 2025/26 (April 2025 to March 2026)' } },
  ],
  counterexamples: ['The minutes of item 5 were agreed.', 'see item 12 of the agenda pack'],
});

const MOVED = new RegExp(String.raw`\b(?:${ITEM_MOVED_WORDS.join('|')})`, 'i');

/** Compares item numbers as printed ("5", "CAB/5", "5."): the trailing digits and letter. */
const numberKey = (n: string) => /(\d+[a-z]?)\W*$/i.exec(n)?.[1]?.toLowerCase() ?? n.toLowerCase();

/**
 * Items named by reference in `scope` (a deferral or withdrawal sentence) whose numbers no
 * printed heading has. Each is an item whose span is its reference, so it holds no text of its
 * own and takes none from the preamble around it.
 */
export function unprintedItems(text: string, scope: Span, printed: readonly ItemStart[]): ItemStart[] {
  const known = new Set(printed.filter((s) => s.number).map((s) => numberKey(s.number!)));
  const out: ItemStart[] = [];
  for (const sentence of splitSentences(text, scope.start, scope.end)) {
    const s = sentenceText(text, sentence);
    if (!MOVED.test(s)) continue;
    for (const h of hits(ITEM_REFERENCE, text, sentence.start, sentence.end)) {
      const number = h.text.number!;
      if (known.has(numberKey(number))) continue;
      known.add(numberKey(number));
      const title = (h.text.title ?? h.text.quoted ?? '').replace(/\s+/g, ' ').trim();
      out.push({ start: h.start, number, title, titleInferred: false, bodyStart: h.end, end: h.end });
    }
  }
  return out;
}
