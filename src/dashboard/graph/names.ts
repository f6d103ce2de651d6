/**
 * How entities are named on the picture: short enough to sit beside a node, and never cut
 * where it matters. A meeting leads with its date ("2025-11-04 · Improving Lives SC"), since
 * the date is what tells one meeting of a body from the next.
 */

/** Words councils repeat in body names, and how a label shortens them. */
const SHORTER: [RegExp, string][] = [
  [/\bSelect Commission\b/g, 'SC'],
  [/\bOverview and Scrutiny\b/g, 'O&S'],
  [/\bHealth and Wellbeing Board\b/g, 'HWB'],
  [/\bScrutiny Committee\b/g, 'Scrutiny Cttee'],
  [/\bCommittee\b/g, 'Cttee'],
  [/\bChildren and Young People(?:'|’)?s?\b/g, 'CYP'],
  [/\bMetropolitan Borough Council\b/g, 'MBC'],
  [/\band\b/g, '&'],
];

export const MAX_LABEL = 40;

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  // At a word boundary when one is near the end, so "Strategy Upd…" reads as "Strategy…".
  const space = room.lastIndexOf(' ');
  return `${(space > max * 0.6 ? room.slice(0, space) : room).replace(/[\s,.;:·-]+$/, '')}…`;
}

export function shortBody(body: string): string {
  let out = body;
  for (const [pattern, short] of SHORTER) out = out.replace(pattern, short);
  return out.replace(/\s+/g, ' ').trim();
}

/**
 * `2025-11-04 · Improving Lives SC`: the date whole, the body shortened after it. `short` false
 * gives the full form for panels and tooltips.
 */
export function meetingLabel(date: string, body: string | null, fallback: string, short = true): string {
  const name = body ?? fallback.replace(/,?\s*\d{4}-\d{2}(-\d{2})?\s*$/, '').trim();
  if (!short) return name ? `${date} · ${name}` : date;
  return name ? `${date} · ${cut(shortBody(name), MAX_LABEL - date.length - 3)}` : date;
}

export function nodeLabel(label: string): string {
  return cut(label.replace(/\s+/g, ' ').trim(), MAX_LABEL);
}
