/**
 * Attendance printed as a table, one person a row, with a column saying whether each attended:
 *
 *   Name                         | Role        | Attendance
 *   Councillor Shabana Iqbal     | Chair       | Present
 *   Councillor K P Hendry        | Member      | Apologies
 *
 * Each row becomes a one-entry block of the kind its status cell gives (present, apologies,
 * absent), its content the name and role cells, so the list reader reads the name and its post.
 * A row whose role is an officer's post, not a membership, is one of the others in attendance.
 * A table with a name and a role column but no status ("| Name | Title |") is one list: of the
 * kind its label gives, or the members when it stands unlabelled at the head of the minutes.
 */
import type { BlockKind } from '../lexicon/attendance.ts';
import type { Span } from './types.ts';

export interface TableRowBlock {
  /** Null for a table with no status column: the label above it ("Present:") says, or it is the members. */
  kind: BlockKind | null;
  label: string;
  labelSpan: Span;
  content: Span;
}

const HEADER_NAME = /^(?:names?|member name|attendee|full name)$/i;
const HEADER_STATUS = /^(?:attendance|attended|status|present|present\/apologies|attendance status)$/i;
const HEADER_ROLE = /^(?:role|position|post|title|representing|organisation|capacity|membership)$/i;
/** A membership rather than a post: such rows are members; any other post is an officer or guest. */
const MEMBERSHIP = /^(?:chair(?:man|person|woman)?|vice[- ]?chair(?:man|person|woman)?|deputy chair(?:man|person|woman)?|(?:co-?opted|independent|voting|non-voting|lay|parent governor|church|diocesan|non-executive|associate|elected)?\s*members?|substitute(?:\s+member)?\b.*|councillor|cllr|(?:cabinet|portfolio)\s+(?:member|holder)\b.*|leader\b.*|deputy leader\b.*|mayor|provost|convener|convenor|)$/i;

function statusKind(cell: string): BlockKind | null {
  const c = cell.trim();
  if (/^(?:present|attended|yes|y|in attendance|✓|✔|virtual|remote(?:ly)?|attended (?:remotely|virtually|in person)|present \([^)]*\)|in person|online|substitute|sub)$/i.test(c)) return 'present';
  if (/^(?:apolog(?:y|ies)(?: received| sent| given)?|sent apologies|apols?\.?)$/i.test(c)) return 'apologies';
  if (/^(?:absent|no|n|not present|did not attend|absent without apologies)$/i.test(c)) return 'absent';
  return null;
}

interface Cell {
  text: string;
  start: number;
  end: number;
}

function cells(line: string, at: number): Cell[] {
  const out: Cell[] = [];
  let start = 0;
  for (let i = 0; i <= line.length; i++) {
    if (i === line.length || line[i] === '|') {
      const raw = line.slice(start, i);
      const lead = raw.length - raw.trimStart().length;
      const t = raw.trim();
      out.push({ text: t, start: at + start + lead, end: at + start + lead + t.length });
      start = i + 1;
    }
  }
  // A leading or trailing "|" makes an empty first or last cell.
  if (out.length > 0 && out[0]!.text === '' && line.trimStart().startsWith('|')) out.shift();
  if (out.length > 0 && out[out.length - 1]!.text === '' && line.trimEnd().endsWith('|')) out.pop();
  return out;
}

/** Attendance-table rows in `text` between `start` and `end`, as one-entry blocks. */
export function attendanceTableRows(text: string, start: number, end: number): TableRowBlock[] {
  const out: TableRowBlock[] = [];
  let at = start;
  let header: { name: number; status: number; role: number } | null = null;
  while (at < end) {
    const nl = text.indexOf('\n', at);
    const lineEnd = nl < 0 || nl > end ? end : nl;
    const line = text.slice(at, lineEnd);
    if (!line.includes('|')) header = null;
    else if (/^[\s|:+-]*$/.test(line)) {
      // "|---|---|": a rule under the header.
    } else {
      const row = cells(line, at);
      const names = row.map((c) => c.text);
      const nameAt = names.findIndex((c) => HEADER_NAME.test(c));
      const statusAt = names.findIndex((c) => HEADER_STATUS.test(c));
      const roleAt = names.findIndex((c) => HEADER_ROLE.test(c));
      if (nameAt >= 0 && (statusAt >= 0 || roleAt >= 0) && nameAt !== statusAt && nameAt !== roleAt) header = { name: nameAt, status: statusAt, role: roleAt };
      else if (header && row.length > Math.max(header.name, header.status)) {
        const status = header.status >= 0 ? row[header.status]! : null;
        const kind = status ? statusKind(status.text) : null;
        const name = row[header.name]!;
        if ((kind || !status) && name.text) {
          const role = header.role >= 0 ? row[header.role] : undefined;
          // The role cell is read with the name when it follows it, as "Name | Role".
          const contentEnd = role && header.role === header.name + 1 && role.text ? role.end : name.end;
          // Only a table that marks who attended mixes members and officers; one without is a single list.
          const officer = kind === 'present' && role !== undefined && role.text !== '' && !MEMBERSHIP.test(role.text);
          const label = status ?? name;
          out.push({ kind: officer ? 'others' : kind, label: status?.text ?? 'Name', labelSpan: { start: label.start, end: label.end }, content: { start: name.start, end: contentEnd } });
        }
      }
    }
    at = lineEnd + 1;
  }
  return out;
}
