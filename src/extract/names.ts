/**
 * The grammar of a person's name in minutes: a title or an office used as one, given names or
 * initials, a surname, honours after it.
 *
 *   Councillor Mrs Jo Hale · Cllr R. Singh Bhatti · Mayor K Brand · Provost Morag Lindsay
 *   R T Vale · K. Marsh · C.Hesmondhalgh · Councillor Ann SMITH · Mr J Holdich OBE JP
 *   Chief Inspector Ruth Ambler · A Van der Berg · Zoë Penhallow
 *
 * In running text a name needs evidence that it is one: a title, a given name from the lexicon,
 * initials written as initials, a post framing it ("Jo Hale, Head of Place"), or an earlier
 * mention the document framed. Inside a list of people (an attendance block, "Councillors A, B
 * and C") the list itself is the evidence, so a bare surname or an unfamiliar given name reads.
 * Everything is one left-to-right pass over tokens: linear in the text.
 */
import { canonicalTitle, COURTESY, FORMS_OF_ADDRESS, HONOUR_SET, isCouncillorTitle, OFFICE_TITLES_HELD, OFFICE_TITLES_RANK, PARTICLE_SET, PLURAL_TITLES, RANKS, titleIsPost } from '../lexicon/address.ts';
import { isCommonGivenName, isEverydayWord, isGivenName, isGivenNameAlsoWord, isGivenNameBeforeSurname } from '../lexicon/given-names.ts';
import { NON_NAME_WORDS, ORG_HEADS, PLACE_HEADS, ROLE_HEADS, looksLikeRole } from '../lexicon/roles.ts';
import { adjacent, bare, tokenize, type Token } from '../text/tokens.ts';
import { SPEAKING_VERBS } from '../lexicon/verbs.ts';

export interface NameParts {
  /** "Councillor", "Mr", "Mrs", "Dr", "Mayor", "Chief Inspector"… (Cllr → Councillor). */
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
  /** Which rule of the name grammar read it (evidence records it). */
  rule: NameRuleId;
}

export type NameRuleId =
  | 'name.titled'
  | 'name.office-title'
  | 'name.given-surname'
  | 'name.initials-surname'
  | 'name.listed'
  | 'name.framed'
  | 'name.speaking'
  | 'name.list-entry'
  | 'name.councillor-list'
  | 'name.known'
  | 'name.first-name-only';

/** Descriptions for `eval --rules` and the docs: the family each name rule reads. */
export const NAME_RULES: Record<NameRuleId, string> = {
  'name.titled': 'a form of address before a name: Councillor, Cllr, Mr, Mrs, Dr, Professor, Sir, Revd…',
  'name.office-title': 'an office or rank used as a title: Mayor, Provost, Alderman, Bailie, Chief Inspector…',
  'name.given-surname': 'an untitled given name (from the lexicon) and a surname',
  'name.initials-surname': 'initials written as initials (dotted or two or more) and a surname',
  'name.listed': 'a name the attendance list gives in the same form (initials or given name, and surname)',
  'name.framed': 'a name the text frames as one: a post beside it, its own initials in brackets, "Contact:"',
  'name.speaking': 'two or three unfamiliar capitalised words opening a clause, followed by what only a person does: "Mags Penhallow notified that she …"',
  'name.list-entry': 'an entry of an attendance list, where the list is the evidence',
  'name.councillor-list': '"Councillors A, B and C", "Cllrs: X, Y": the plural title covers each name',
  'name.known': 'a name framed as a person once, wherever else it appears in the document',
  'name.first-name-only': 'a first name alone after a full mention ("Priya explained"), when one person has it',
};

// ---------------------------------------------------------------- vocabulary

/** Titles by their first word, longest first: a capitalised token costs one map lookup. */
const TITLES_BY_FIRST = new Map<string, string[][]>();
for (const t of [...FORMS_OF_ADDRESS, ...OFFICE_TITLES_HELD, ...OFFICE_TITLES_RANK, ...RANKS]) {
  const words = t.split(' ');
  const list = TITLES_BY_FIRST.get(words[0]!) ?? [];
  list.push(words);
  list.sort((a, b) => b.length - a.length);
  TITLES_BY_FIRST.set(words[0]!, list);
}
const OFFICE_SET = new Set<string>([...OFFICE_TITLES_HELD, ...OFFICE_TITLES_RANK, ...RANKS]);
/** First words of the plural titles: a token that opens none of them needs no further look. */
const PLURAL_FIRST = new Set<string>(Object.keys(PLURAL_TITLES).map((f) => f.split(' ')[0]!));
const COURTESY_SET = new Set<string>(COURTESY);
const AMBIGUOUS_TITLES = new Set(['Deputy', 'Commissioner', 'Judge', 'Freeman', 'Sheriff', 'Chairman', 'Chairwoman', 'Convener', 'Convenor', 'Lord', 'Lady', 'Father', 'Canon', 'Inspector', 'Sergeant', 'Constable', 'Commander', 'Superintendent', 'Area Manager', 'Group Manager', 'Station Manager', 'Watch Manager', 'Crew Manager', 'PC', 'DI', 'DS']);

/** Acronyms and shouted words that are never a surname, even in capitals after a name. */
const UPPER_NOT_NAME = new Set(['NHS', 'ICB', 'CCG', 'SEND', 'CEO', 'LAC', 'CYP', 'CYPS', 'DFE', 'UK', 'GP', 'MP', 'OBE', 'AND', 'THE', 'OF', 'FOR', 'TO', 'IN', 'ON', 'AT', 'BY', 'PDF', 'KB', 'MB', 'LA', 'CSE', 'CQC', 'ICS', 'PCC', 'PFCC', 'HR', 'IT', 'ICT', 'VC', 'TBC', 'NB', 'AOB', 'RMBC', 'CIC', 'LTD', 'PLC']);

/** Common words that are also surnames: allowed after a title, a given name or initials. */
const SURNAME_TOO = new Set(['young', 'green', 'hall', 'ward', 'head', 'page', 'day', 'may', 'lord', 'good', 'lane', 'march', 'ford', 'field', 'bishop', 'king', 'cook', 'baker', 'mason', 'parish', 'town', 'city', 'love', 'best', 'new', 'hope', 'price', 'bell', 'rose', 'north', 'west', 'south', 'east', 'long', 'short', 'little', 'white', 'black', 'brown', 'gray', 'grey', 'lead', 'chief', 'care', 'law', 'moon', 'church', 'street', 'wood', 'hill', 'marsh', 'park', 'rich', 'wise', 'power', 'field', 'banks', 'mills', 'fields', 'walker', 'turner', 'hunter', 'porter', 'taylor', 'carter', 'shepherd', 'fisher', 'miller', 'archer', 'house', 'gardner', 'gardener', 'guardian', 'dean', 'steward', 'clerk', 'chambers', 'council', 'justice', 'english', 'french', 'welsh', 'scott', 'irish', 'england', 'holland', 'wales', 'major', 'judge', 'sheriff', 'proctor', 'booth', 'home', 'bush', 'fox', 'wolf', 'lamb', 'swan', 'crow', 'heron', 'drake', 'nash', 'frank', 'noble', 'savage', 'sterling', 'bond', 'grant', 'rees', 'jones', 'stone', 'knight', 'page', 'bright', 'sweet', 'joy', 'child', 'money', 'cash', 'rice', 'ball', 'blow', 'burke']);

/** Function and heading words that never begin or continue a name, even after a title. */
const NEVER_IN_NAME = new Set(['former', 'late', 'acting', 'interim', 'retiring', 'outgoing', 'incoming', 'newly', 'councillor', 'councilor', 'cllr', 'cllrs', 'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'revd', 'rev', 'reverend', 'the', 'this', 'that', 'these', 'those', 'there', 'it', 'its', 'he', 'she', 'they', 'we', 'a', 'an', 'and', 'or', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'as', 'all', 'any', 'some', 'each', 'every', 'no', 'not', 'resolved', 'agreed', 'noted', 'minutes', 'minute', 'agenda', 'item', 'items', 'report', 'present', 'apologies', 'chair', 'chairman', 'vice-chair', 'vice', 'chairperson', 'members', 'member', 'councillors', 'also', 'absent', 'substitute', 'substitutes', 'officers', 'officer', 'in', 'attendance', 'mayor', 'deputy', 'leader', 'cabinet', 'portfolio', 'holder', 'clerk', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'tel', 'email', 'e-mail', 'contact', 'venue', 'declared', 'declaration', 'declarations', 'interest', 'interests', 'none', 'nil', 'there', 'were', 'was', 'had', 'has', 'have', 'who', 'which', 'what', 'when', 'where', 'why', 'how', 'if', 'but', 'so', 'yes', 'thanks', 'thank', 'welcome', 'welcomed', 'update', 'presentation', 'overview', 'please', 'note', 'notes', 'page', 'part', 'public', 'press', 'private', 'exempt', 'urgent', 'business', 'other', 'others', 'questions', 'question', 'officer', 'director', 'manager', 'head', 'executive', 'service', 'services', 'council', 'committee', 'board', 'panel', 'group', 'forum', 'commission', 'partnership', 'trust', 'authority']);

function titleAt(tokens: readonly Token[], i: number, text: string): { title: string; next: number; raw: string } | null {
  const first = tokens[i];
  if (!first) return null;
  for (const words of TITLES_BY_FIRST.get(bare(first)) ?? []) {
    if (i + words.length > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < words.length; k++) {
      const t = tokens[i + k]!;
      if (bare(t) !== words[k] && !(k === words.length - 1 && t.text === `${words[k]}.`)) {
        ok = false;
        break;
      }
      if (k > 0 && !adjacent(text, tokens[i + k - 1]!, t)) {
        ok = false;
        break;
      }
    }
    if (ok) {
      const raw = words.join(' ');
      return { title: canonicalTitle(raw), next: i + words.length, raw };
    }
  }
  return null;
}

export function pluralTitleAt(tokens: readonly Token[], i: number, text: string): { title: string; next: number } | null {
  if (!PLURAL_FIRST.has(bare(tokens[i]))) return null;
  // Longest form first: "County Borough Councillors", "Town Councillors", "Councillors".
  let words = '';
  let found: { title: string; next: number } | null = null;
  for (let n = 0; n < 3 && tokens[i + n]; n++) {
    if (n > 0 && !adjacent(text, tokens[i + n - 1]!, tokens[i + n]!)) break;
    words = n === 0 ? bare(tokens[i]) : `${words} ${bare(tokens[i + n])}`;
    const title = PLURAL_TITLES[words];
    if (title) found = { title, next: i + n + 1 };
  }
  return found;
}

/** An initial, accented ones too ("Á Nic Giolla Easpaig"), but not an Irish particle ("C Ó Briain"). */
const INITIAL = /^(?![ÓÚ]\.?$)[A-Z\u00C0-\u00DE]\.?$/;
/** A capitalised particle that opens a surname: "A Van der Berg", "C Ó Briain", "T Mac Lochlainn". */
const CAP_PARTICLE = /^(?:Van|Von|De|Da|Di|Du|Le|La|Del|Bin|Al|El|Ap|Ó|Ó|Ní|Nic|Ua|Uí|Mac|Mc)$/;
/**
 * A capitalised name word: "Hale", "O'Quinn", "De'Ath", "McGregor", "MacLaren", "Adam-McGregor",
 * "Zoë", "Szymańska": a capital, at least one lower-case letter, hyphenated parts capitalised.
 */
const CAP_WORD = /^(?:St\.?)?[A-Z\u00C0-\u00DE\u0100-\u017F][A-Za-z\u00C0-\u017F'’]*[a-z\u00DF-\u00FF\u0101-\u017F][A-Za-z\u00C0-\u017F'’]*(?:-[A-Z\u00C0-\u00DE\u0100-\u017F][A-Za-z\u00C0-\u017F'’]*)*$/;
const UPPER_WORD = /^[A-Z][A-Z'’]+(?:-[A-Z][A-Z'’]+)*$/;

function isInitial(t: Token | undefined): boolean {
  return t !== undefined && INITIAL.test(t.text);
}

/**
 * Lower-cased words by token text: the same few thousand words recur on every page and each is
 * asked for many times, so they are computed once (the cache is emptied when it grows large).
 */
const LOWERED = new Map<string, string>();
const LOWERED_MAX = 50_000;

function lower(t: Token): string {
  let l = LOWERED.get(t.text);
  if (l === undefined) {
    l = bare(t).toLowerCase().replace(/[’]/g, "'").replace(/'s$/, '');
    if (LOWERED.size >= LOWERED_MAX) LOWERED.clear();
    LOWERED.set(t.text, l);
  }
  return l;
}

/**
 * A word that can be part of a name here. `slot` is the word's place among the name words (0 the
 * first), `titled` whether a title or initials came before. A word that is also a post, a body,
 * a place or a heading word ("Head", "Park", "Council", "Plan") may only be the surname itself
 * ("Councillor Hall", "Mark Green"), never a further word after a complete name ("Chris Holliday
 * Head of …", "Worden Park"); a third word that is an everyday word opening a capitalised phrase
 * ("L Belshaw Democratic Services Manager") is the start of a post, not more name.
 */
function nameWord(tokens: readonly Token[], j: number, words: readonly string[], titled: boolean): boolean {
  const t = tokens[j]!;
  const w = bare(t).replace(/['’]s$/, '');
  const l = lower(t);
  const slot = words.length;
  // After a title the first word may be the surname ("Councillor Hall") or a given name ("Councillor Mary Green").
  const surnameSlot = titled ? slot === 0 || (slot === 1 && isGivenName(words[0]!)) : slot === 1;
  if (CAP_WORD.test(w)) {
    if (NEVER_IN_NAME.has(l) && !(surnameSlot && SURNAME_TOO.has(l))) return false;
    const headWord = NON_NAME_WORDS.has(l) || ROLE_HEADS.has(l) || ORG_HEADS.has(l) || PLACE_HEADS.has(l);
    if (!titled && slot === 0 && headWord) return false;
    if (headWord && !(surnameSlot && SURNAME_TOO.has(l))) return false;
    const complete = titled ? slot >= 2 || (slot === 1 && !isGivenName(words[0]!)) : slot >= 2;
    const nx = tokens[j + 1]?.text ?? '';
    if (complete && isEverydayWord(w) && (/^[A-Z]/.test(nx) || /^(?:and|&)$/.test(nx))) return false;
    return true;
  }
  // "Councillor Ann SMITH": a surname in capitals, once the name has begun; an honour
  // after a complete name ("Andrea Villiers QPM") is not a surname.
  if (slot > 0 && HONOUR_SET.has(w)) return false;
  return (titled || slot > 0) && UPPER_WORD.test(w) && w.length >= 2 && !UPPER_NOT_NAME.has(w);
}

/**
 * Does an organisation's name start at token `j` ("East Cambridgeshire District Council",
 * "Fenland District Council")? Then a name before it ends there.
 */
function organisationAhead(text: string, tokens: readonly Token[], j: number): boolean {
  for (let k = j; k < tokens.length && k < j + 7; k++) {
    const t = tokens[k]!;
    if (k > j && !adjacent(text, tokens[k - 1]!, t)) return false;
    const l = lower(t);
    if (!/^[A-Z&]/.test(t.text) && !/^(?:and|of|for|the)$/.test(t.text)) return false;
    if (k > j && ORG_HEADS.has(l)) return true;
  }
  return false;
}

function titleCaseUpper(w: string): string {
  return UPPER_WORD.test(w) && w.length > 2 ? w.toLowerCase().replace(/(^|[-'’])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase()).replace(/^Mc([a-z])/, (_, c: string) => `Mc${c.toUpperCase()}`) : w;
}

export interface ParsedName {
  start: number;
  /** Token index after the name (honours included). */
  next: number;
  end: number;
  parts: NameParts;
  councillor: boolean;
  /** How the name announced itself: the strongest evidence it carries. */
  evidence: 'title' | 'office' | 'given' | 'initials' | 'bare';
  /** The tokens of the name proper (given names and surname), for checks by the caller. */
  words: string[];
  /** "Mayor", "Chief Inspector": a title that is also a post the person holds. */
  office: string | null;
  /** The name printed its own title (not one a list gave it: "Councillors A, B"). */
  ownTitle: boolean;
}

/**
 * Reads a name starting at token `i`. `inherited` is the title a list gives its entries
 * ("Councillors A, B and C"). Returns null when no name starts here; the caller decides
 * whether the evidence is enough for its context.
 */
export function parseNameAt(text: string, tokens: readonly Token[], i: number, inherited: string | null = null): ParsedName | null {
  const first = tokens[i];
  if (!first) return null;
  let j = i;
  let title: string | null = null;
  let office: string | null = null;
  let courtesy: string | null = null;
  let t = titleAt(tokens, j, text);
  // "Councillors Mrs Ball, Mrs Blow": under a list's title a courtesy title is only a courtesy.
  if (t && inherited && COURTESY_SET.has(t.raw)) t = null;
  if (t) {
    // A title must be followed, on the same line, by the rest of the name.
    const after = tokens[t.next];
    if (!after || !adjacent(text, tokens[t.next - 1]!, after)) return null;
    // Words that are titles only sometimes ("Deputy Leader", "Commissioner for …") need a
    // given name or an initial after them to read as one.
    if (AMBIGUOUS_TITLES.has(t.raw) && !isInitial(after) && !isGivenName(bare(after))) return null;
    title = t.title;
    if (OFFICE_SET.has(t.raw)) office = t.raw;
    j = t.next;
    // "Councillor Mrs Bromby", "Provost Mrs Smith".
    const c = tokens[j];
    if (c && COURTESY_SET.has(bare(c)) && tokens[j + 1] && adjacent(text, c, tokens[j + 1]!) && (isCouncillorTitle(t.raw) || office)) {
      courtesy = bare(c);
      j++;
    }
  } else if (inherited) {
    title = inherited;
    // A list entry may carry its own courtesy title: "Councillors Mrs Ball, Mrs Blow".
    const c = tokens[j];
    if (c && COURTESY_SET.has(bare(c)) && tokens[j + 1] && adjacent(text, c, tokens[j + 1]!)) {
      courtesy = bare(c);
      j++;
    }
  }
  const initials: string[] = [];
  while (isInitial(tokens[j]) && tokens[j + 1] && (adjacent(text, tokens[j]!, tokens[j + 1]!) || tokens[j]!.text.endsWith('.')) && tokens[j + 1]!.start - tokens[j]!.end <= 1) {
    // An initial must lead on to more of the name: "A Member" is not a name.
    const nx = tokens[j + 1]!;
    if (!isInitial(nx) && !CAP_WORD.test(bare(nx)) && !UPPER_WORD.test(bare(nx)) && !PARTICLE_SET.has(nx.text) && !CAP_PARTICLE.test(bare(nx))) break;
    initials.push(tokens[j]!.text);
    j++;
    if (initials.length > 3) return null;
  }
  const words: string[] = [];
  let possessiveEnd = -1;
  let started = title !== null || courtesy !== null || initials.length > 0;
  while (j < tokens.length && words.length < 4) {
    const tk = tokens[j]!;
    if (j > i && !adjacent(text, tokens[j - 1]!, tk) && !(tokens[j - 1]!.text.endsWith('.') && INITIAL.test(tokens[j - 1]!.text) && tk.start - tokens[j - 1]!.end <= 1)) break;
    if (PARTICLE_SET.has(tk.text) && tokens[j + 1] && adjacent(text, tk, tokens[j + 1]!) && (words.length > 0 || initials.length > 0 || title)) {
      // "Van der Berg", "Ana van Hoorn": particles lead into the surname.
      let k = j;
      while (k < tokens.length && PARTICLE_SET.has(tokens[k]!.text)) k++;
      if (k < tokens.length && CAP_WORD.test(bare(tokens[k]))) {
        for (let m = j; m <= k; m++) words.push(bare(tokens[m]));
        j = k + 1;
        started = true;
        continue;
      }
      break;
    }
    // A capitalised particle opening the surname after initials: "A Van der Berg".
    if (CAP_PARTICLE.test(bare(tk)) && tokens[j + 1] && adjacent(text, tk, tokens[j + 1]!) && (initials.length > 0 || title || words.length > 0)) {
      let k = j + 1;
      while (k < tokens.length && PARTICLE_SET.has(tokens[k]!.text)) k++;
      if (k < tokens.length && CAP_WORD.test(bare(tokens[k]))) {
        for (let m = j; m <= k; m++) words.push(bare(tokens[m]));
        j = k + 1;
        started = true;
        continue;
      }
    }
    const titledSoFar = title !== null || courtesy !== null || initials.length > 0;
    if (!nameWord(tokens, j, words, titledSoFar)) break;
    // "Councillor A Bailey East Cambridgeshire District Council": the name ends where a body's begins.
    if (words.length >= (titledSoFar ? 1 : 2) && organisationAhead(text, tokens, j)) break;
    // "Councillor Pilkington's request": the possessive ends the name.
    const possessive = /['’]s$/.test(bare(tk));
    words.push(titleCaseUpper(bare(tk).replace(/['’]s$/, '')));
    started = true;
    j++;
    if (possessive) {
      possessiveEnd = tk.end - 2;
      break;
    }
    // "Smith." ends the sentence and the name.
    if (tk.text.endsWith('.') && bare(tk).length > 1) break;
  }
  if (words.length === 0) return null;
  // Honours after the name are not part of it: "J Holdich OBE", "M E Thacker MBE JP".
  let end = possessiveEnd >= 0 ? possessiveEnd : tokens[j - 1]!.end;
  if (possessiveEnd < 0 && tokens[j - 1]!.text.endsWith('.') && bare(tokens[j - 1]).length > 1) end -= 1;
  let next = j;
  while (next < tokens.length && HONOUR_SET.has(bare(tokens[next])) && adjacent(text, tokens[next - 1]!, tokens[next]!)) next++;
  const councillor = title !== null && isCouncillorTitle(title);
  // A title a list gives ("Councillors A, B") is no evidence of its own; a courtesy title is.
  const evidence: ParsedName['evidence'] = office ? 'office' : (t && title) || courtesy ? 'title' : initials.length > 0 ? 'initials' : isGivenNameBeforeSurname(words[0]!) && words.length > 1 ? 'given' : 'bare';
  const parts = partsFrom(title, courtesy, initials, words);
  if (!parts) return null;
  return { start: first.start, next, end, parts, councillor, evidence, words, office: office && titleIsPost(office) ? office : null, ownTitle: t !== null };
}

function partsFrom(title: string | null, courtesy: string | null, initials: string[], words: string[]): NameParts | null {
  if (words.length === 0) return null;
  // "C Ó Briain", "A Van der Berg": a capitalised particle opens the surname, never a given name
  // (Gaelic ones always; "Van", "De", "Al" only after initials, as "Al Smith" may be a given name).
  const particleFirst = words.length > 1 && (/^(?:Ó|Ní|Nic|Ua|Uí|Mac|Mc)$/.test(words[0]!) || (initials.length > 0 && CAP_PARTICLE.test(words[0]!)));
  const first = particleFirst ? null : words.length > 1 && !PARTICLE_SET.has(words[1]!) ? words[0]! : words.length > 2 && PARTICLE_SET.has(words[1]!) ? words[0]! : null;
  const surnameWords = first ? words.slice(1) : words;
  return { title, courtesy, first, initials: initials.join(' '), surname: surnameWords.join(' ') };
}

/** Ranks and posts used as titles that a name is shown without once it has a given name ("Ruth Ambler"). */
const DROPPED_BEFORE_GIVEN = new Set<string>([...RANKS, 'Commissioner', 'Judge', 'Chairman', 'Chairwoman', 'Convener', 'Convenor', 'Sheriff', 'High Sheriff', 'Freeman', 'Father', 'Pastor', 'Imam', 'Rabbi']);

/** The fullest form the document gives: "Councillor Mrs Jo Hale", "Mayor K Brand", "Helen Kirk". */
export function displayName(p: NameParts): string {
  const given = [p.initials, p.first].filter(Boolean).join(' ');
  const core = [given, p.surname].filter(Boolean).join(' ');
  if (p.title === 'Councillor') return ['Councillor', p.courtesy, core].filter(Boolean).join(' ');
  // "Depute Provost Ewan Tulloch", "High Sheriff Ann Lowe": a two-word office is the post she
  // holds (kept as her role), and the name is hers without it.
  if (p.title && (DROPPED_BEFORE_GIVEN.has(p.title) || (OFFICE_SET.has(p.title) && p.title.includes(' '))) && given) return core;
  if (p.title && (OFFICE_SET.has(p.title) || !p.first)) return [p.title, p.courtesy, core].filter(Boolean).join(' ');
  if (p.first) return core;
  return [p.title ?? p.courtesy, core].filter(Boolean).join(' ');
}

// ---------------------------------------------------------------- running text

/** Is the text right after a name a post, its own initials, or a bracketed post: the name is framed. */
function framedAfter(text: string, end: number, words: string[], initials: string): boolean {
  const rest = text.slice(end, end + 140);
  void words;
  void initials;
  const after = /^[ ]*(?:,[ ]*|\(|[ ]+[-–][ ]+)(?:the[ ]+|a[ ]+|an[ ]+)?([^,;()\n]{3,100})/.exec(rest);
  return after !== null && looksLikeRole(after[1]!.replace(/\s+(?:Tel|Email|E-mail)\b.*$/, ''));
}

function framedBefore(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 120), start);
  if (/(?:Contact|Report author|Author|Lead officer|Presented by|Officer)s?\s*:[ \t]*$/i.test(before)) return true;
  if (!before.endsWith('(')) return false;
  const bracket = /([A-Z][^()\n]{2,100})\($/.exec(before);
  return bracket !== null && looksLikeRole(bracket[1]!.trim());
}

function placeOrBodyFollows(text: string, end: number, words: string[]): boolean {
  if (words.length >= 2 && words.slice(1).some((w) => (PLACE_HEADS.has(w.toLowerCase()) || ORG_HEADS.has(w.toLowerCase())) && !SURNAME_TOO.has(w.toLowerCase()))) return true;
  // "Ethel Johnson Bequest Trust", "Ty Gwyn Special School", "West Midlands Combined Authority".
  // Only on the same run of words: a tab or a line break starts another field.
  const after = /^ +((?:[A-Z][A-Za-z'’-]+ +|(?:and|of|for|&) +){0,5}[A-Z][A-Za-z'’-]+)/.exec(text.slice(end, end + 120));
  if (!after) return false;
  const following = after[1]!.split(/\s+/);
  const first = following[0]!.toLowerCase();
  return PLACE_HEADS.has(first) || ORG_HEADS.has(first) || following.slice(1).some((w) => ORG_HEADS.has(w.toLowerCase()) || PLACE_HEADS.has(w.toLowerCase()));
}

const SPEAKS_AFTER = new RegExp(`^\\s+(?:(?:had|has|then|also|kindly|briefly)\\s+)*(?:${SPEAKING_VERBS.map((v) => v.replace(/ /g, '\\s+')).join('|')})\\b`);

/**
 * "Mags Penhallow notified that she …": words that open a clause (a line, a sentence, or after
 * "and") and are followed by what only a person does. No word may be an everyday word
 * ("Children Services advised" is no one), nor a post or a body.
 */
function speaks(text: string, p: ParsedName): boolean {
  if (!SPEAKS_AFTER.test(text.slice(p.end, p.end + 60))) return false;
  if (!/(?:^|[.;:!?]\s+|\n\s*|\band\s+|^-\s*)$/.test(text.slice(Math.max(0, p.start - 6), p.start))) return false;
  return p.words.every((w) => !isEverydayWord(w) && !NEVER_IN_NAME.has(w.toLowerCase()) && !ORG_HEADS.has(w.toLowerCase()) && !PLACE_HEADS.has(w.toLowerCase()) && !ROLE_HEADS.has(w.toLowerCase()));
}

const EMPTY: ReadonlySet<string> = new Set();

/** One person's name as printed, whatever the title: "L Okafor", "Oluwaseun Adeyemi". */
export function listedKey(parts: NameParts): string {
  return `${parts.initials.replace(/[^A-Za-z]/g, '')}|${parts.first ?? ''}|${parts.surname}`.toLowerCase();
}

/** Does the name have enough evidence to stand in running text? */
function acceptInText(text: string, p: ParsedName, listed: ReadonlySet<string> = EMPTY): NameRuleId | null {
  if (p.evidence === 'title') return p.words.length > 0 ? 'name.titled' : null;
  if (p.evidence === 'office') return 'name.office-title';
  // The attendance list named this very person ("In Attendance: … L Okafor, Chief Finance
  // Officer"): the same initials or given name and surname later in the text are that person,
  // even where a bare capital or a rare given name would not stand on its own.
  if (listed.size > 0 && (p.parts.initials || p.parts.first) && listed.has(listedKey(p.parts))) return 'name.listed';
  if (placeOrBodyFollows(text, p.end, p.words)) return null;
  if (p.evidence === 'initials') {
    // "K. Marsh", "R T Vale": initials written as initials; one bare capital ("A Smith") needs a frame.
    const raw = text.slice(p.start, p.end);
    if (/^[A-Z]\.\s?/.test(raw) || p.parts.initials.length >= 3) return 'name.initials-surname';
    return framedAfter(text, p.end, p.words, p.parts.initials) || framedBefore(text, p.start) ? 'name.framed' : null;
  }
  if (p.evidence === 'given' && p.words.length >= 2) {
    // "Case Study", "Care Trends": a given name that is also a word, before an everyday word.
    const everydayWord = isGivenNameAlsoWord(p.words[0]!) || /^(?:will|may|grace|rose|gill|dean|bill|joy|hope|faith|june)$/i.test(p.words[0]!);
    // A rarer given name from the long lists ("Worden", "West") must lead to a surname that is
    // no everyday word or place ("West Paddock", "Worden Park" are places).
    const rare = !isCommonGivenName(p.words[0]!);
    const weakSurname = p.words.slice(1).some((w) => (isEverydayWord(w) && !SURNAME_TOO.has(w.toLowerCase())) || (rare && (PLACE_HEADS.has(w.toLowerCase()) || SURNAME_TOO.has(w.toLowerCase()) && isEverydayWord(w))));
    if (!((everydayWord || rare) && weakSurname)) return 'name.given-surname';
  }
  if (p.words.length >= 2 && p.words.length <= 3 && (framedAfter(text, p.end, p.words, '') || framedBefore(text, p.start))) return 'name.framed';
  if (p.words.length >= 2 && p.words.length <= 3 && speaks(text, p)) return 'name.speaking';
  return null;
}

/** "Councillors Barker (Vice-Chair), Eckhardt, Ogg and Wilson"; "Cllrs: C.Hesmondhalgh (Chair), D.Adamson". */
function councillorList(text: string, tokens: readonly Token[], i: number, out: PersonMention[]): number {
  const plural = pluralTitleAt(tokens, i, text);
  if (!plural) return i;
  let j = plural.next;
  if (tokens[j]?.text === ':') j++;
  if (tokens[j]?.text === '-') j++;
  let count = 0;
  for (let guard = 0; guard < 200 && j < tokens.length; guard++) {
    const name = parseNameAt(text, tokens, j, plural.title);
    if (!name || name.words.every((w) => !/^[A-Z]/.test(w))) break;
    out.push({ start: name.start, end: name.end, parts: name.parts, councillor: plural.title === 'Councillor' || name.councillor, rule: 'name.councillor-list' });
    count++;
    j = name.next;
    // A bracketed note after the entry: "(Vice-Chair)", "(substitute)".
    if (tokens[j]?.text === '(') {
      let depth = 0;
      for (; j < tokens.length; j++) {
        if (tokens[j]!.text === '(') depth++;
        else if (tokens[j]!.text === ')' && --depth === 0) {
          j++;
          break;
        }
        if (tokens[j]!.text === '\n') break;
      }
    }
    const sep = tokens[j];
    if (!sep) break;
    if (sep.text === ',' || sep.text === ';' || sep.text === '&') {
      j++;
      if (bare(tokens[j]) === 'and') j++;
      continue;
    }
    if (sep.text === 'and') {
      j++;
      continue;
    }
    break;
  }
  return count > 0 ? j : i;
}

/**
 * Every person mention in `text`. List forms first, then titled and framed names, then names
 * the document has framed once ("known"), then first names alone that only one person has.
 */
export function findPersonMentions(text: string, listedNames: readonly NameParts[] = []): PersonMention[] {
  const tokens = tokenize(text);
  const listed = new Set(listedNames.map(listedKey));
  const out: PersonMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    const tk = tokens[i]!;
    // A name starts with a capital (A-Z, À-Þ): a character test, as most tokens are not one.
    const c0 = tk.text.charCodeAt(0);
    if (!((c0 >= 65 && c0 <= 90) || (c0 >= 0xc0 && c0 <= 0xde))) {
      i++;
      continue;
    }
    const afterList = councillorList(text, tokens, i, out);
    if (afterList > i) {
      i = afterList;
      continue;
    }
    const p = parseNameAt(text, tokens, i);
    if (!p) {
      i++;
      continue;
    }
    // "Allison Taylor Allison Taylor": a second given name starts a second person.
    if (p.evidence === 'given' && p.words.length >= 3) {
      const cut = p.words.findIndex((w, k) => k > 1 && /^[A-Z]/.test(w) && !PARTICLE_SET.has(w.toLowerCase()) && isGivenName(w) && k < p.words.length - 1);
      if (cut > 0) {
        const q = parseNameAt(text, tokens.slice(0, i + cut), i);
        if (q) {
          const rule = acceptInText(text, q, listed);
          if (rule) out.push({ start: q.start, end: q.end, parts: q.parts, councillor: q.councillor, rule });
          i += cut;
          continue;
        }
      }
    }
    const rule = acceptInText(text, p, listed);
    if (rule) {
      out.push({ start: p.start, end: p.end, parts: p.parts, councillor: p.councillor, rule });
      i = p.next;
      continue;
    }
    // A rejected first word must not swallow the name that follows it ("Chair Mark Ellery").
    i++;
  }
  return addKnownNames(text, tokens, out);
}

/** A name framed once is that person wherever else it appears; a first name alone too, if unique. */
function addKnownNames(text: string, tokens: readonly Token[], found: PersonMention[]): PersonMention[] {
  const known = new Map<string, NameParts>();
  for (const m of found) if (m.parts.first) known.set(`${m.parts.first} ${m.parts.surname}`, m.parts);
  if (known.size === 0) return found.sort((a, b) => a.start - b.start);
  const byFirst = new Map<string, NameParts[]>();
  for (const parts of known.values()) byFirst.set(parts.first!, [...(byFirst.get(parts.first!) ?? []), parts]);
  // Distinct people by first name: "Helen" is Helen Kirk only when no other Helen is named.
  const firstOwners = new Map<string, Set<string>>();
  for (const parts of known.values()) {
    const owners = firstOwners.get(parts.first!) ?? new Set<string>();
    owners.add(parts.surname.toLowerCase());
    firstOwners.set(parts.first!, owners);
  }
  const sorted = [...found].sort((a, b) => a.start - b.start);
  const taken = sorted.map((f) => [f.start, f.end] as const);
  let k = 0;
  const extra: PersonMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i]!;
    const candidates = byFirst.get(bare(tk));
    if (!candidates) continue;
    while (k < taken.length && taken[k]![1] <= tk.start) k++;
    if (k < taken.length && taken[k]![0] <= tk.start) continue;
    let matched = false;
    for (const parts of candidates) {
      const surname = parts.surname.split(' ');
      const ok = surname.every((w, n) => bare(tokens[i + 1 + n]) === w && adjacent(text, tokens[i + n]!, tokens[i + 1 + n]!));
      if (ok) {
        const last = tokens[i + surname.length]!;
        extra.push({ start: tk.start, end: last.end - (last.text.endsWith('.') && last.text.length > 2 ? 1 : 0), parts, councillor: false, rule: 'name.known' });
        i += surname.length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    // "Priya explained …": the first name alone, not followed by another name word.
    const owners = firstOwners.get(bare(tk));
    const nx = tokens[i + 1];
    if (owners && owners.size === 1 && candidates.length === 1 && tk.text === bare(tk) && (!nx || !adjacent(text, tk, nx) || !/^[A-Z]/.test(nx.text) || NON_NAME_WORDS.has(nx.text.toLowerCase()))) {
      const prev = tokens[i - 1];
      // Not inside a capitalised phrase ("Helen Kirk Centre" is handled above; "Mark Scheme" is no person).
      if (prev && adjacent(text, prev, tk) && /^[A-Z]/.test(prev.text) && !/^(?:and|with|from|by|to|thanked|welcomed)$/i.test(prev.text)) continue;
      extra.push({ start: tk.start, end: tk.end, parts: candidates[0]!, councillor: false, rule: 'name.first-name-only' });
    }
  }
  return [...found, ...extra].sort((a, b) => a.start - b.start);
}

export { isGivenName };
