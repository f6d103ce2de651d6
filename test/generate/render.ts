/**
 * Layouts of published minutes, reproduced from how ModernGov sites and printed minutes
 * look as text: a web page with numbered items, a table dump with `|` rows, printed
 * minutes with upper-case headings and page breaks, and headless fragments.
 */
import { MONTHS } from './pools.ts';
import type { Block, ItemPlan, MeetingPlan } from './plan.ts';
import type { Rng } from './random.ts';

export type Format = 'web' | 'table' | 'printed' | 'fragment';

const NBSP = '\u00a0';

function longDate(m: MeetingPlan): string {
  return `${m.date.weekday} ${m.date.day} ${MONTHS[m.date.month]} ${m.date.year}`;
}

function blocksToLines(blocks: Block[], bullet: (depth: number) => string): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.t === 'p') out.push(b.text);
    else if (b.t === 'bullets') {
      if (b.heading) out.push(b.heading);
      for (const item of b.items) out.push(`${bullet(0)}${item}`);
    } else {
      out.push(b.intro);
      b.items.forEach((item, i) => out.push(`${i + 1})    ${item}`));
    }
  }
  return out;
}

/** Cut long minutes the way ModernGov does, at a word boundary, with the link text. */
function truncate(text: string, limit: number, itemNo: number): string {
  if (text.length <= limit) return text;
  const cut = text.lastIndexOf(' ', limit);
  return `${text.slice(0, cut > 0 ? cut : limit)}  ...  view the full minutes text for item ${itemNo}.`;
}

export function renderWeb(m: MeetingPlan, rng: Rng): string {
  const out: string[] = [];
  out.push(rng.chance(0.5) ? 'Agenda and minutes' : 'Agenda and draft minutes', '');
  out.push(`${m.committee} - ${longDate(m)} ${m.time}`, '');
  out.push(`Venue: ${m.venue}`, '');
  out.push(`Contact: ${m.council.contact.name.first} ${m.council.contact.name.surname}, ${m.council.contact.post} Tel: 01632 96${String(rng.int(0, 9999)).padStart(4, '0')}`, '');
  out.push('Items', 'No. Item', '');
  const truncateAt = rng.chance(0.5) ? rng.int(1800, 3500) : Infinity;
  for (const item of m.items) {
    out.push(`${item.number}.`, '');
    out.push(item.pdfKb !== null ? `${item.title} pdf icon PDF ${item.pdfKb} KB` : item.title, '', NBSP, '');
    out.push(item.agenda, '');
    if (item.additionalDocuments) out.push('Additional documents:', '');
    out.push('Minutes:', '');
    const body = blocksToLines(item.blocks, () => '·      ').join(`\n\n${NBSP}\n\n`);
    out.push(truncate(body, truncateAt, item.number), '');
  }
  return out.join('\n');
}

export function renderTable(m: MeetingPlan, rng: Rng): string {
  const out: string[] = [];
  out.push(`Venue: ${m.venue}`);
  out.push(`Contact: ${m.council.contact.name.first} ${m.council.contact.name.surname}, ${m.council.contact.post}`);
  out.push('| No. | Item |', '|---|---|');
  const truncateAt = rng.int(1500, 3000);
  for (const item of m.items) {
    // Rows often lose their title and start straight with the agenda text.
    const title = item.title === 'Work Programme' || rng.chance(0.2) ? '' : `${item.title}\n`;
    const lines: string[] = [];
    for (const b of item.blocks) {
      if (b.t === 'p') lines.push(b.text);
      else if (b.t === 'bullets') lines.push(`${b.heading ? `${b.heading}\n` : ''}${b.items.map((i) => `· ${i}`).join(' ')}`);
      else lines.push(`${b.intro}\n${b.items.map((i, n) => `${n + 1}) ${i}`).join('\n')}`);
    }
    const minutes = truncate(lines.join('\n'), truncateAt, item.number);
    const docs = item.additionalDocuments ? ' Additional documents:' : '';
    out.push('|', `${title}${item.agenda}${docs} Minutes: ${minutes} |`, '|');
  }
  return out.join('\n');
}

/** Printed minutes break pages wherever the text falls, often mid-sentence. */
function paginate(text: string, header: string, rng: Rng): string {
  const out: string[] = [];
  let page = 1;
  let pos = 0;
  const pageSize = rng.int(2800, 4200);
  while (text.length - pos > pageSize) {
    let cut = text.lastIndexOf(' ', pos + pageSize);
    if (cut <= pos) cut = pos + pageSize;
    out.push(text.slice(pos, cut));
    page++;
    out.push(`\n\n${header}                    ${page}\n\n`);
    pos = cut + 1;
  }
  out.push(text.slice(pos));
  return out.join('');
}

export function renderPrinted(m: MeetingPlan, rng: Rng): string {
  const style = m.council.def.style;
  const out: string[] = [];
  const dd = String(m.date.day).padStart(2, '0');
  const mm = String(m.date.month + 1).padStart(2, '0');
  const header = `${m.committee.toUpperCase()} - ${dd}/${mm}/${String(m.date.year).slice(2)}`;
  const others = m.present.filter((p) => p !== m.chair);
  const plural = style.memberTitle === 'Cllr' ? 'Cllrs' : `${style.memberTitle}s`;
  const titleFor = (n: number) => (n === 1 ? style.memberTitle : plural);
  const bare = (p: string) => p.replace(/^(County Councillor|Councillor|Cllr) /, '');
  const andList = (xs: string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}` : (xs[0] ?? ''));
  if (style.roleStyle === 'parenthetical') {
    out.push(m.council.def.name.toUpperCase(), '', `${m.committee} – ${m.date.day} ${MONTHS[m.date.month]} ${m.date.year}`, '');
    out.push(`PRESENT:- ${m.chair} in the chair.`, '', `${titleFor(others.length)} ${andList(others.map(bare))}.`, '');
    if (m.apologies.length > 0) out.push(`Apologies for absence were received from ${titleFor(m.apologies.length)} ${andList(m.apologies.map(bare))}.`, '');
  } else {
    out.push('', '', m.committee.toUpperCase(), longDate(m), '');
    out.push(`Present:- ${m.chair} (in the ${style.chairWord}); ${titleFor(others.length)} ${andList(others.map(bare))}.`, '');
    if (m.apologies.length > 0) out.push(`Apologies for Absence:- Apologies were received from ${titleFor(m.apologies.length)} ${andList(m.apologies.map(bare))}.`, '');
  }
  const marks = ['- ', '· ', '• '];
  const sub = rng.pick(['v   ', 'o ']);
  for (const item of m.items) {
    const no = style.numbering === 'slash' ? `${item.number}/${String(m.date.year).slice(2)}` : `${item.number}.`;
    out.push(`${no} ${item.title.toUpperCase()}`, '');
    const mark = rng.pick(marks);
    for (const line of blocksToLines(item.blocks, () => mark)) {
      // Hyphenated names come out of PDF extraction as "Mary- Beth".
      out.push(line.replace(/\b([A-Z][a-z]+)-([A-Z][a-z]+)\b/g, (w, a: string, b: string) => (rng.chance(0.5) ? `${a}- ${b}` : w)), '');
    }
    if (rng.chance(0.1)) out.push(`${sub}${'A copy of the presentation would be circulated to members.'}`, '');
  }
  return paginate(out.join('\n'), header, rng);
}

/** Text that starts somewhere in the middle of a meeting and may stop mid-item. */
export function renderFragment(m: MeetingPlan, rng: Rng): string {
  const full = rng.chance(0.5) ? renderPrinted(m, rng) : renderWeb(m, rng);
  const firstItem = m.items[rng.int(1, Math.max(1, m.items.length - 2))] as ItemPlan;
  const marker = full.indexOf(firstItem.title.toUpperCase()) >= 0 ? firstItem.title.toUpperCase() : firstItem.title;
  let start = full.indexOf(marker);
  if (start < 0) start = Math.floor(full.length / 3);
  // Step back to the start of the line so the fragment opens on an item heading or its number.
  start = full.lastIndexOf('\n', start) + 1;
  const body = full.slice(start);
  const end = rng.chance(0.4) ? body.lastIndexOf(' ', Math.floor(body.length * (0.7 + rng.next() * 0.25))) : body.length;
  return body.slice(0, end > 0 ? end : body.length);
}
