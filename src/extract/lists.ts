/**
 * The names in a list of people: an attendance block ("Present: Councillor A (Chair), B, C"),
 * or the list a sentence introduces ("Apologies were received from:" then one name a line).
 *
 * The list is the evidence that its entries are people, so an entry may be a bare surname
 * after "Councillors", or a given name the lexicon does not know ("Teissy Easton,"). An entry is
 * a name and what follows it up to the next separator: a post ("S Black, Chief Executive"), an
 * organisation ("Karen Christie, Healthwatch"), a bracketed note ("(Chair)", "(vice Cllr Shaw)",
 * "(to 9.21am)"). Separators are commas, semicolons, "and", line breaks, or simply the next name
 * ("Councillor A Hicken Councillor B Allen", "Chris Holliday Head of Leisure Steve Pretty …").
 * The list ends where the text stops being a list: prose, a new label, the end of the block.
 */
import { HONOUR_SET } from '../lexicon/address.ts';
import { CHAIR_MARKS } from '../lexicon/attendance.ts';
import { isGivenName } from '../lexicon/given-names.ts';
import { ORG_HEADS, PLACE_HEADS, ROLE_HEADS, looksLikeOrg, looksLikeRole, orgHeadFirst } from '../lexicon/roles.ts';
import type { BlockKind } from '../lexicon/attendance.ts';
import type { Span } from '../segment/types.ts';
import { adjacent, bare, tokenize, type Token } from '../text/tokens.ts';
import { parseNameAt, pluralTitleAt, type ParsedName } from './names.ts';

export interface ListEntry {
  name: ParsedName;
  /** Posts written with the name. */
  roles: { title: string; span: Span }[];
  /** Organisations written with the name ("Healthwatch", "East Cambridgeshire District Council"). */
  represents: { body: string; span: Span }[];
  /** "(Chair)", "in the chair": this person chaired. */
  chair: Span | null;
  /** "(substitute for Cllr X)", "(vice Cllr X)", "X – substituted by Cllr Y": the other person's name text. */
  substituteFor: { text: string; span: Span } | null;
  substitutedBy: { text: string; span: Span } | null;
}

export interface ParsedList {
  entries: ListEntry[];
  /** Where the list stopped (the rest of the block is prose). */
  end: number;
}

/** Notes that name another person: the substitute, the member substituted, whom someone represents. */
const SUB_NOTE = /^(?:substituted by|substituting for|substitute for|sub for|vice|deputising for|in place of|representing|on behalf of|attended as (?:a )?substitute for|attending (?:as (?:a )?substitute )?for)\s*$/i;

/** A minute number and its full stop ("649.", "C1."): the next item starts, the list ends. */
const MINUTE_NUMBER = /^(?:[A-Z]{1,3})?\d{1,4}(?:\.\d{1,3}|\.[a-z])?$/;
const SEPARATOR = new Set([',', ';', '&', '|', '/', '·', '•']);
/** Words of prose: a run holding one of these is a sentence, not a post, and ends the list. */
const PROSE = /\b(?:was|were|is|are|had|has|have|be|been|being|would|will|could|should|may|noted|agreed|resolved|advised|welcomed|stated|reported|explained|confirmed|asked|thanked|informed|declared|received|attended|submitted|opened|began|said|presented|introduced|outlined|provided|considered|took|gave|made|that|which|there|this|these|those|it|they|he|she|we)\b|^(?:The|This|That|These|There|It|He|She|They|We|Resolved|RESOLVED|Members|Following|Before|After|During|In|At|On)\s+[a-z]/;
/** A clause a block may open with before its names: "were received from", "were submitted on behalf of". */
const LEAD_IN = /^\s*(?:Minutes:\s*)?(?:(?:Apologies|apologies)(?:\s+for\s+(?:absence|lateness))?\s+)?(?:(?:were|was|had been|have been|are|is)\s+)?(?:(?:received|submitted|tendered|intimated|given|noted|sent|presented)\s+)?(?:on behalf of|from|by)\b\s*:?\s*/i;
const CHAIR_MARK = new RegExp(`^(?:${CHAIR_MARKS.map((m) => m.replace(/ /g, '\\s+')).join('|')})$`, 'i');
const IGNORABLE_NOTE = /^(?:[A-Z]{2,5}|part|virtual|remote|remotely|online|via\s+\w+|by\s+\w+|from\s+.+|to\s+.+|until\s+.+|left\s+.+|arrived\s+.+|joined\s+.+|for\s+(?:part|item|items|minutes?)\b.*|items?\s+.+|minutes?\s+.+|\d.*|observer|observing|abroad|ill|holiday|illness|work commitments|[a-z]+\s+(?:only|commitments))$/i;

/** Does a line (or a paragraph) start at `at`, give or take a bullet? */
function lineStartsAt(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 4), at);
  return at === 0 || /\n\s*(?:-\s*)?$/.test(before);
}

function gapText(text: string, a: Token, b: Token): string {
  return text.slice(a.end, b.start);
}

/** A name that starts here strongly enough to begin an entry without a separator before it. */
function strongNameAt(text: string, tokens: readonly Token[], i: number, inherited: string | null): ParsedName | null {
  const p = parseNameAt(text, tokens, i, inherited);
  if (!p) return null;
  if (p.evidence === 'title' || p.evidence === 'office') return p;
  if (p.evidence === 'initials' && p.words.length >= 1) return p;
  if (p.evidence === 'given' && p.words.length >= 2) return p;
  return null;
}

function isHeadWord(w: string): boolean {
  const l = w.toLowerCase().replace(/'s$/, '');
  const sing = l.replace(/s$/, '');
  return ROLE_HEADS.has(l) || ORG_HEADS.has(l) || PLACE_HEADS.has(l) || ROLE_HEADS.has(sing) || ORG_HEADS.has(sing);
}

/**
 * A name that begins an entry right after a separator, where the list vouches for it: a bare
 * surname after "Councillors" (or after a councillor's entry), or two or three capitalised
 * words that stand alone before the next separator ("Teissy Easton,").
 */
function listNameAt(text: string, tokens: readonly Token[], i: number, inherited: string | null, kind: BlockKind): ParsedName | null {
  const strong = strongNameAt(text, tokens, i, inherited);
  if (strong) return strong;
  if (inherited && kind !== 'others' && kind !== 'public') {
    const p = parseNameAt(text, tokens, i, inherited);
    // A bare surname under "Councillors" stands alone before the next separator ("Coulton,"),
    // not at the head of a phrase ("Crime Commissioner").
    const nx = p ? tokens[p.next] : undefined;
    const alone = !nx || !adjacent(text, tokens[p!.next - 1]!, nx) || !/^[A-Z]/.test(nx.text) || HONOUR_SET.has(nx.text);
    if (p && alone && p.words.length <= 3 && !p.words.some(isHeadWord)) return p;
  }
  const p = parseNameAt(text, tokens, i, null);
  if (!p || p.words.length < 2 || p.words.length > 3 || p.words.some(isHeadWord)) return null;
  const after = tokens[p.next];
  const standsAlone = !after || !adjacent(text, tokens[p.next - 1]!, after) || SEPARATOR.has(after.text) || after.text === '(' || after.text === 'and' || after.text === '-' || after.text === '–';
  return standsAlone ? p : null;
}

/** A word with its sentence's full stop glued on ("chair.", "Etherington."), not an initial or "Cllr.". */
function endsSentence(t: Token | undefined): boolean {
  return t !== undefined && t.text.length > 2 && t.text.endsWith('.') && !/^(?:Cllr|Cllrs|Mr|Mrs|Ms|Dr|Prof|Rev|Revd|St|No|Nos)\.$/.test(t.text);
}

/** After a full stop the list goes on only if a name or a plural title comes next. */
function nextContinues(text: string, tokens: readonly Token[], i: number, inherited: string | null, kind: BlockKind): boolean {
  const nx = tokens[i];
  if (!nx) return false;
  if (pluralTitleAt(tokens, i, text)) return true;
  return listNameAt(text, tokens, i, inherited, kind) !== null;
}

/** "Wyndham District Council:" at token `i`, then names on the same line: the authority and where the names start. */
function orgSubLabel(text: string, tokens: readonly Token[], i: number): { org: { body: string; span: Span; lineEnd: number }; next: number } | null {
  let j = i;
  while (j < tokens.length && j < i + 10 && tokens[j]!.text !== ':' && /^[A-Z&]|^(?:of|and|the|for|upon|on|in|de)$/.test(tokens[j]!.text)) j++;
  if (j === i || tokens[j]?.text !== ':' || !tokens[j + 1]) return null;
  const span = { start: tokens[i]!.start, end: tokens[j - 1]!.end };
  const body = text.slice(span.start, span.end);
  if (!looksLikeOrg(body) || text.slice(tokens[j]!.end, tokens[j + 1]!.start).includes('\n')) return null;
  const nl = text.indexOf('\n', span.end);
  return { org: { body, span, lineEnd: nl < 0 ? text.length : nl }, next: j + 1 };
}

/** "Chief Constable - Andrea Villiers QPM" at token `i`: the post up to the dash, and where its holder's name starts. */
function postDashName(text: string, tokens: readonly Token[], i: number, inherited: string | null): { role: { title: string; span: Span }; next: number } | null {
  const start = tokens[i]!.start;
  const nl = text.indexOf('\n', start);
  // A post is short: read at most 200 characters of the line, so a long line costs no more.
  const line = text.slice(start, Math.min(nl < 0 ? text.length : nl, start + 200));
  const m = /^([A-Z][^\n()]{2,160}?)\s+[–-]\s+(?=\S)/.exec(line);
  if (!m || !looksLikeRole(m[1]!.split(',')[0]!)) return null;
  const at = start + m[0].length;
  let j = i;
  while (j < tokens.length && tokens[j]!.start < at) j++;
  if (!tokens[j] || tokens[j]!.start !== at || !strongNameAt(text, tokens, j, inherited)) return null;
  return { role: { title: cleanRole(m[1]!), span: { start, end: start + m[1]!.length } }, next: j };
}

/** "Head of Corporate Parenting (Liam Westgarth)" at token `i`: the post and the name in its bracket. */
function roleThenName(text: string, tokens: readonly Token[], i: number): { name: ParsedName; title: string; titleSpan: Span; next: number; end: number } | null {
  let j = i;
  while (j < tokens.length && j < i + 16 && tokens[j]!.text !== '(' && !SEPARATOR.has(tokens[j]!.text)) j++;
  if (j === i || tokens[j]?.text !== '(') return null;
  const titleSpan = { start: tokens[i]!.start, end: tokens[j - 1]!.end };
  const title = cleanRole(text.slice(titleSpan.start, titleSpan.end));
  if (!looksLikeRole(title)) return null;
  const name = parseNameAt(text, tokens, j + 1, null);
  if (!name || tokens[name.next]?.text !== ')') return null;
  if (name.evidence === 'bare' && name.words.length < 2) return null;
  return { name, title, titleSpan, next: name.next + 1, end: tokens[name.next]!.end };
}

/** The text of a bracket starting at token `i` ('('), and the token after its ')'. */
function bracketAt(text: string, tokens: readonly Token[], i: number): { inner: string; span: Span; next: number } | null {
  let depth = 0;
  for (let j = i; j < tokens.length && j < i + 60; j++) {
    const t = tokens[j]!.text;
    if (t === '(') depth++;
    else if (t === ')' && --depth === 0) {
      const span = { start: tokens[i]!.end, end: tokens[j]!.start };
      return { inner: text.slice(span.start, span.end).replace(/\s+/g, ' ').trim(), span, next: j + 1 };
    }
    if (j > i && /\n/.test(gapText(text, tokens[j - 1]!, tokens[j]!))) return null;
  }
  return null;
}

/** "(AM)" after "Dr Andrew Mott": the name's own initials, as one-entry-a-line lists print them. */
function isOwnInitials(inner: string, parts: { first?: string | null; initials?: string | null; surname?: string | null }): boolean {
  if (!/^[A-Z]{2,4}$/.test(inner) || !parts.surname) return false;
  const firsts = `${parts.first ?? ''} ${parts.initials ?? ''}`.match(/[A-Z]/g) ?? [];
  return inner.endsWith(parts.surname[0]!.toUpperCase()) && (firsts.length === 0 || inner[0] === firsts[0]);
}

function lineEnd(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

function cleanRole(raw: string): string {
  return raw
    .replace(/^(?:the|a|an|our|their)\s+/i, '')
    .replace(/\s*\([A-Z]{1,6}\)\s*$/, '')
    .replace(/[\s,;:.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads a note written with a name: a post, an organisation, the chair, a substitution. */
/** `afterComma`: the note follows its name after a comma, a dash, a table's "|" or a tab, as a post does ("Jo Hale, Chair"). */
function readNote(entry: ListEntry, raw: string, span: Span, bracketed: boolean, afterComma = false): void {
  const note = raw.replace(/\s+/g, ' ').trim().replace(/[.;,]+$/, '');
  if (!note) return;
  if ((CHAIR_MARK.test(note) && (bracketed || /^(?:in the chair|presiding)$/i.test(note) || afterComma)) || /^(?:the\s+)?chair(?:man|woman|person)?\s+(?:of|for)\s+the\s+meeting$/i.test(note)) {
    entry.chair = span;
    // "(Chair)" is a post beside the name; "in the chair" only says who chaired.
    if (bracketed && !/^in\s+the\s+chair$/i.test(note) && !/presiding/i.test(note)) entry.roles.push({ title: note.replace(/^the\s+/i, ''), span });
    return;
  }
  // "(Vice – Chair)", "(Deputy Chair)" are posts; "vice Cllr Ash", "deputy for Cllr Ash" name the member replaced.
  const deputyPost = /^(?:vice|deputy)\s*[-–]?\s*(?:chair(?:man|woman|person)?|president|mayor|leader|convene?or|lieutenant)\b/i.exec(note);
  if (deputyPost) {
    entry.roles.push({ title: note.replace(/^(vice|deputy)\s*[-–]?\s*/i, (_, w: string) => `${w[0]!.toUpperCase()}${w.slice(1).toLowerCase()}${/^vice/i.test(w) ? '-' : ' '}`), span });
    return;
  }
  const vice = /^(?:substitute|sub|substituting|deputising)\s+(?:member\s+)?(?:for\s+)?(.+)$|^deputy\s+for\s+(.+)$|^vice\s+(.+)$|^in place of\s+(.+)$|^(?:attended|attending|was present|present)\s+(?:as\s+(?:a\s+)?substitute\s+)?for\s+(.+)$/i.exec(note);
  if (vice) {
    const who = (vice[1] ?? vice[2] ?? vice[3] ?? vice[4] ?? vice[5])!.trim();
    entry.substituteFor = { text: who, span };
    return;
  }
  const by = /^substituted by\s+(.+)$|^(.+?)\s+(?:substituting|attended as (?:a )?substitute|attended in (?:his|her|their) (?:absence|place))\b.*$/i.exec(note);
  if (by) {
    entry.substitutedBy = { text: (by[1] ?? by[2])!.trim(), span };
    return;
  }
  const rep = /^(?:representing|on behalf of|for)\s+(?:the\s+)?(.+)$/i.exec(note);
  if (rep) {
    const body = rep[1]!.trim();
    if (looksLikeOrg(body) || /^[A-Z]/.test(body)) entry.represents.push({ body, span });
    if (/^representing/i.test(note)) entry.roles.push({ title: note, span });
    return;
  }
  if (IGNORABLE_NOTE.test(note)) return;
  // "Director of Public Health – Derbyshire County Council": the post, then whose.
  const [post, ...rest] = note.split(/\s+[-–]\s+/);
  let title = cleanRole(post!);
  // "Cabinet Member – Children's Social Care": a portfolio after the dash is the post's own name.
  if (/\b(?:Member|Holder|Lead|Spokesperson|Champion)$/.test(title) && rest[0] && !looksLikeOrg(rest[0]) && /^[A-Z]/.test(rest[0])) title = `${title} - ${cleanRole(rest.shift()!)}`;
  if (orgHeadFirst(title)) {
    // "Chief Executive, Office of the PCC": whose post it is, written as the post's tail.
    const last = entry.roles[entry.roles.length - 1];
    if (last && span.start - last.span.end <= 3) {
      last.title = `${last.title}, ${title}`;
      last.span = { start: last.span.start, end: span.end };
    }
    entry.represents.push({ body: title, span });
    return;
  }
  if (looksLikeRole(title) || /^(?:co-opted|independent|non-voting|voting|lay|substitute|parent governor|church|diocesan|youth)\b/i.test(title)) {
    entry.roles.push({ title, span });
    for (const r of rest) if (looksLikeOrg(r)) entry.represents.push({ body: cleanRole(r), span });
    return;
  }
  if (looksLikeOrg(note) && /^[A-Z]/.test(note)) entry.represents.push({ body: cleanRole(note), span });
}

/**
 * Reads the list in `span` as a block of `kind`. `inheritedTitle` is a title the label gives
 * ("Councillors:").
 */
export function parseList(text: string, span: Span, kind: BlockKind, inheritedTitle: string | null = null): ParsedList {
  const tokens = tokenize(text, span.start, span.end);
  const entries: ListEntry[] = [];
  let inherited = inheritedTitle;
  let current: ListEntry | null = null;
  let separated = true;
  let end = span.start;
  let pendingRole: { title: string; span: Span } | null = null;
  /** The authority a line's entries represent ("Wyndham District Council: Councillors …"). */
  let lineOrg: { body: string; span: Span; lineEnd: number } | null = null;
  // "Dr Ann Mott (AM), GP Hollins Vale (Partner Member)": after a name's own initials in brackets
  // the rest of its line is that entry's notes, one entry a line; no name starts there.
  let notesUntil = -1;
  /** The entry's last note, when it read as nothing: a post wrapped onto the next line completes it. */
  let unread: { entry: ListEntry; raw: string; span: Span } | null = null;
  // "were received from Cllr A, Cllr B": a block may open with the clause that introduces it.
  let i = 0;
  const lead = LEAD_IN.exec(text.slice(span.start, Math.min(span.end, span.start + 80)));
  if (lead && lead[0].trim().length > 0) {
    const at = span.start + lead[0].length;
    while (i < tokens.length && tokens[i]!.start < at) i++;
  }
  for (let guard = 0; i < tokens.length && guard < 5000; guard++) {
    const tk = tokens[i]!;
    if (i > 0) {
      const gap = gapText(text, tokens[i - 1]!, tk);
      if (/\n\s*\n/.test(gap) && current && !separated && !/^(?:and|&|,)$/.test(tokens[i - 1]!.text)) {
        // A blank line after a complete entry: the list goes on only if a name follows.
        if (!parseNameAt(text, tokens, i, inherited) && !nextContinues(text, tokens, i, inherited, kind)) break;
      }
      if (/\n|\t/.test(gap)) separated = true;
    }
    if (SEPARATOR.has(tk.text) || tk.text === 'and' || tk.text === ':' || tk.text === '-' || tk.text === '–') {
      separated = true;
      i++;
      continue;
    }
    // "… A.Robinson (holiday) C1. Former Councillor …": a minute number starts the next item.
    if (/^(?:[A-Z]{1,3})?\d{1,4}(?:\.\d{1,3}|\.[a-z])?$/.test(tk.text) && (tokens[i + 1]?.text === '.' || /^\d/.test(tk.text) && tokens[i + 1] && /^[A-Z]/.test(tokens[i + 1]!.text)) && i > 0 && !/^\d/.test(tokens[i - 1]!.text)) break;
    if (/^[A-Z]{1,3}$/.test(tk.text) && /^\d/.test(tokens[i + 1]?.text ?? '') && tokens[i + 1]!.start === tk.end) break;
    if (tk.text === '.') {
      // A full stop ends the list unless a name follows on the same line ("J.Watson. Apologies" ends).
      separated = true;
      i++;
      const nx = tokens[i];
      const pluralNext = nx && pluralTitleAt(tokens, i, text) !== null;
      if (!nx || (!pluralNext && !listNameAt(text, tokens, i, inherited, kind))) break;
      continue;
    }
    // "Councillors Ball, Blow and Coulton", "Cllrs: A Vale, B Marsh": the title every entry takes.
    const plural = pluralTitleAt(tokens, i, text);
    if (plural) {
      inherited = plural.title;
      i = plural.next;
      separated = true;
      continue;
    }
    const inNotes = tk.start < notesUntil;
    const name = inNotes ? null : separated ? listNameAt(text, tokens, i, inherited, kind) : strongNameAt(text, tokens, i, inherited);
    if (lineOrg && lineOrg.lineEnd < tk.start) lineOrg = null;
    if (name) {
      current = { name, roles: [], represents: lineOrg ? [{ body: lineOrg.body, span: lineOrg.span }] : [], chair: null, substituteFor: null, substitutedBy: null };
      if (pendingRole) {
        current.roles.push(pendingRole);
        pendingRole = null;
      }
      entries.push(current);
      // A councillor's entry carries the title on to bare surnames after it ("Councillor Allbrooke (Chair) John, O'Quinn");
      // an untitled full name ends that ("… and Karen Christie, Healthwatch").
      // An entry with a title of its own ends a plural title's reach ("Councillors A and B,
      // Councillor C, …, Karen Christie, Healthwatch"); in a members' list a councillor's entry
      // carries its title on to bare surnames after it ("Councillor Allbrooke (Chair) John, O'Quinn").
      if (name.ownTitle) inherited = name.councillor && kind === 'present' ? 'Councillor' : null;
      end = name.end;
      i = name.next;
      separated = false;
      // "… and Etherington." : a full stop glued to the last word ends the sentence, maybe the list.
      if (endsSentence(tokens[i - 1]) && !nextContinues(text, tokens, i, inherited, kind)) break;
      continue;
    }
    if (tk.text === '(') {
      const b = bracketAt(text, tokens, i);
      if (!b) break;
      // "Executive Director (Education and Children's Services)": a bracket straight after a post
      // that names its remit, not a post of its own, belongs to that post.
      const last = current?.roles[current.roles.length - 1];
      if (current && last && /^\s*$/.test(text.slice(last.span.end, tk.start)) && /^[A-Z]/.test(b.inner) && !looksLikeRole(b.inner) && !CHAIR_MARK.test(b.inner) && !/^(?:substitut|sub\b|vice\b|deputy\b|representing|for\b|in place)/i.test(b.inner)) {
        last.title = `${last.title} (${b.inner.replace(/\s+/g, ' ').trim()})`;
        last.span = { start: last.span.start, end: tokens[b.next - 1]!.end };
      } else if (current) readNote(current, b.inner, b.span, true);
      if (current && isOwnInitials(b.inner, current.name.parts)) notesUntil = lineEnd(text, tk.end);
      end = tokens[b.next - 1]!.end;
      i = b.next;
      // A bracket closes its entry's note: what follows may be the next name ("(Chair) John, O'Quinn").
      separated = true;
      continue;
    }
    // "Director of Children's Services (Nadia Kovacs)": a post, its holder in brackets.
    if (separated && !inNotes) {
      const held = roleThenName(text, tokens, i);
      if (held) {
        current = { name: held.name, roles: [{ title: held.title, span: held.titleSpan }], represents: [], chair: null, substituteFor: null, substitutedBy: null };
        entries.push(current);
        end = held.end;
        i = held.next;
        separated = true;
        continue;
      }
    }
    // "Eastbrook Borough Council: Councillors Lydia Cartwright-Ames, Faisal Noorani": a joint
    // body's members grouped under the authority each represents, the authority as a sub-label.
    if (separated && !inNotes && (current === null || lineStartsAt(text, tk.start))) {
      const group = orgSubLabel(text, tokens, i);
      if (group) {
        lineOrg = group.org;
        i = group.next;
        separated = true;
        continue;
      }
    }
    // "Director of Environmental Services – Mr J Toner", "Chief Executive, Office of the PCC -
    // Marian Okoro-Webb": a line (or the list's first entry) that opens with a post, then a dash,
    // then its holder on the same line. The post may hold commas, so it is read to the dash.
    if (separated && !inNotes && (current === null || lineStartsAt(text, tk.start))) {
      const held = postDashName(text, tokens, i, inherited);
      if (held) {
        pendingRole = held.role;
        i = held.next;
        separated = true;
        continue;
      }
    }
    // A run of words up to the next separator or the next name: a note about the current entry.
    let j = i;
    while (j < tokens.length) {
      const t = tokens[j]!;
      if (j > i && (SEPARATOR.has(t.text) || t.text === '(' || t.text === '.' || /\n|\t/.test(gapText(text, tokens[j - 1]!, t)))) break;
      if (j > i && MINUTE_NUMBER.test(t.text) && tokens[j + 1]?.text === '.') break;
      if (j > i && !inNotes && strongNameAt(text, tokens, j, inherited)) break;
      // "… and Mark Nedderman": "and" before a name separates.
      if (j > i && t.text === 'and' && tokens[j + 1] && listNameAt(text, tokens, j + 1, inherited, kind)) break;
      j++;
      if (j - i > 18) break;
    }
    let runSpan = { start: tk.start, end: tokens[j - 1]!.end };
    let run = text.slice(runSpan.start, runSpan.end);
    // "– substituted by Cllr Richard Webber", "(vice Cllr Ash)": a note that names another person runs on through that name.
    if (current && SUB_NOTE.test(run) && tokens[j]) {
      const other = parseNameAt(text, tokens, j, null);
      if (other) {
        j = other.next;
        runSpan = { start: runSpan.start, end: other.end };
        run = text.slice(runSpan.start, runSpan.end);
        readNote(current, run, runSpan, false);
        end = runSpan.end;
        i = j;
        separated = false;
        continue;
      }
    }
    if (PROSE.test(run) && !/^(?:substitut|vice\b|representing|on behalf)/i.test(run) && !(current && /^(?:in the chair|presiding)/i.test(run))) {
      // "Councillor Collinson attended the meeting …" on a line of its own: a sentence, not an entry.
      if (current && entries.length > 1 && current.roles.length === 0 && !current.chair && tokens[i - 1]?.end === current.name.end && lineStartsAt(text, current.name.start)) {
        entries.pop();
        // The list ends before it, so the sentence's name is read as running text.
        end = Math.max(span.start, current.name.start - 1);
      }
      break;
    }
    if (/^[a-z]/.test(run) && !current) {
      // "co-opted member Councillor R Bisby": a post written before the name it belongs to.
      if (tokens[j] && strongNameAt(text, tokens, j, inherited)) pendingRole = { title: cleanRole(run), span: runSpan };
      else if (!/^(?:co-opted|independent|non-voting|voting)/.test(run)) break;
    } else if (/^[a-z]/.test(run) && separated && tokens[j] && strongNameAt(text, tokens, j, inherited) && !/^(?:in the chair|presiding)/i.test(run)) {
      pendingRole = { title: cleanRole(run), span: runSpan };
    } else if (current) {
      // "Head of Leisure, Culture and Operation": a post that itself holds a comma continues.
      const last = current.roles[current.roles.length - 1];
      if (last && separated && /^[A-Z]/.test(run) && !looksLikeRole(run) && !looksLikeOrg(run) && run.split(/\s+/).length <= 4 && tokens[i - 1]?.text === ',' && last.span.end <= tk.start && text.slice(last.span.end, tk.start).trim() === ',') {
        last.title = `${last.title}, ${cleanRole(run)}`;
        last.span = { start: last.span.start, end: runSpan.end };
      } else {
        // "Jo Band (JB), Corporate Administration / Manager Sam Lee (SL), …": a post the page
        // wrapped onto the next line's start, before that line's own name, joins the note it ends.
        const wrapped: boolean = !!unread && unread.entry === current && /\n/.test(text.slice(unread.span.end, tk.start)) && !!tokens[j] && !!strongNameAt(text, tokens, j, inherited) && lineStartsAt(text, tk.start);
        const noteRaw: string = wrapped ? `${unread!.raw} ${run}` : run;
        const noteSpan: Span = wrapped ? { start: unread!.span.start, end: runSpan.end } : runSpan;
        const before = current.roles.length + current.represents.length;
        readNote(current, noteRaw, noteSpan, false, /[,–|-][ ]*$|\t[ ]*$/.test(text.slice(Math.max(0, tk.start - 3), tk.start)));
        unread = current.roles.length + current.represents.length === before ? { entry: current, raw: noteRaw, span: noteSpan } : null;
      }
      end = runSpan.end;
    } else break;
    i = j;
    separated = false;
    if (endsSentence(tokens[i - 1]) && !nextContinues(text, tokens, i, inherited, kind)) break;
  }
  return { entries, end };
}
