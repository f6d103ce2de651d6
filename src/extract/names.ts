/**
 * Person mentions: "Councillor T. Collingham", "Councillors Bower, Garnett and Monk",
 * "Cllr Jon Hubbard", "Mr Dick Madden", and untitled full names ("Helen Sweaton") whose first
 * word is a given name. Role-only mentions ("the Joint Assistant Director") are found in roles.ts.
 *
 * Every pattern here is linear: bounded repetitions over disjoint character classes.
 */
import { isGivenName } from '../lexicon/given-names.ts';
import { lowerBound } from '../text/search.ts';
import { looksLikeRole, NON_NAME_WORDS, ORG_HEADS, PLACE_HEADS, ROLE_HEADS } from '../lexicon/roles.ts';

export interface NameParts {
  /** "Councillor", "Mr", "Mrs", "Ms", "Miss", "Dr", … as printed (Cllr → Councillor). */
  title: string | null;
  /** A courtesy title after Councillor: "Councillor Mrs Bromby". */
  courtesy: string | null;
  first: string | null;
  initials: string;
  surname: string;
}

export interface PersonMention {
  start: number;
  end: number;
  parts: NameParts;
  councillor: boolean;
}

const TOKEN = "(?:O'|D')?(?:Ma?c)?[A-Z][a-z]+(?:[-'][A-Z][a-z]+)*";
const PARTICLE = '(?:de|da|di|du|van|von|der|den|le|la|del|bin)';
const COURTESY = '(?:Mrs|Mr|Ms|Miss|Dr)';
const TITLE = '(?:County\\s+Councillor|Councillor|Cllr\\.?|Mrs\\.?|Mr\\.?|Ms\\.?|Miss|Dr\\.?|Professor|Prof\\.?|Sir|Dame|Alderman|Baroness|(?:Chief\\s+|Detective\\s+)?(?:Inspector|Superintendent|Sergeant|Constable))';

const TITLED = new RegExp(
  `\\b(${TITLE})(?:[ ]+(${COURTESY})\\.?)?((?:[ ]+[A-Z]\\.){0,3}(?:[ ]+[A-Z](?=[ ]+[A-Z][a-z]))?)((?:[ ]+(?:${PARTICLE}[ ]+)?${TOKEN}){1,3})`,
  'g',
);
const COUNCILLOR_LIST_START = /\b(?:Councillors|Cllrs\.?|County Councillors)\s*:?-?\s+(?=[A-Z])/g;
const LIST_ENTRY = new RegExp(
  `^((?:${COURTESY}\\.?\\s+)?(?:[A-Z]\\.\\s*){0,3})(${TOKEN}(?:\\s+${TOKEN})?)(\\s*\\([^()\\n]{1,60}\\))?`,
);
const LIST_SEPARATOR = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*;\s*(?:and\s+)?|\s*&\s*)/;
const FULL_NAME = new RegExp(`\\b(${TOKEN})((?:[ ]+[A-Z]\\.?)?)((?:[ ]+(?:${PARTICLE}[ ]+)?${TOKEN}){1,2})\\b`, 'g');

const STOP_IN_NAME = new Set([...NON_NAME_WORDS].filter((w) => !isSurnameToo(w)));

/** Common words that are also common surnames: allowed after a given name or a title. */
function isSurnameToo(word: string): boolean {
  return ['young', 'green', 'hall', 'ward', 'head', 'page', 'day', 'may', 'lord', 'good', 'lane',
    'march', 'ford', 'field', 'page', 'bishop', 'king', 'cook', 'baker', 'mason', 'parish',
    'town', 'city', 'love', 'best', 'new', 'hope', 'price', 'bell', 'rose', 'north', 'west',
    'south', 'east', 'long', 'short', 'little', 'white', 'black', 'brown', 'gray', 'grey'].includes(word);
}

function titleOf(raw: string): string {
  const t = raw.replace(/\.$/, '').replace(/\s+/g, ' ');
  if (/inspector|superintendent|sergeant|constable/i.test(t)) return t;
  if (/^cllr$/i.test(t) || /^councillor$/i.test(t) || /county councillor/i.test(t)) return 'Councillor';
  if (/^prof/i.test(t)) return 'Professor';
  return t;
}

function words(s: string): string[] {
  return s.trim().split(/\s+/).filter(Boolean);
}

/** Trailing words that are roles or organisations ("Councillor Cusworth Deputy") are not the name. */
function trimTokens(tokens: string[]): string[] {
  const out = [...tokens];
  while (out.length > 0) {
    const last = out[out.length - 1]!.toLowerCase();
    if (STOP_IN_NAME.has(last) || ROLE_HEADS.has(last) || ORG_HEADS.has(last)) out.pop();
    else break;
  }
  return out;
}

function partsFrom(title: string | null, courtesy: string | null, initials: string, tokens: string[]): NameParts | null {
  const cleaned = tokens.filter((t) => !/^(de|da|di|du|van|von|der|den|le|la|del|bin)$/.test(t) || tokens.length > 2);
  if (cleaned.length === 0) return null;
  const surnameTokens = cleaned.length > 1 ? cleaned.slice(1) : cleaned;
  const first = cleaned.length > 1 ? cleaned[0]! : null;
  return {
    title,
    courtesy,
    first,
    initials: initials.replace(/\s+/g, ' ').trim(),
    surname: surnameTokens.join(' '),
  };
}

export function displayName(p: NameParts): string {
  const given = [p.initials, p.first].filter(Boolean).join(' ');
  const core = [given, p.surname].filter(Boolean).join(' ');
  if (p.title === 'Councillor') return ['Councillor', p.courtesy, core].filter(Boolean).join(' ');
  if (p.first) return `${p.first} ${p.surname}`;
  return [p.title ?? p.courtesy, core].filter(Boolean).join(' ');
}

function titledMentions(text: string): PersonMention[] {
  const out: PersonMention[] = [];
  for (const m of text.matchAll(TITLED)) {
    const title = titleOf(m[1]!);
    const courtesy = m[2] ?? null;
    const initials = (m[3] ?? '').trim();
    const tokens = trimTokens(words(m[4]!));
    if (tokens.length === 0) continue;
    // "Councillor Cusworth" names a councillor by surname; a second capitalised word that is a
    // given name would make "Councillor Helen" + surname, so a lone first word is the surname.
    const parts = partsFrom(title, courtesy, initials, tokens);
    if (!parts) continue;
    const lastToken = tokens[tokens.length - 1]!;
    const end = m.index + m[0].lastIndexOf(lastToken) + lastToken.length;
    out.push({ start: m.index, end, parts, councillor: title === 'Councillor' });
  }
  return out;
}

/** "Councillors Barker (Vice-Chair), Eckhardt, Ogg and Wilson." */
function councillorLists(text: string): (PersonMention & { note: string | null })[] {
  const out: (PersonMention & { note: string | null })[] = [];
  for (const m of text.matchAll(COUNCILLOR_LIST_START)) {
    let pos = m.index + m[0].length;
    for (let guard = 0; guard < 60; guard++) {
      const rest = text.slice(pos, pos + 200);
      const e = LIST_ENTRY.exec(rest);
      if (!e) break;
      const prefix = e[1] ?? '';
      const courtesy = /^(Mrs|Mr|Ms|Miss|Dr)\b/.exec(prefix)?.[1] ?? null;
      const initials = prefix.replace(/^(Mrs|Mr|Ms|Miss|Dr)\.?\s*/, '').trim();
      const tokens = trimTokens(words(e[2]!));
      if (tokens.length === 0) break;
      const parts = partsFrom('Councillor', courtesy, initials, tokens);
      if (!parts) break;
      const nameEnd = pos + (e[1] ?? '').length + e[2]!.length;
      const note = e[3] ? e[3].trim().slice(1, -1) : null;
      out.push({ start: pos, end: nameEnd, parts, councillor: true, note });
      pos += e[0].length;
      const sep = LIST_SEPARATOR.exec(text.slice(pos, pos + 12));
      if (!sep) break;
      pos += sep[0].length;
    }
  }
  return out;
}

function acceptableNameToken(token: string): boolean {
  const lower = token.toLowerCase();
  return !STOP_IN_NAME.has(lower) && !ROLE_HEADS.has(lower) && !ORG_HEADS.has(lower);
}

/**
 * A name whose first word is not in the lexicon is still a name where the text frames it as
 * one: "Faisal Qureshi (Director of Public Health)", "Callum Brodie, Principal Scrutiny Officer",
 * "Director of Children's Services (Nadia Kovacs)", "Contact: …".
 */
function nameByContext(text: string, start: number, end: number): boolean {
  const after = /^[ ]*(?:,[ ]*|\(|[ ]-[ ])(?:the[ ]+|a[ ]+|an[ ]+)?([^,;()\n]{3,100})/.exec(text.slice(end, end + 120));
  if (after && looksLikeRole(after[1]!.replace(/\s+(?:Tel|Email|E-mail)\b.*$/, ''))) return true;
  const before = text.slice(Math.max(0, start - 120), start);
  if (/Contact:[ ]*$/.test(before)) return true;
  if (!before.endsWith('(')) return false;
  const bracket = /([A-Z][^()\n]{2,100})\($/.exec(before);
  return bracket !== null && looksLikeRole(bracket[1]!.trim());
}

/** Untitled "Helen Sweaton": a given name, one or two more name words, not a place or body. */
function fullNames(text: string): PersonMention[] {
  const out: PersonMention[] = [];
  FULL_NAME.lastIndex = 0;
  for (let m = FULL_NAME.exec(text); m !== null; m = FULL_NAME.exec(text)) {
    const first = m[1]!;
    // A rejected first word must not swallow the name that follows it ("Chair Mark Elliott").
    FULL_NAME.lastIndex = m.index + first.length;
    if (NON_NAME_WORDS.has(first.toLowerCase())) continue;
    if (!isGivenName(first.split('-')[0]!) && !nameByContext(text, m.index, m.index + m[0].length)) continue;
    let rest = words(m[3]!);
    // "Eric Manns Building": a name-like run that names a place or a body.
    if (rest.length >= 2 && rest.slice(1).some((t) => PLACE_HEADS.has(t.toLowerCase()) || ORG_HEADS.has(t.toLowerCase()))) continue;
    // "Allison Taylor Allison Taylor": a second given name starts a second person.
    const cut = rest.findIndex((t, i) => i > 0 && isGivenName(t));
    if (cut > 0) rest = rest.slice(0, cut);
    if (!rest.every(acceptableNameToken)) {
      const ok = rest.findIndex((t) => !acceptableNameToken(t));
      rest = rest.slice(0, ok);
    }
    const meaningful = rest.filter((t) => !/^(de|da|di|du|van|von|der|den|le|la|del|bin)$/.test(t));
    if (meaningful.length === 0) continue;
    const lastToken = rest[rest.length - 1]!;
    const end = m.index + m[0].indexOf(lastToken, first.length) + lastToken.length;
    const after = /^\s+([A-Z][A-Za-z'-]+)/.exec(text.slice(end, end + 40));
    if (after && (PLACE_HEADS.has(after[1]!.toLowerCase()) || ORG_HEADS.has(after[1]!.toLowerCase()))) continue;
    const initials = (m[2] ?? '').trim();
    const parts = partsFrom(null, null, initials, [first, ...rest]);
    if (!parts) continue;
    out.push({ start: m.index, end, parts, councillor: false });
    FULL_NAME.lastIndex = end;
  }
  return out;
}

/** All person mentions in `text`, titled forms taking precedence over overlapping bare names. */
export function findPersonMentions(text: string): PersonMention[] {
  const lists = councillorLists(text);
  const titled: PersonMention[] = [];
  let li = 0;
  for (const t of titledMentions(text)) {
    while (li < lists.length && lists[li]!.end <= t.start) li++;
    const l = lists[li];
    if (!(l && l.start <= t.start && t.start < l.end)) titled.push(t);
  }
  // Sorted sweeps: a mention overlapping an earlier, kept one is dropped.
  const strong: PersonMention[] = [];
  let reach = -1;
  for (const m of [...lists.map(({ note: _note, ...m }) => m), ...titled].sort((a, b) => a.start - b.start)) {
    if (m.start < reach) continue;
    strong.push(m);
    reach = m.end;
  }
  const bare: PersonMention[] = [];
  let k = 0;
  for (const f of fullNames(text)) {
    while (k < strong.length && strong[k]!.end <= f.start) k++;
    const s = strong[k];
    if (s && f.start < s.end && f.end > s.start) continue;
    bare.push(f);
  }
  const found = [...strong, ...bare];
  // A name the document has framed as a person once ("Faisal Qureshi (Director of Public Health)")
  // is that person wherever else it appears ("Faisal Qureshi introduced the update").
  const known = new Map<string, NameParts>();
  for (const m of bare) if (m.parts.first) known.set(`${m.parts.first} ${m.parts.surname}`, m.parts);
  if (known.size > 0) {
    // One pass over the capitalised words, looking up names by their first word.
    const byFirst = new Map<string, [string, NameParts][]>();
    for (const [name, parts] of known) byFirst.set(parts.first!, [...(byFirst.get(parts.first!) ?? []), [name, parts]]);
    const covered = new Set(found.map((f) => f.start));
    const taken = found.map((f) => [f.start, f.end] as const).sort((a, b) => a[0] - b[0]);
    const inside = (at: number) => {
      const lo = lowerBound(taken.length, (i) => taken[i]![1] <= at);
      return lo < taken.length && taken[lo]![0] <= at;
    };
    for (const w of text.matchAll(/\b[A-Z][a-z]+(?:-[A-Z][a-z]+)*\b/g)) {
      const candidates = byFirst.get(w[0]);
      if (!candidates || covered.has(w.index) || inside(w.index)) continue;
      for (const [name, parts] of candidates) {
        const end = w.index + name.length;
        if (text.startsWith(name, w.index) && !/[A-Za-z]/.test(text[end] ?? '')) {
          found.push({ start: w.index, end, parts, councillor: false });
          break;
        }
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
