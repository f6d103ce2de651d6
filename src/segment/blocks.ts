/**
 * Attendance blocks: the labelled lists at the head of minutes ("Present:", "Voting Members:",
 * "Also in attendance:", "Officers:", "Apologies:") and items whose title is such a label ("Also
 * Present", "Officers Present"). The segmenter finds where each block is and what its label
 * says; the extractor reads the names in it (src/extract/lists.ts).
 *
 * A label is read three ways: at the start of a line (with a colon, a dash, or alone on its
 * line), inside a long line after a sentence ends (with a colon), and before a titled name
 * with no colon at all ("… Paisley PA1 1AN Present Councillor Jennifer Adam"): the name that
 * follows is the evidence it is a label.
 */
import { ABSENT_LABELS, APOLOGY_LABELS, CHAIR_LABELS, LABELS, OTHERS_LABELS, PRESENT_LABELS, PRESENT_SUBLABELS, PUBLIC_LABELS, SUBSTITUTE_LABELS, type BlockKind } from '../lexicon/attendance.ts';
import { FORMS_OF_ADDRESS, OFFICE_TITLES_HELD, OFFICE_TITLES_RANK, PLURAL_FORMS } from '../lexicon/address.ts';
import { alt, hits, rule, type Hit } from '../rules/engine.ts';
import { attendanceTableRows } from './attendance-table.ts';
import type { Span } from './types.ts';

export interface AttendanceBlock {
  kind: BlockKind;
  /** A sub-label inside a Present block ("Co-opted Members:"): still members. */
  sub: boolean;
  label: string;
  labelSpan: Span;
  /** From after the label to the next label or the end of the region; the list may stop sooner. */
  content: Span;
  rule: string;
}

/** Labels by their lower-case form: "Co-opted member:" is "Co-opted Member:". */
const KIND = new Map<string, { kind: BlockKind; sub: boolean }>();
for (const group of LABELS) for (const l of group.labels) if (!KIND.has(l.toLowerCase())) KIND.set(l.toLowerCase(), { kind: group.kind, sub: group.sub ?? false });

/** Generic one-word labels that need a colon to be labels ("Members:", "Public:", "Clerk:"). */
const COLON_ONLY = new Set(['members', 'councillors', 'county councillors', 'attendance', 'attending', 'public', 'press', 'staff', 'officer', 'clerk', 'clerks', 'guest', 'guests', 'observer', 'adviser', 'advisor', 'representatives', 'chair', 'chairman', 'chairperson', 'chairwoman', 'convener', 'convenor', 'presiding', 'substitute', 'absence', 'participants', 'contributors', 'speakers', 'officials', 'interpreters', 'witnesses', 'co-optees', 'minute taker', 'secretariat']);

const LABEL_LIST = [...PRESENT_LABELS, ...PRESENT_SUBLABELS, ...OTHERS_LABELS, ...APOLOGY_LABELS, ...ABSENT_LABELS, ...SUBSTITUTE_LABELS, ...PUBLIC_LABELS, ...CHAIR_LABELS];
/** Each label as written and in capitals, for the case-sensitive line test. */
const ALL_LABELS = alt(LABEL_LIST.flatMap((l) => [l, l.toUpperCase()]));
/**
 * Each label once whatever its case, for the rules under the `i` flag: a variant in another
 * case matches the same text, so it only lengthened the alternation the search tries everywhere.
 */
const ALL_LABELS_I = alt([...new Map(LABEL_LIST.map((l) => [l.toLowerCase(), l] as const)).values()]);
const NAME_START = `(?:${alt([...FORMS_OF_ADDRESS, ...PLURAL_FORMS, ...OFFICE_TITLES_HELD, ...OFFICE_TITLES_RANK])}\\.?\\s|[A-Z]\\.?\\s?[A-Z][a-z])`;

export const BLOCK_RULES = {
  line: rule({
    id: 'block.label-line',
    produces: 'attendance-block',
    reason: 'an attendance label at the start of a line, with a colon or dash, or alone on its line',
    pattern: new RegExp(`^[ \\t]*(?:-\\s+)?(?<label>${ALL_LABELS_I})(?<mark>[ \\t]*:-?|[ \\t]+[-–][ \\t]|[ \\t]*(?=\\n|$))`, 'gmi'),
    examples: [
      { text: 'PRESENT: Councillor Abbot (Chair)', groups: { label: 'PRESENT' } },
      { text: 'Voting Members:\nCouncillor Hale', groups: { label: 'Voting Members' } },
      { text: 'Also in attendance - Jo Bell', groups: { label: 'Also in attendance' } },
      { text: 'Apologies\nDr Nina Ross', groups: { label: 'Apologies' } },
    ],
    counterexamples: ['Presentation of the Annual Report', 'Members noted the report.', 'Apologies for absence were received from Councillor Hale.'],
  }),
  inline: rule({
    id: 'block.label-inline',
    produces: 'attendance-block',
    reason: 'a label inside a long line (text whose line breaks were lost), after a sentence ends, with a colon',
    pattern: new RegExp(`(?:(?<=[.;)]\\s{1,3})|(?<=\\t)|(?<=\\s{2}))(?<label>${ALL_LABELS_I})(?<mark>[ \\t]*:-?)`, 'gi'),
    examples: [{ text: 'held at the Town Hall. Present: Cllrs A Vale, B Marsh. Apologies: Cllr C Lee', groups: { label: 'Present' } }],
    counterexamples: ['The members present: noted', 'were present: all'],
  }),
  beforeName: rule({
    id: 'block.label-before-name',
    produces: 'attendance-block',
    reason: 'a label with no colon, followed straight away by a titled name or initials and a surname',
    pattern: new RegExp(`(?<=^|\\s)(?:(?<label>Present|PRESENT|In Attendance|IN ATTENDANCE|In attendance|Also Present|Also present|Apologies|APOLOGIES|Sederunt|SEDERUNT)(?<mark>[ \\t]*:?[ \\t]+)(?=${NAME_START})|(?<label2>Officers Present|Other Member Present|Other Members Present|Committee Members|Officers in Attendance)(?<mark2>[ \\t]+)(?=${NAME_START}|[A-Z][a-z]+\\s+[A-Z][a-z]))`, 'gm'),
    examples: [
      { text: 'Paisley PA1 1AN Present Councillor Ann Vale, Councillor Tom Marsh', groups: { label: 'Present' } },
      { text: 'In Attendance S Black, Chief Executive', groups: { label: 'In Attendance' } },
    ],
    counterexamples: ['Members were Present at the site visit', 'Present and future plans'],
  }),
};

/** Labels found in `text` between `start` and `end`, in order, one per position. */
function labelsIn(text: string, start: number, end: number): Hit[] {
  const found: Hit[] = [];
  for (const r of [BLOCK_RULES.line, BLOCK_RULES.inline, BLOCK_RULES.beforeName]) {
    for (const h of hits(r, text, start, end)) {
      if (h.text.label2) {
        h.text.label = h.text.label2;
        h.text.mark = h.text.mark2;
        h.groups.label = h.groups.label2;
      }
      const label = h.text.label!;
      if (!/^[A-Z]/.test(label)) continue;
      const key = label.toLowerCase().replace(/\s+/g, ' ');
      const mark = h.text.mark ?? '';
      if (COLON_ONLY.has(key) && !mark.includes(':')) continue;
      found.push(h);
    }
  }
  found.sort((a, b) => a.groups.label!.start - b.groups.label!.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of found) if (!out.some((o) => o.groups.label!.start === h.groups.label!.start || (h.start < o.end && h.end > o.start))) out.push(h);
  return out.sort((a, b) => a.start - b.start);
}

/** The attendance blocks of a region (the preamble, or an item whose body is a list). */
export function findBlocks(text: string, region: Span): AttendanceBlock[] {
  const labels = labelsIn(text, region.start, region.end);
  const out: AttendanceBlock[] = [];
  labels.forEach((h, i) => {
    const label = h.text.label!.replace(/\s+/g, ' ');
    const kind = KIND.get(label.toLowerCase());
    if (!kind) return;
    const contentEnd = labels[i + 1]?.groups.label!.start ?? region.end;
    out.push({
      kind: kind.kind,
      sub: kind.sub,
      label,
      labelSpan: h.groups.label!,
      content: { start: h.end, end: Math.max(h.end, contentEnd) },
      rule: h.rule.id,
    });
  });
  // A table of who attended, with a status column: a block a row. A label block above it
  // ("Present:") ends where the table begins, so no name is read twice.
  const rows = attendanceTableRows(text, region.start, region.end);
  if (rows.length > 0) {
    const first = rows[0]!.content.start;
    let above: BlockKind = 'present';
    for (const b of out) {
      if (b.content.start <= first && b.content.end > first) {
        above = b.kind;
        b.content = { start: b.content.start, end: first };
      }
    }
    for (const r of rows) out.push({ kind: r.kind ?? above, sub: false, label: r.label, labelSpan: r.labelSpan, content: r.content, rule: 'block.attendance-table' });
  }
  // A sub-label ("Co-opted Members:") under a Present block belongs to it; standing alone it is still members.
  return out;
}

/** An item whose title is an attendance label ("Also Present", "Officers Present"): its body is that list. */
export function blockKindOfTitle(title: string): { kind: BlockKind; sub: boolean } | null {
  const t = title.replace(/[:.\s]+$/, '').replace(/\s+/g, ' ').toLowerCase();
  const k = KIND.get(t);
  if (!k || k.kind === 'apologies' || k.kind === 'chair') return null;
  return k;
}

/** Is this line an attendance label line ("PRESENT: …", "Officers:")? It is never an item heading. */
const LABEL_LINE = new RegExp(`^(?:-\\s+)?(?<label>${ALL_LABELS})[ \\t]*(?::|$|[ \\t]+[-–][ \\t])`);

export function isLabelLine(line: string): boolean {
  const t = line.trim();
  const m = LABEL_LINE.exec(t);
  if (!m) return false;
  const key = m.groups!.label!.toLowerCase();
  if (COLON_ONLY.has(key) && !t.slice(m.groups!.label!.length).trimStart().startsWith(':')) return false;
  // "Apologies for Absence" alone on a line is a heading in many layouts; with a list after a colon it is a label.
  if (/^apologies/i.test(t) && !/:/.test(t)) return false;
  return true;
}
