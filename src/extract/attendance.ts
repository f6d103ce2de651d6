/**
 * Who was there: the Present list, apologies for absence, and who was in the Chair
 * ("Councillor Brent (in the Chair)", "Cllr Jacqui Lay, in the Chair, made …",
 * "County Councillor Sue Prynn is the Chair of the Board").
 */
import { itemLocator } from '../segment/locate.ts';
import type { SegmentedDocument, Span } from '../segment/types.ts';
import { splitSentences } from '../text/sentences.ts';
import type { MentionIndex } from './mentions.ts';
import type { Claim, PersonOccurrence, SubstitutionClaim, Who } from './types.ts';
import { firstHit, hits, rule } from '../rules/engine.ts';
import type { BlockPeople } from './people.ts';

/**
 * Who chaired, read at a person's name: `after` rules match the text that follows the name,
 * `line` the start of the name's line. `ofBody` rules name a body, which must be this meeting's.
 */
export const CHAIR_RULES = {
  inTheChair: rule({
    id: 'chair.in-the-chair',
    produces: 'chair',
    reason: '"X (in the Chair)", "X, in the chair, …", "X (Chair)", "X, presiding", "X presided", "X took the chair"',
    pattern: /^\s*,?\s*\(?\s*in the chair\s*\)?|^\s*\)\s*,?\s*(?:was\s+)?in the chair\b|^\s*\((?:Chair|Chairman|Chairwoman|Chairperson|Convener|Convenor)(?:\s+(?:of|for)\s+the\s+(?:Committee|Panel|Board|Meeting|Sub-Committee|Commission|Council|Forum|Authority))?\)|^\s*,?\s*presiding\b|^\s+(?:presided|took the chair|was in the chair|chaired the meeting)\b/i,
    needs: /chair|presid|conven/i,
    examples: [
      { text: ' (in the Chair)' }, { text: ', in the chair, made' }, { text: ' (Chairman)' }, { text: ' presided.' }, { text: ' took the Chair for this item' },
      { text: ') in the Chair' }, { text: ' (Chair of the Committee)' }, { text: ' (Convener)' },
    ],
    counterexamples: [' thanked the Chair', ' (Vice-Chair)'],
  }),
  chairLine: rule({
    id: 'chair.label-line',
    produces: 'chair',
    reason: '"Chair: Councillor Abbot", "Chairman:- Cllr Dyer" on the name\'s line',
    pattern: /^\s*(?:In the Chair|Chair|Chairman|Chairwoman|Chairperson|Presiding(?: Member)?|Chaired by|Convener|Convenor)\s*:?-?\s*$/i,
    examples: [{ text: 'Chair: ' }, { text: 'Chairman:- ' }, { text: 'In the Chair:        ' }, { text: 'Chaired by: ' }, { text: 'Chaired by ' }],
    counterexamples: ['Vice-Chair: ', 'The report was welcomed by the Chair '],
  }),
  upperLine: rule({
    id: 'chair.upper-line',
    produces: 'chair',
    reason: '"COUNCILLOR MISTRY IN THE CHAIR", "THE MAYOR (COUNCILLOR J OSEI) IN THE CHAIR": a line in capitals naming the chair, matched to the person by surname',
    pattern: /^[ \t]*(?:THE\s+(?:[A-Z]+\s+){0,3}\(\s*)?(?:COUNCILLOR|CLLR\.?|ALDERMAN|PROVOST|BAILIE|MR|MRS|MS|MISS|DR)\s+(?<name>[A-Z][A-Z'’ .-]{1,60}?)\s*\)?\s*,?\s*(?:WAS\s+)?IN\s+THE\s+CHAIR\.?[ \t]*$/gm,
    needs: /IN\s+THE\s+CHAIR/,
    examples: [
      { text: 'COUNCILLOR MISTRY IN THE CHAIR', groups: { name: 'MISTRY' } },
      { text: 'THE MAYOR (COUNCILLOR J A OSEI) IN THE CHAIR', groups: { name: 'J A OSEI' } },
    ],
    counterexamples: ['Councillor Mistry in the Chair', 'VICE-CHAIR IN THE CHAIR'],
  }),
  postBefore: rule({
    id: 'chair.post-before',
    produces: 'chair',
    reason: '"The Chair, Councillor Dale, welcomed …", "the Chairman, Mr Vale, thanked …": the chair named in apposition after the post',
    pattern: /(?:^|[.;:]\s+|\n\s*|\b(?:and|when|as|which|then)\s+)(?<!Vice[- ]|Deputy\s)(?:The|the)\s+(?:Chair|Chairman|Chairwoman|Chairperson|Convener|Convenor|Presiding Member)\s*,\s*$/,
    examples: [{ text: 'The Chair, ' }, { text: 'Apologies were noted. The Chairman, ' }],
    counterexamples: ['The Vice-Chair, ', 'thanked the Chair, '],
  }),
  chairOf: rule({
    id: 'chair.of-this-body',
    produces: 'chair',
    reason: '"X, Chair of Harbour Scrutiny began …", "X, the Chairman of the Board, welcomed …": a post of this meeting\'s body',
    pattern: /^\s*,\s*(?:the\s+)?Chair(?:man|person)? of (?:the\s+)?(?<body>[A-Z][\w' &-]*?)(?=,|\s+(?!(?:of|for|and|the|on|in)\b)[a-z])/,
    examples: [{ text: ', Chair of Harbour Scrutiny began by welcoming', groups: { body: 'Harbour Scrutiny' } }],
    counterexamples: [', Vice-Chair of the Board, welcomed'],
  }),
  isTheChair: rule({
    id: 'chair.is-the-chair',
    produces: 'chair',
    reason: '"X is the Chair of the Board", "X was elected as the Chair of the Committee", "X was declared as Chair of the Committee", "X be elected as the Chair for 2022/23": a chair of this body, or elected at this meeting',
    pattern: /^\s+(?:OBE\s+|MBE\s+|CBE\s+|JP\s+)?(?:is|was|be|had been|has been)\s+(?:(?:duly|unanimously|formally)\s+)?(?:(?:re-?)?(?:appointed|elected|declared|confirmed)\s+(?:as\s+|to\s+(?=the\s+chair\b))?)?(?:the\s+)?[Cc]hair(?:man|woman|person)?\b(?:\s+(?:of|for)\s+(?:the\s+)?(?<body>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|of|for|the|&))*))?/,
    examples: [
      { text: ' is the Chair of the Safeguarding Board', groups: { body: 'Safeguarding Board' } },
      { text: ' was declared as Chair of the Committee.', groups: { body: 'Committee' } },
      { text: ' OBE be elected as the Chair for 2022/23 Council Year.' },
      { text: ' was duly elected as Chair for the municipal year.' },
      { text: ' be elected to the chair for the ensuing year.' },
    ],
    counterexamples: [' was thanked by the Chair', ' is the Vice-Chair of the Board'],
  }),
};

function headNoun(name: string | null): string | null {
  return name ? name.trim().split(/\s+/).pop()!.toLowerCase() : null;
}

function sameBody(named: string, body: string | null): boolean {
  if (!body) return false;
  const a = named.toLowerCase().replace(/^the\s+/, '');
  const b = body.toLowerCase();
  return a === b || a === headNoun(body) || b.includes(a) || a.includes(b);
}

function claimsFor(index: MentionIndex, span: Span, item: number | null): Claim[] {
  return index
    .within(span.start, span.end)
    .filter((m) => m.who.kind === 'person')
    .map((m) => ({ who: m.who, item, sentence: span }));
}

/** "Provost Morag Lindsay", "The Mayor, Councillor X": the civic head who presides over full Council. */
const CIVIC_HEAD = /^(?:The\s+)?(?:Lord\s+Provost|Provost|Lord\s+Mayor|Mayor|Town\s+Mayor|Civic\s+Mayor|Chairman\s+of\s+the\s+Council|Chair\s+of\s+the\s+Council)\b/;
const FULL_COUNCIL = /^(?:(?:The\s+)?(?:[A-Z][\w'’-]*\s+){0,4}(?:Council|Town Council|City Council|County Council|Borough Council|Parish Council)|(?:Full|Ordinary|Annual|Extraordinary|Special)\s+(?:Meeting\s+of\s+(?:the\s+)?)?Council)$/;

/**
 * A meeting of the full Council with no chair written down is presided over by its civic head
 * (Provost, Mayor, Chairman of the Council) when one is listed present: rule chair.civic-head.
 */
export function civicHeadChair(text: string, people: PersonOccurrence[], present: Claim[], body: string | null): Claim[] {
  if (!body || !FULL_COUNCIL.test(body.trim()) || /\b(?:Committee|Panel|Board|Cabinet|Forum|Commission)\b/.test(body)) return [];
  for (const c of present) {
    if (c.who.kind !== 'person') continue;
    const occurrence = c.who.occurrence;
    const p = people.find((o) => o.id === occurrence);
    if (p && CIVIC_HEAD.test(text.slice(p.span.start, p.span.end)) && !/^(?:Deputy|Depute|Vice)/.test(text.slice(p.span.start, p.span.end))) return [{ ...c, rule: 'chair.civic-head' }];
  }
  return [];
}

export function findChair(text: string, people: PersonOccurrence[], body: string | null): Claim[] {
  const out: Claim[] = [];
  for (const p of people) {
    const after = text.slice(p.span.end, p.span.end + 160);
    const sentence = { start: p.span.start, end: p.span.end + Math.max(0, after.search(/[.;\n]/)) };
    // Only the 40 characters before a name can hold "Chair:" on its line.
    const before = text.slice(Math.max(0, p.span.start - 40), p.span.start);
    const nl = before.lastIndexOf('\n');
    const lineHead = nl >= 0 ? before.slice(nl + 1) : p.span.start <= 40 ? before : null;
    const claim = (r: string): Claim => ({ who: { kind: 'person', occurrence: p.id }, item: p.item, sentence, rule: r });
    if (firstHit(CHAIR_RULES.inTheChair, after)) out.push(claim(CHAIR_RULES.inTheChair.id));
    else if (lineHead !== null && firstHit(CHAIR_RULES.chairLine, lineHead)) out.push(claim(CHAIR_RULES.chairLine.id));
    else if (firstHit(CHAIR_RULES.postBefore, text.slice(Math.max(0, p.span.start - 60), p.span.start))) out.push(claim(CHAIR_RULES.postBefore.id));
    for (const r of [CHAIR_RULES.chairOf, CHAIR_RULES.isTheChair]) {
      const h = firstHit(r, after);
      if (!h) continue;
      // "Chair of the Committee" is this body's; a chair "for 2022/23" is elected at this meeting.
      const named = h.text.body?.trim();
      if (named === undefined ? r === CHAIR_RULES.isTheChair : /^(?:Committee|Panel|Board|Commission|Council|Cabinet|Sub-Committee|Forum|Authority|Partnership)$/.test(named) || sameBody(named, body)) {
        out.push(claim(r.id));
        break;
      }
    }
  }
  if (out.length === 0) out.push(...upperLineChair(text, people));
  return out;
}

/** "COUNCILLOR MISTRY IN THE CHAIR": the one person of the document with that surname. */
function upperLineChair(text: string, people: PersonOccurrence[]): Claim[] {
  for (const h of hits(CHAIR_RULES.upperLine, text)) {
    const surname = h.text.name!.trim().split(/\s+/).pop()!.toLowerCase();
    const matches = people.filter((p) => p.parts.surname.toLowerCase() === surname);
    const who = new Set(matches.map((p) => `${p.parts.first ?? p.parts.initials}`.toLowerCase().charAt(0)));
    if (matches.length === 0 || who.size > 1) continue;
    return [{ who: { kind: 'person', occurrence: matches[0]!.id }, item: matches[0]!.item, sentence: { start: h.start, end: h.end }, rule: CHAIR_RULES.upperLine.id }];
  }
  return [];
}

/** The evidence sentence for a list entry: its label and the entry when they are near, else the entry's line. */
function entrySentence(text: string, labelStart: number, entry: Span): Span {
  if (entry.start - labelStart <= 240) return { start: labelStart, end: entry.end };
  const lineStart = text.lastIndexOf('\n', entry.start) + 1;
  return { start: Math.max(lineStart, entry.start - 120), end: entry.end };
}

/** Members present, chairs, apologies and substitutions read from attendance blocks. */
export function blockClaims(text: string, blocks: BlockPeople[]): { present: Claim[]; chair: Claim[]; apologies: Claim[]; substitutions: SubstitutionClaim[] } {
  const out = { present: [] as Claim[], chair: [] as Claim[], apologies: [] as Claim[], substitutions: [] as SubstitutionClaim[] };
  for (const { block, entries } of blocks) {
    for (const e of entries) {
      const who: Who = { kind: 'person', occurrence: e.occurrence };
      const sentence = entrySentence(text, block.labelSpan.start, e.span);
      const claim = (rule: string): Claim => ({ who, item: null, sentence, rule });
      if (block.kind === 'present') out.present.push(claim(`${block.rule}/present`));
      // "Cllr Lee attended as a substitute for Cllr Ash" inside an apologies list: Lee came.
      if (block.kind === 'apologies' && e.substituteFor === null) out.apologies.push(claim(`${block.rule}/apologies`));
      if (e.chair && (block.kind === 'present' || block.kind === 'others')) out.chair.push(claim(`${block.rule}/chair`));
      if (e.substituteFor !== null) out.substitutions.push({ who, for: { kind: 'person', occurrence: e.substituteFor }, sentence, rule: 'substitute.list-note' });
      if (e.substitutedBy !== null) out.substitutions.push({ who: { kind: 'person', occurrence: e.substitutedBy }, for: who, sentence, rule: 'substitute.list-note' });
      if (block.kind === 'substitutes' && e.substituteFor === null) out.substitutions.push({ who, for: null, sentence, rule: `${block.rule}/substitutes` });
    }
  }
  return out;
}

export const APOLOGY_RULES = {
  subjectSent: rule({
    id: 'apologies.subject-sent',
    produces: 'apologies',
    reason: 'people as the subject of sending apologies: "X sent apologies", "X had also sent his apologies", "X submitted her apologies", "X\'s apologies were noted"',
    pattern: /(?<verb>(?:['’]s)?\s+(?:(?:had|has|have)\s+)?(?:also\s+)?(?:sent|submitted|tendered|gave|given|offered|forwarded|passed on)\s+(?:his|her|their|its)?\s*apologies\b|(?:['’]s)?\s+apologies\s+(?:were|was|had been)\s+(?:received|submitted|noted|tendered|given|recorded))/g,
    needs: /apologies/,
    examples: [
      { text: 'Councillors Ash and Vale sent apologies.' },
      { text: 'Councillor Paul Ash had also sent his apologies in advance.' },
      { text: 'Cllr Dadds apologies were submitted.' },
    ],
    counterexamples: ['The Chair sent a letter.'],
  }),
};

/** Apologies said of their senders ("X sent apologies"); lists of apologies are read as lists. */
export function findApologies(text: string, doc: SegmentedDocument, index: MentionIndex, blocks: BlockPeople[] = []): Claim[] {
  const out: Claim[] = [];
  const itemAt = itemLocator(doc);
  const listed = blocks.filter((b) => b.block.kind === 'apologies').map((b) => b.block.content);
  for (const h of hits(APOLOGY_RULES.subjectSent, text)) {
    if (listed.some((s) => h.start >= s.start && h.start < s.end)) continue;
    // The senders: the names just before, joined by commas or "and", back to the sentence start.
    const lineStart = Math.max(text.lastIndexOf('\n', h.start) + 1, text.lastIndexOf('. ', h.start) + 2, h.start - 300);
    const before = index.within(lineStart, h.start).filter((m) => m.who.kind === 'person');
    const subjects: typeof before = [];
    let at = h.start;
    for (let i = before.length - 1; i >= 0; i--) {
      const m = before[i]!;
      const gap = text.slice(m.span.end, at);
      if (!/^(?:\s*|\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s*\([^()]{0,80}\)\s*)$/.test(gap) && at !== h.start) break;
      if (at === h.start && !/^\s*(?:\([^()]{0,80}\))?\s*$/.test(gap)) break;
      subjects.push(m);
      at = m.span.start;
    }
    const sentence = { start: subjects.length > 0 ? subjects[subjects.length - 1]!.span.start : h.start, end: h.end };
    for (const m of subjects) out.push({ who: m.who, item: itemAt(m.span.start), sentence, rule: h.rule.id });
  }
  return out;
}
