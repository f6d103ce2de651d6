/**
 * Item headings, read from the layout before any wording: every line that could head an item
 * is a candidate under one of the heading rules below (a number alone on its line with the title
 * under it, a number and its title on one line, an upper-case heading running into its text, a
 * title standing alone between blank lines), and the document's own numbering decides which
 * candidates are its items: the family of numbers it uses most ("10/18", "LGA/7/23-24"), rising
 * through the meeting. Unnumbered pages keep the title lines the page confirms as headings
 * (agenda text or the "pdf icon" after them, or a standard item's title).
 */
import { isFurniture } from '../lexicon/furniture.ts';
import { rule } from '../rules/engine.ts';
import { titleCase } from '../text/case.ts';
import { isLabelLine } from './blocks.ts';
import { lines, type ItemStart } from './layouts/common.ts';
import { NUMBER_SOURCE, readNumber, sameFamily, type MinuteNumber } from './numbers.ts';
import { cleanTitle, isTitleLike, looksLikePersonLine, standardKind } from './titles.ts';

export const HEADING_RULES = {
  numberAlone: rule({
    id: 'item.number-alone',
    produces: 'item',
    reason: 'a minute number alone on its line, the title on the next line (ModernGov pages, many printed minutes)',
    pattern: new RegExp(`^[ \\t]*(?<num>${NUMBER_SOURCE})[.:]?[ \\t]*$`, 'gm'),
    examples: [
      { text: '28.\n\nDeclarations of Interest', groups: { num: '28' } },
      { text: 'LGA/7/23-24\n\nApologies for Absence', groups: { num: 'LGA/7/23-24' } },
      { text: 'ICB 25/045\nChief Executive’s Report', groups: { num: 'ICB 25/045' } },
    ],
    counterexamples: ['2025', '28 members attended', '£1.2m'],
  }),
  numberTitle: rule({
    id: 'item.number-title',
    produces: 'item',
    reason: 'a minute number and its title on one line: "14. TITLE", "10/18 Apologies", "21 : APOLOGIES", "CAB/149 Budget", "ICBP/2223/036: Welcome"',
    pattern: new RegExp(`^[ \\t]*(?:Minute[ \\t]+(?:No\\.?[ \\t]*)?)?(?<num>${NUMBER_SOURCE})(?<sep>[.:)]?[ \\t]*[:.–-]?[ \\t]+|\\t+)(?<title>[A-Z0-9(‘'"][^\\n]{1,220})$`, 'gm'),
    examples: [
      { text: '14. THE HARBOUR ACCESS STRATEGY', groups: { num: '14', title: 'THE HARBOUR ACCESS STRATEGY' } },
      { text: '10/18 Apologies', groups: { num: '10/18', title: 'Apologies' } },
      { text: '21 : APOLOGIES FOR ABSENCE', groups: { num: '21', title: 'APOLOGIES FOR ABSENCE' } },
      { text: 'PFC/45: Investment Strategy Statement', groups: { num: 'PFC/45', title: 'Investment Strategy Statement' } },
      { text: 'Minute 38-2019  Apologies for Absence', groups: { num: '38-2019', title: 'Apologies for Absence' } },
    ],
    counterexamples: ['2025 was a difficult year', '14 members were present.', 'Minute 77 of the last meeting was noted.'],
  }),
  runIn: rule({
    id: 'item.run-in',
    produces: 'item',
    reason: 'a numbered upper-case heading running into its minute: "102 DECLARATIONS OF INTEREST – Councillor Vale declared …"',
    pattern: new RegExp(`^[ \\t]*(?<num>${NUMBER_SOURCE})\\.?[ \\t]+(?:\\((?:\\d+[,\\s]*)+\\)[ \\t]+)?(?<title>[A-Z0-9(‘'"][^a-z\\n]{2,200})[ \\t]*(?:[-–—][ \\t]*|\\.[ \\t]+)(?=[A-Z(‘'"][a-z ])`, 'gm'),
    examples: [
      { text: '102  DECLARATIONS OF INTEREST – Councillor Vale declared an interest.', groups: { num: '102', title: 'DECLARATIONS OF INTEREST' } },
      { text: '236 (4) CARE QUALITY COMMISSION - The Chair welcomed Jo Bell.', groups: { num: '236', title: 'CARE QUALITY COMMISSION' } },
    ],
    counterexamples: ['102 The Chair welcomed everyone.'],
  }),
  upperAlone: rule({
    id: 'item.upper-alone',
    produces: 'item',
    reason: 'an unnumbered heading in capitals alone on its line (printed minutes without numbers)',
    pattern: /^[ \t]*(?<title>[A-Z0-9(‘'"][^a-z\n]{3,200})[ \t]*$/gm,
    examples: [{ text: 'DECLARATIONS OF INTEREST\n\nNone were declared.', groups: { title: 'DECLARATIONS OF INTEREST' } }],
    counterexamples: ['Declarations of Interest'],
  }),
  titleAlone: rule({
    id: 'item.title-alone',
    produces: 'item',
    reason: 'an unnumbered title alone between blank lines, confirmed by what follows it (agenda text, the "pdf icon", a report line) or by being a standard item',
    pattern: /^[ \t]*(?<title>[A-Z0-9(‘'"][^\n]{2,200})[ \t]*$/gm,
    examples: [{ text: '\nSummer Data Update pdf icon PDF 212 KB\n\nTo consider the report.', groups: { title: 'Summer Data Update pdf icon PDF 212 KB' } }],
    counterexamples: [],
  }),
};

interface Line {
  start: number;
  end: number;
  text: string;
}

interface Candidate extends ItemStart {
  rule: string;
  number: string | null;
  parsed: MinuteNumber | null;
  /** What follows confirms it is a heading (agenda text, pdf noise, a standard title). */
  confirmed: boolean;
}

const AGENDA_TEXT = /^(?:To (?:consider|receive|note|approve|agree|review|scrutinise|update|invite|elect|appoint|confirm|discuss|determine|hear|welcome|introduce|report|present)|The (?:[Cc]ommittee|[Bb]oard|[Pp]anel|[Cc]ommission|[Cc]ouncil|[Cc]abinet|[Ff]orum|[Ss]ub-[Cc]ommittee|[Aa]uthority|[Pp]artnership|[Gg]roup|[Aa]ssembly|[Ee]xecutive) (?:is|are|will|to) |Members (?:are|will|to) |Report of|Joint report|Report by|Minutes:|Resolved|RESOLVED|Decision:|Purpose|This (?:report|item|paper)|Any Member|A period of|Questions are|Additional documents|Supporting documents|Verbal|Oral)/;
const NOISE = /\bpdf icon\b|\bPDF\s+\d+(?:\.\d+)?\s*[KM]B\b/i;

function nextNonEmpty(all: Line[], i: number, limit = 4): number {
  for (let j = i + 1; j < all.length && j <= i + limit; j++) if (all[j]!.text.trim() !== '') return j;
  return -1;
}

function blankBefore(all: Line[], i: number): boolean {
  return i === 0 || all[i - 1]!.text.trim() === '';
}

function headingTitle(raw: string): string {
  const t = cleanTitle(raw).replace(/\.$/, '');
  return /[a-z]/.test(t) ? t : titleCase(t.toLowerCase());
}

/** A title-like line that is not furniture, an attendance label, a person's name or a sentence. */
function titleLine(text: string): boolean {
  const t = text.trim();
  if (isFurniture(t) || isLabelLine(t)) return false;
  return isTitleLike(t);
}

/**
 * The title after a minute number: the number vouches for it, so page-furniture words that
 * can head an item ("Minutes", "Presentation from …", "Officers Present") are titles here, and a
 * sentence-case title is fine ("Welcome and apologies"); a sentence, a date or a time is not.
 */
function numberedTitle(text: string): boolean {
  const t = text.trim().replace(/\.$/, '');
  if (t.length < 2 || t.length > 220 || !/^[A-Z0-9(‘'"]/.test(t)) return false;
  if (/^(?:Page\s+)?\d{1,4}(?:\s+of\s+\d+)?$/.test(t) || /^\d{1,2}[.:]\d{2}/.test(t)) return false;
  if (isTitleLike(t) || isLabelLine(t) || standardKind(t) !== null) return true;
  const words = t.split(/\s+/);
  return words.length <= 14 && !/\b(?:was|were|is|are|had|has|have|would|will|noted|agreed|resolved|received|advised|explained|confirmed|reported|welcomed|asked|stated|thanked|requested|declared)\b/.test(t) && !/^(?:The|This|That|There|It|He|She|They|We|Members|Councillor|Cllr)\s/.test(t);
}

/** What comes after a title line confirms it as an item heading. */
function confirmedAt(all: Line[], j: number, title: string): boolean {
  if (NOISE.test(all[j]!.text) || standardKind(title) !== null) return true;
  const k = nextNonEmpty(all, j);
  if (k < 0) return false;
  const after = all[k]!.text.trim();
  return AGENDA_TEXT.test(after) || isFurniture(after) && /^(?:Report|Joint|Lead|Ward|Additional|Supporting|Minutes:|Decision)/.test(after) || looksLikePersonLine(after);
}

const NUMBER_ALONE = new RegExp(HEADING_RULES.numberAlone.pattern.source);
const RUN_IN = new RegExp(HEADING_RULES.runIn.pattern.source);
const NUMBER_TITLE = new RegExp(HEADING_RULES.numberTitle.pattern.source);
/** Cheap test before the heading patterns: a heading line starts with a number or a short code. */
const MAY_BE_NUMBERED = /^[ \t]*(?:[A-Z][A-Za-z&]{0,6}[ /.-]?)?\d|^[ \t]*(?:Item|Minute(?:\s+No\.?)?)\s+\d/;

/**
 * A bare number alone on its line is a page number, except straight above a title ("17" then
 * "MINUTES", "23" then "Declarations of Interest"): a minute number printed over its heading.
 */
function numberOverTitle(all: Line[], i: number): boolean {
  if (!/^[ \t]*\d{1,4}[ \t]*$/.test(all[i]!.text)) return false;
  const next = all[i + 1]?.text.trim() ?? '';
  if (next === '' || isFurniture(next) || isLabelLine(next)) return false;
  return (/^[A-Z][A-Z0-9 ,&'()/.:–-]{3,}$/.test(next) && /[A-Z]{3}/.test(next)) || (numberedTitle(next) && !/[.;:,]$/.test(next) && next.split(/\s+/).length <= 16);
}

function numbered(text: string, all: Line[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    // A date or a time on its own line ("Monday 1 March 2025") is furniture, not "Monday" item 1.
    if (!MAY_BE_NUMBERED.test(line.text) || (isFurniture(line.text) && !numberOverTitle(all, i))) continue;
    const alone = NUMBER_ALONE.exec(line.text);
    if (alone) {
      const parsed = readNumber(alone.groups!.num!);
      if (!parsed) continue;
      let number = parsed.raw;
      let start = line.start;
      // "CYP" on one line and "1/10" on the next: a prefix printed above the number.
      const prev = all[i - 1];
      if (prev && /^[A-Z]{2,5}$/.test(prev.text.trim()) && !isFurniture(prev.text)) {
        number = `${prev.text.trim()} ${number}`;
        start = prev.start;
      }
      const j = nextNonEmpty(all, i, 3);
      if (j < 0) continue;
      const titleText = all[j]!.text.trim();
      // Under a minute number, an attendance label is the item's title ("94. / Officers Present").
      // ModernGov prints "Minutes:" under every title, so a title there is one whatever its
      // wording ("To consider the extent, if any, to which the public … are to be excluded.").
      const m2 = nextNonEmpty(all, j, 3);
      const minutesLabel = m2 > 0 && /^(?:Minutes?|Decisions?|Resolved)\s*:?\s*$/i.test(all[m2]!.text.trim()) && /^[A-Z]/.test(titleText) && titleText.length <= 250;
      if (NUMBER_ALONE.test(titleText) || !minutesLabel && !numberedTitle(titleText) && !NOISE.test(titleText) && !/^[A-Z][A-Z0-9 ,&'()/.-]{3,}$/.test(titleText)) continue;
      let bodyStart = all[j]!.end;
      let raw = titleText;
      // A heading in capitals that wraps onto a second line.
      const nx = all[j + 1];
      if (nx && /^[A-Z0-9(][^a-z\n]{2,}$/.test(nx.text.trim()) && /[A-Z]{3}/.test(nx.text) && /^[^a-z]+$/.test(titleText)) {
        raw += ` ${nx.text.trim()}`;
        bodyStart = nx.end;
      }
      // ModernGov's lead member or officer line under the title.
      let lead = null;
      const k = nextNonEmpty(all, j, 3);
      if (k > 0 && looksLikePersonLine(all[k]!.text) && all[k]!.text.trim().split(/\s+/).length <= 5) {
        lead = { start: all[k]!.start, end: all[k]!.end };
        bodyStart = all[k]!.end;
      }
      const parsedFull = readNumber(number) ?? parsed;
      if (!headingTitle(raw)) continue;
      out.push({ start, number, parsed: parsedFull, title: headingTitle(raw), titleInferred: false, bodyStart, lead, rule: HEADING_RULES.numberAlone.id, confirmed: true });
      i = j;
      continue;
    }
    const runIn = RUN_IN.exec(line.text);
    if (runIn && /[A-Z]{3}/.test(runIn.groups!.title!)) {
      const parsed = readNumber(runIn.groups!.num!);
      if (parsed) {
        out.push({ start: line.start, number: parsed.raw, parsed, title: headingTitle(runIn.groups!.title!), titleInferred: false, bodyStart: line.start + runIn[0].length, rule: HEADING_RULES.runIn.id, confirmed: true });
        continue;
      }
    }
    const withTitle = NUMBER_TITLE.exec(line.text);
    if (withTitle) {
      const parsed = readNumber(withTitle.groups!.num!);
      const title = withTitle.groups!.title!.trim();
      if (!parsed || /^\d/.test(title) && !/^\d{4}/.test(title)) continue;
      const upper = /^[^a-z]+$/.test(title) && /[A-Z]{3}/.test(title);
      if (!upper && !numberedTitle(title) && !NOISE.test(title)) continue;
      let raw = title;
      if (!headingTitle(raw)) continue;
      let bodyStart = line.end;
      const nx = all[i + 1];
      if (upper && nx && /^[A-Z0-9(][^a-z\n]{2,}$/.test(nx.text.trim()) && /[A-Z]{3}/.test(nx.text)) {
        raw += ` ${nx.text.trim()}`;
        bodyStart = nx.end;
      }
      out.push({ start: line.start, number: parsed.raw, parsed, title: headingTitle(raw), titleInferred: false, bodyStart, rule: HEADING_RULES.numberTitle.id, confirmed: true });
    }
  }
  return out;
}

/**
 * The document's numbering: the family of numbers with the most candidates, kept where the
 * running number rises (sub-minutes "15.1" after "15" allowed, a jump of more than 50 not).
 */
/**
 * "PE/24/19", "PE/24/20", …: where one family's numbers all share their first part and differ
 * in their last, the first is the year and the last the running number. (Read per number,
 * "CYP 1/10" keeps 1 as its running number: the second part there is the year.)
 */
function runningPartLast(list: Candidate[]): void {
  if (list.length < 2) return;
  const parts = list.map((c) => (c.parsed!.raw.match(/\d+/g) ?? []).map(Number));
  if (parts.some((p) => p.length < 2)) return;
  const firsts = new Set(parts.map((p) => p[0]));
  const lasts = new Set(parts.map((p) => p[p.length - 1]));
  if (firsts.size !== 1 || lasts.size < 2) return;
  list.forEach((c, k) => {
    const p = parts[k]!;
    c.parsed = { ...c.parsed!, main: p[p.length - 1]! };
  });
}

function chooseNumbered(cands: Candidate[]): Candidate[] {
  const families = new Map<string, Candidate[]>();
  for (const c of cands) {
    const key = [...families.keys()].find((k) => sameFamily(families.get(k)![0]!.parsed!, c.parsed!)) ?? c.parsed!.family;
    const list = families.get(key);
    if (list) list.push(c);
    else families.set(key, [c]);
  }
  let best: Candidate[] = [];
  for (const list of families.values()) {
    runningPartLast(list);
    const kept: Candidate[] = [];
    let previous: MinuteNumber | null = null;
    for (const c of list) {
      const n = c.parsed!;
      if (n.yearLike && !previous) continue;
      if (previous) {
        if (n.main < previous.main || n.main > previous.main + 50) continue;
        if (n.main === previous.main && (!n.sub || n.sub === previous.sub)) continue;
      }
      kept.push(c);
      previous = n;
    }
    if (kept.length > best.length) best = kept;
  }
  return best;
}

function unnumbered(all: Line[], headerEnd: number): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < all.length; i++) {
    const line = all[i]!;
    if (line.end <= headerEnd) continue;
    const t = line.text.trim();
    if (t === '' || !blankBefore(all, i)) continue;
    const next = all[i + 1];
    const aloneLine = !next || next.text.trim() === '';
    if (!aloneLine) continue;
    const upper = /^[A-Z0-9(‘'"][^a-z\n]{3,200}$/.test(t) && /[A-Z]{3}/.test(t) && !isFurniture(t) && !isLabelLine(t);
    if (!upper && !titleLine(t)) continue;
    const title = headingTitle(t);
    if (title.split(/\s+/).length > 25) continue;
    out.push({
      start: line.start,
      number: null,
      parsed: null,
      title,
      titleInferred: false,
      bodyStart: line.end,
      rule: upper ? HEADING_RULES.upperAlone.id : HEADING_RULES.titleAlone.id,
      confirmed: upper || confirmedAt(all, i, title),
    });
  }
  return out;
}

/** Words that start a new sentence after an inline heading's title ("… Police Report No Police representative was …"). */
const SENTENCE_STARTERS = new Set(['The', 'This', 'These', 'That', 'There', 'It', 'Resolved', 'RESOLVED', 'Resolved:', 'Members', 'No', 'A', 'An', 'Cllr', 'Councillor', 'Cllrs', 'Councillors', 'Mr', 'Mrs', 'Ms', 'Dr', 'Apologies', 'Minutes:', 'Following', 'In', 'At', 'On', 'Further', 'Agreed', 'AGREED', 'Noted', 'Decision', 'Decision:', 'He', 'She', 'They', 'We', 'Consideration', 'Discussion']);

/**
 * Headings inside text whose line breaks were lost (a PDF turned into one long line):
 * "… (holiday) C1. Former Councillor David Murkett Cllr Adamson advised …". The number is the
 * evidence; the title runs until a new sentence starts (a sentence word followed by a
 * lower-case word within three words, "Resolved", or the next heading's number).
 */
function inlineNumbered(text: string, all: Line[]): Candidate[] {
  const out: Candidate[] = [];
  // A number then its title: after a full stop ("C1. Former …"), as a sub-minute ("C3.a N.Y.C.C"),
  // or before a title in capitals ("PES.31 APOLOGIES FOR ABSENCE").
  // A number the text refers to ("for item A&G/27.", "Minute 14.") is no heading.
  const re = new RegExp(`(?<=^|[\\s.)])(?<![Ii]tem\\s|[Mm]inutes?\\s|[Nn]o\\.\\s|[Pp]aragraph\\s|[Aa]ppendix\\s)(?<num>${NUMBER_SOURCE})(?:\\.[ \\t]+(?=[A-Z])|(?<=\\.(?:[a-z]|\\d{1,2}))[ \\t]+(?=[A-Z])|[ \\t]+(?=[A-Z]{3,}[A-Z&'’(),]*(?:[ \\t]|$)))`, 'g');
  for (const line of all) {
    if (line.text.length < 600) continue;
    re.lastIndex = 0;
    for (let m = re.exec(line.text); m !== null; m = re.exec(line.text)) {
      const parsed = readNumber(m.groups!.num!);
      if (!parsed || parsed.yearLike || (/^\d+$/.test(parsed.raw) && !/\.[ \t]+$/.test(m[0]))) continue;
      const letters = /^[A-Z&]+/.exec(parsed.raw)?.[0] ?? '';
      const nextNumber = letters ? new RegExp(`^${letters.replace('&', '\\&')}[ /.-]?\\d{1,4}(?:\\.(?:\\d{1,2}|[a-z]))?(?:/\\d{2,4})?\\.?$`) : /^\d{1,4}\.$/;
      const titleStart = m.index + m[0].length;
      const rest = line.text.slice(titleStart, titleStart + 240);
      let title: string;
      const upper = /^(?:(?:[A-Z0-9][A-Z0-9&'’(),/:.–-]*|[–-])(?:[ \t]+|$)){2,}/.exec(rest);
      if (upper && /[A-Z]{3}/.test(upper[0])) {
        // A title in capitals ends where ordinary case begins (dropping a capital that starts the sentence).
        title = upper[0].trim().replace(/\s+[A-Z]$/, '');
      } else {
        const words = rest.split(/(\s+)/);
        let len = 0;
        let count = 0;
        for (let w = 0; w < words.length; w += 2) {
          const word = words[w]!;
          if (count > 0 && nextNumber.test(word)) break;
          if (count > 0 && SENTENCE_STARTERS.has(word.replace(/[,;]$/, ''))) {
            const ahead = words.slice(w + 2, w + 8).filter((_, k) => k % 2 === 0);
            if (/^Resolved|^RESOLVED|:$/.test(word) || ahead.slice(0, 3).some((a) => /^[a-z]/.test(a))) break;
          }
          // "… declarations of interest A report setting out": a capital after lower-case words starts a sentence.
          if (count > 1 && /^[A-Z]/.test(word) && /^[a-z]/.test(words[w - 2] ?? '') && words.slice(w + 2, w + 6).filter((_, k) => k % 2 === 0).some((a) => /^[a-z]{3,}/.test(a)) && !/^(?:of|and|for|the|to|in|on)$/.test(words[w - 2] ?? '')) break;
          len += word.length + (words[w + 1]?.length ?? 0);
          count++;
          if (count >= 16) break;
        }
        title = rest.slice(0, len).trim();
      }
      title = title.replace(/[\s,;:.–-]+$/, '').replace(/\s+(?:Resolved|RESOLVED)$/, '');
      if (title.length < 3 || !/[A-Za-z]{3}|(?:[A-Z]\.){2}/.test(title)) continue;
      const start = line.start + m.index;
      const bodyStart = line.start + titleStart + rest.indexOf(title) + title.length;
      out.push({ start, number: parsed.raw, parsed, title: headingTitle(title), titleInferred: false, bodyStart, rule: 'item.inline-number', confirmed: true });
    }
  }
  return out;
}

export interface Headings {
  starts: ItemStart[];
  numbered: boolean;
}

/** The item headings of a document (before any inferred, untitled items are added). */
export function readHeadings(text: string, headerEnd: number): Headings {
  const all = lines(text);
  const nums = chooseNumbered([...numbered(text, all), ...inlineNumbered(text, all)].sort((a, b) => a.start - b.start));
  // One numbered heading is enough when it is unmistakable: a number alone with its title, a
  // heading in capitals, or a standard item's title.
  const one = nums[0];
  const single = nums.length === 1 && one !== undefined && (one.rule === HEADING_RULES.numberAlone.id || /^[^a-z]+$/.test(one.title) || standardKind(one.title) !== null || /\b(?:apologies|declarations?|minutes)\b/i.test(one.title) || (one.rule !== 'item.inline-number' && /[A-Z]{3}/.test(text.slice(one.start, one.bodyStart))));
  if (nums.length >= 2 || single) return { starts: nums, numbered: true };
  // A line already read as a numbered heading is not a plain title as well.
  const numberedAt = new Set(nums.map((n) => n.start));
  const plain = unnumbered(all, headerEnd).filter((c) => !numberedAt.has(c.start));
  const confirmed = plain.filter((c) => c.confirmed);
  const chosen = confirmed.length >= 2 || (confirmed.length >= 1 && plain.length <= 3) ? confirmed : plain;
  return { starts: [...nums, ...chosen].sort((a, b) => a.start - b.start), numbered: false };
}
