/**
 * Named strategies, policies, plans, reports and the like: a run of capitalised words ending in
 * a document word ("Harbour Access Strategy 2026-2029", "Coastal
 * Monitoring Dashboard", "Corporate Parenting annual report"). Legislation, generic phrases
 * ("the delivery plan", "their Safety Plan") and plural references are not named documents.
 */
import type { SegmentedDocument, Span } from '../segment/types.ts';
import { sentenceText, splitSentences } from '../text/sentences.ts';
import { isOrgHead } from '../lexicon/roles.ts';
import { MONTH_PATTERN } from '../lexicon/months.ts';
import type { StrategyClaim } from './types.ts';
import { hits, rule, type Rule } from '../rules/engine.ts';
import { HEAD_FIRST_DOCUMENTS, GUIDANCE_SOURCES, STATUTORY_DOCUMENTS } from '../lexicon/documents.ts';

const CAP = String.raw`[A-Z][\w'’-]*`;
/** "for Local Community Networks", "under the Licensing Act 2003", "on Governance": what the document is for or under. */
const JOIN = String.raw`(?:and|of|&)(?=\s+[A-Z])`;
const SCOPE = String.raw`(?:\s+(?:for|on|under)\s+(?:the\s+)?${CAP}(?:\s+(?:${CAP}|${JOIN}))*(?:\s+\d{4})?)?`;
/** Capitalised words before a name, not the one that starts the sentence. */
const LEAD = String.raw`(?:(?!(?:The|This|That|These|A|An|In|To|Our|Its)\s)${CAP}\s+){0,3}`;

/**
 * Documents whose name puts the document word first ("Statement of Principles", "Terms of
 * Reference for …", "Local Code of Practice on Governance") and guidance named by its subject
 * ("statutory guidance on ‘Kinship Care’"): the head-last walk in namedDocumentsIn cannot see them.
 */
export const STRATEGY_RULES: Rule[] = [
  rule({
    id: 'strategy.head-first',
    produces: 'strategy',
    reason: 'a document named head first, "Statement of …", "Code of …", "Terms of Reference", "Scheme of …", "Memorandum of Understanding", with what it is for or under ("… under the Gambling Act 2005", "… for Town Forums")',
    pattern: new RegExp(String.raw`\b(?<name>${LEAD}(?:${HEAD_FIRST_DOCUMENTS.join('|')})\s+${CAP}(?:\s+(?:${CAP}|${JOIN}))*${SCOPE})`, 'g'),
    examples: [
      { text: 'approval of the revised Statement of Principles under the Gambling Act 2005 for consultation', groups: { name: 'Statement of Principles under the Gambling Act 2005' } },
      { text: 'To review the Terms of Reference for Town Forums and comment.', groups: { name: 'Terms of Reference for Town Forums' } },
      { text: 'The Local Code of Practice on Governance was endorsed.', groups: { name: 'Local Code of Practice on Governance' } },
      { text: 'changes to the Scheme of Delegation were agreed', groups: { name: 'Scheme of Delegation' } },
    ],
    counterexamples: ['the terms of reference were noted', 'a statement of intent'],
  }),
  rule({
    id: 'strategy.guidance-on',
    produces: 'strategy',
    reason: 'guidance named by its source and subject: "statutory guidance on ‘Kinship Care’", "national guidance for Virtual School Heads"',
    pattern: new RegExp(String.raw`\b(?<name>(?:${GUIDANCE_SOURCES.join('|')})\s+guidance\s+(?:on|for)\s+['‘"“]?${CAP}(?:\s+(?:${CAP}|${JOIN}))*['’"”]?)`, 'g'),
    examples: [{ text: 'In May the Government issued statutory guidance on ‘Foster Care’, which required a local offer.', groups: { name: 'statutory guidance on ‘Foster Care’' } }],
    counterexamples: ['guidance on the matter would follow', 'statutory guidance was issued'],
  }),
];

/** A document cited as the authority for what someone does ("in accordance with the Code of Conduct"). */
const CITED_AUTHORITY = /\b(?:[Ii]n\s+accordance\s+with|[Uu]nder|required\s+by|[Ii]n\s+line\s+with|set\s+out\s+in|as\s+per)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){0,3}$/;

/** Documents in a sentence that the head-first and guidance rules name (not those the walk found). */
function ruleDocuments(text: string, span: Span, taken: readonly Span[]): { name: string; kind: string; span: Span; rule: string }[] {
  const out: { name: string; kind: string; span: Span; rule: string }[] = [];
  for (const r of STRATEGY_RULES) {
    for (const h of hits(r, text, span.start, span.end)) {
      const at = h.groups.name!;
      if (taken.some((t) => t.start < at.end && at.start < t.end)) continue;
      if (CITED_AUTHORITY.test(text.slice(Math.max(span.start, at.start - 80), at.start))) continue;
      let name = h.text.name!.replace(/\s+/g, ' ').replace(/['‘’"“”]/g, (q, i: number, all: string) => (/\w/.test(all[i - 1] ?? '') && /\w/.test(all[i + 1] ?? '') ? q : ''));
      name = name.replace(LEADING_NOISE, '');
      while (FUNCTION_CAPS.has(name.split(' ')[0]!)) name = name.split(' ').slice(1).join(' ');
      name = name.replace(/(?:\s+(?:and|of|&|for|on|under|the))+$/, '').trim();
      if (GENERIC_PHRASES.test(name)) continue;
      const kind = /guidance/i.test(name) ? 'guidance' : (name.match(/\b(Statement|Code|Terms|Scheme|Memorandum|Articles)\b/)?.[1] ?? 'document').toLowerCase();
      out.push({ name, kind, span: at, rule: r.id });
    }
  }
  return out;
}

const HEADS = new Map<string, string>([
  ['strategy', 'strategy'], ['policy', 'policy'], ['plan', 'plan'], ['programme', 'programme'],
  ['report', 'report'], ['offer', 'offer'], ['covenant', 'covenant'], ['charter', 'charter'],
  ['protocol', 'protocol'], ['framework', 'framework'], ['dashboard', 'dashboard'],
  ['briefing', 'briefing'], ['project', 'project'], ['guidance', 'guidance'],
  ['statement', 'statement'], ['agreement', 'agreement'], ['map', 'map'], ['document', 'document'],
  ['paper', 'paper'], ['review', 'review'], ['compact', 'compact'], ['pledge', 'pledge'],
  ['masterplan', 'plan'],
]);
/** Cheap test before tokenising a sentence: does it contain a document word at all? */
const HEAD_HINT = /\b(?:[Ss]trateg|[Pp]olic|[Pp]lan\b|[Mm]asterplan|[Pp]rogramme|[Rr]eport|[Oo]ffer|Covenant|Charter|Protocol|[Ff]ramework|[Dd]ashboard|[Bb]riefing|Project|[Gg]uidance|Statement|Agreement|[Mm]ap\b|[Dd]ocument|Paper|Review|Compact|Pledge)/;
const HEAD_FIRST_HINT = /\b(?:Statement|Code|Terms|Scheme|Memorandum|Articles) of\b|\bguidance\b/;
const TITLE_PLURAL_HEADS = /\b(?:reports|strategies|policies|plans|reviews)\b/i;
const CONNECTORS_LEFT = new Set(['of', 'and', 'for', 'to', 'the', '&', 'in']);
/** Heads that name a document even in lower case after a capitalised name ("Corporate Parenting annual report"). */
const LOWER_HEADS = new Set(['report', 'briefing', 'document', 'dashboard', 'map', 'strategy', 'plan', 'policy', 'offer', 'guidance', 'framework']);
/** Capitalised words that start sentences and clauses, never a document's name. */
const FUNCTION_CAPS = new Set(['That', 'This', 'These', 'Those', 'There', 'It', 'Its', 'In', 'On', 'At', 'As', 'For', 'By', 'With', 'From', 'Of', 'And', 'To', 'Resolved', 'Requested', 'Considered', 'Noted', 'Agreed', 'KB', 'PDF', 'Minutes', 'Additional', 'Members', 'Councillor', 'Cllr', 'If', 'When', 'Where', 'While', 'Whilst', 'Although', 'Following', 'Further', 'Also', 'Both', 'Each', 'All', 'Any', 'Some', 'Our', 'We', 'He', 'She', 'They', 'Their', 'His', 'Her', 'Since', 'Last', 'Next', 'Previous', 'Progress', 'Overview', 'Update', 'Background', 'Key', 'Detail', 'Details']);
const LOWER_MODIFIERS = new Set(['annual', 'provision', 'monitoring', 'impact', 'improvement', 'performance', 'delivery', 'action', 'assurance', 'outturn', 'progress', 'quarterly', 'final', 'interim']);
const GENERIC_ONLY = new Set(['national', 'local', 'new', 'current', 'overall', 'draft', 'revised', 'proposed', 'refreshed', 'the', 'this', 'that', 'a', 'an', 'our', 'annual', 'board', 'commission', 'committee', 'panel', 'cabinet', 'final', 'interim', 'full', 'main', 'previous', 'future']);
const GENERIC_PHRASES = /^(?:(?:forward )?work programme|work plan|delivery plan|action plan|business plan|marketing strategy|audit report|forward plan|agenda pack|progress report|(?:education,? )?health,? (?:and )?care plans?|personal education plans?|care plans?|pathway plans?|safety plans?|child protection plans?|support plans?|statement of purpose|(?:joint|police|clerk|chair|chairman|chairperson|mayor|treasurer|leader|officers?|members?|county councillors?|district councillors?|ward councillors?|head ?teachers?|youth|finance|verbal|oral|written|annual) reports?)$/i;
/** A committee's own planning of its business, undated ("Work Programme"): no named document. */
const WORK_PLANNING = /^(?:(?:the\s+)?(?:forward\s+)?work\s+programme|work\s+plan|forward\s+plan)$/i;
const LEGISLATION_NEXT = /^(?:Regulations?|Act|Bill|Order|Rules)\b/;
/** A person's own plan ("their Safety Plan"); "its" and "our" are the body's, whose documents are named ones. */
const POSSESSIVE_BEFORE = /\b(?:their|his|her|your|my)\s*$/i;
const LEADING_NOISE = /^(?:(?:The|the|A|a|An|an|This|this|Draft|draft|New|new|Current|current|Proposed|proposed|Revised|revised|Refreshed|refreshed|Publication of|Council's)\s+)+/;
/** Words that join a generic second document onto a first ("Agreement and Implementation Plan"). */
const GENERIC_SECOND = new Set(['implementation', 'action', 'delivery', 'improvement', 'development', 'recovery']);

const TOKEN = /[A-Za-z0-9][\w'’/.&-]*[\w)]|[A-Za-z0-9]|\([A-Za-z0-9][^()\s]{0,20}\)|&/g;

interface Token {
  text: string;
  start: number;
  end: number;
}

function tokens(s: string, offset: number): Token[] {
  const out: Token[] = [];
  // exec on the one global pattern: matchAll would copy the pattern for every sentence.
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(s); m !== null; m = TOKEN.exec(s)) out.push({ text: m[0], start: offset + m.index, end: offset + m.index + m[0].length });
  return out;
}

/** "(1)", "(a)", "(iv)": a list marker, not part of a name. */
const LIST_MARKER = /^\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)$/;
const isCap = (t: string) => !LIST_MARKER.test(t) && (/^[A-Z]/.test(t) || /^\d{4}/.test(t) || /^\([A-Z0-9]/.test(t));
const isYear = (t: string) => /^\(?\d{4}(?:[-/]\d{2,4})?\)?$/.test(t);
const headOf = (t: string) => HEADS.get(t.toLowerCase());

function gapIsSpace(text: string, a: Token, b: Token): boolean {
  return /^[ ]+$/.test(text.slice(a.end, b.start)) || a.end === b.start;
}

export function namedDocumentsIn(text: string, span: Span): { name: string; kind: string; span: Span }[] {
  const s = sentenceText(text, span);
  const toks = tokens(s, span.start);
  const out: { name: string; kind: string; span: Span }[] = [];
  for (let h = 0; h < toks.length; h++) {
    const head = toks[h]!;
    const kind = headOf(head.text);
    if (!kind) continue;
    if (!isCap(head.text) && !LOWER_HEADS.has(head.text.toLowerCase())) continue;
    const next = toks[h + 1];
    if (next && LEGISLATION_NEXT.test(next.text)) continue;
    // "Project Group", "Strategy Board", "Plan Impact report": the word modifies what follows.
    if (next && gapIsSpace(text, head, next) && /^[A-Z][a-z]/.test(next.text) && !headOf(next.text)) continue;
    // Walk left over capitalised words, years and connectors that lead to a capitalised word.
    let l = h;
    let lowerUsed = false;
    const headLower = !isCap(head.text);
    while (l > 0) {
      const prev = toks[l - 1]!;
      if (!gapIsSpace(text, prev, toks[l]!)) break;
      const p = prev.text;
      if (FUNCTION_CAPS.has(p)) break;
      if (isCap(p) || isYear(p)) {
        const prevHead = headOf(p);
        const between = toks.slice(l, h).map((t) => t.text.toLowerCase());
        if (prevHead && between[0] === 'and') {
          // Two documents joined by "and": apart, unless the second is generic ("and Implementation Plan").
          if (!(between.length === 2 && GENERIC_SECOND.has(between[1]!))) break;
        }
        l--;
        continue;
      }
      if (CONNECTORS_LEFT.has(p) && l - 2 >= 0 && isCap(toks[l - 2]!.text) && l < h) {
        l--;
        continue;
      }
      if ((headLower || l === h) && !lowerUsed && LOWER_MODIFIERS.has(p) && l === h && l - 2 >= 0 && isCap(toks[l - 2]!.text)) {
        lowerUsed = true;
        l--;
        continue;
      }
      break;
    }
    while (l < h && CONNECTORS_LEFT.has(toks[l]!.text)) l++;
    if (l === h) continue;
    // Walk right over a year range, a bracketed acronym, or "of Action (WSOA)" / "on SEND".
    let r = h;
    for (let k = 0; k < 6 && r + 1 < toks.length; k++) {
      const nx = toks[r + 1]!;
      if (!gapIsSpace(text, toks[r]!, nx) && !/^,\s*$/.test(text.slice(toks[r]!.end, nx.start))) break;
      const gapComma = text.slice(toks[r]!.end, nx.start).includes(',');
      if (isYear(nx.text) || /^\([A-Z]{2,8}\)$/.test(nx.text)) {
        r++;
        continue;
      }
      if (!gapComma && /^(?:of|on|for)$/.test(nx.text) && toks[r + 2] && isCap(toks[r + 2]!.text) && !headOf(toks[r + 2]!.text)) {
        r += 2;
        // "for Children and Young People's Mental Health 2025-2028": capitalised words and the joins between them.
        for (;;) {
          const a = toks[r + 1];
          const b = toks[r + 2];
          if (a && isCap(a.text) && gapIsSpace(text, toks[r]!, a) && !headOf(a.text) && !FUNCTION_CAPS.has(a.text)) r++;
          else if (a && b && /^(?:and|of|&)$/.test(a.text) && isCap(b.text) && !headOf(b.text) && !FUNCTION_CAPS.has(b.text)) r += 2;
          else break;
        }
        continue;
      }
      // "the Rotherham SEND Strategy, My Life My Rights 2024-2028": a strategy's own name after a comma.
      if (gapComma && kind === 'strategy') {
        let q = r + 1;
        while (q < toks.length && isCap(toks[q]!.text) && !isYear(toks[q]!.text) && q - r < 8) q++;
        if (q < toks.length && isYear(toks[q]!.text) && q > r + 1) {
          r = q;
          continue;
        }
      }
      break;
    }
    const first = toks[l]!;
    const before = s.slice(0, first.start - span.start);
    const raw = text.slice(first.start, toks[r]!.end);
    // A closing bracket with no opening one belongs to the sentence around the name.
    const name = raw.replace(LEADING_NOISE, '').replace(/\s+/g, ' ').trim().replace(/^([^(]*)\)$/, '$1');
    // "their Safety Plan" is someone's own plan; "its Local Plan" is still the Local Plan.
    if (POSSESSIVE_BEFORE.test(before) && !STATUTORY_DOCUMENTS.has(name.replace(/\s*\(?\d{4}.*$/, ''))) continue;
    const words = name.split(/\s+/);
    const modifiers = words.filter((w) => !headOf(w) && !isYear(w));
    if ((modifiers.length === 0 || modifiers.every((w) => GENERIC_ONLY.has(w.toLowerCase()))) && !STATUTORY_DOCUMENTS.has(name.replace(/\s*\(?\d{4}.*$/, ''))) continue;
    const core = name
      .replace(/\s*\(?\d{4}[^\s]*\)?/g, '')
      .replace(/^(?:[A-Z][\w-]*['’]s\s+)+/, '')
      .replace(/(?:\s+(?:for|of|to|and|the|in))+$/, '')
      .trim();
    if (GENERIC_PHRASES.test(core)) continue;
    if (/^[a-z]/.test(name)) continue;
    // An organisation's own update ("Corporate Parenting Partnership Board report") is not a document name.
    // "Northbridge Council policy", "the Trust's report": whose document, not the document's name.
    if (words.length >= 2 && isOrgHead(words[words.length - 2]!) && /^[a-z]/.test(head.text)) continue;
    // "the Joint Report of the Corporate Director …": who wrote a paper, not what it is called.
    if (kind === 'report' && /^(?:Joint\s+)?Report(?:\s+(?:of|from|by)\b.*)?$/i.test(name)) continue;
    out.push({ name, kind, span: { start: first.start, end: toks[r]!.end } });
  }
  return out;
}

/** A title that names a document ("Draft Elective Home Education Policy") names the item's subject. */
/** " - 1 March 2025 to 31 May 2025", " – April to June": the period a title's document covers. */
const TITLE_PERIOD = new RegExp(`\\s+[-–]\\s+(?:\\d{1,2}\\s+)?(?:${MONTH_PATTERN})\\b.*$`);

export function titleDocument(title: string): { name: string; kind: string } | null {
  title = title.replace(TITLE_PERIOD, '');
  // "Health Select Commission - Work Programme": a body's undated standing document is no named one.
  const dash = /\s[-–]\s(.+)$/.exec(title);
  if (dash && WORK_PLANNING.test(dash[1]!.replace(/\s+Update$/i, '').trim())) return null;
  const firstPart = title.split(/,\s/)[0]!;
  const beforeComma = firstPart.split(/\s+/).some((w) => headOf(w) || TITLE_PLURAL_HEADS.test(w)) ? firstPart : title;
  const words = beforeComma.split(/\s+/);
  const headIndex = words.findIndex((w) => headOf(w) || TITLE_PLURAL_HEADS.test(w));
  if (headIndex <= 0) return null;
  // Only years, acronyms and "Update" may follow the document word in a title that names it.
  const after = words.slice(headIndex + 1);
  const subjectFollows = /^(?:of|on|into|for)$/.test(after[0] ?? '');
  if (!subjectFollows && !after.every((w) => /^\(?\d{4}/.test(w) || /^\([A-Z]+\)$/.test(w) || /^[-–]$/.test(w) || /^(?:Updates?|Refresh|Consultation)$/i.test(w))) return null;
  if (GENERIC_PHRASES.test(beforeComma.replace(LEADING_NOISE, '').replace(/\s+Update$/i, ''))) return null;
  const name = beforeComma.replace(LEADING_NOISE, '').replace(/\s+(?:Update|Refresh|Consultation)$/i, '').replace(/\s+[-–]$/, '').trim();
  if (name.split(/\s+/).length < 2) return null;
  const kind = headOf(words[headIndex]!) ?? words[headIndex]!.toLowerCase().replace(/s$/, '');
  return { name, kind };
}

const APPROVED = /\b(?:was|were|had been|been|is|being)\s+(?:approved|agreed|adopted|endorsed)\s+(?:at|by)\s+(?:the\s+)?([A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,5})(?:\s+(?:in|on)\s+([^.,;]{3,40}))?/;

export function findStrategies(text: string, doc: SegmentedDocument, parseWhen: (s: string) => string | null): StrategyClaim[] {
  const out: StrategyClaim[] = [];
  for (const item of doc.items) {
    const titleDoc = titleDocument(item.title);
    if (titleDoc) {
      const titleSpan = { start: item.span.start, end: item.bodyStart };
      out.push({ item: item.ordinal, name: titleDoc.name, kind: titleDoc.kind, sentence: titleSpan, approvedBy: null, fromTitle: true });
    }
    for (const sentence of splitSentences(text, item.bodyStart, item.span.end)) {
      const s = sentenceText(text, sentence);
      if (!HEAD_HINT.test(s) && !HEAD_FIRST_HINT.test(s)) continue;
      const found = namedDocumentsIn(text, sentence);
      const approved = APPROVED.exec(s);
      // "The strategy was approved at Cabinet in October 2025": the document the item is about.
      if (found.length === 0 && approved && titleDoc && /^(?:-\s*)?The (?:strategy|policy|plan|report|charter|framework)\b/i.test(s)) {
        out.push({ item: item.ordinal, name: titleDoc.name, kind: titleDoc.kind, sentence, approvedBy: { body: approved[1]!, date: approved[2] ? parseWhen(approved[2]) : null }, fromTitle: true });
        continue;
      }
      for (const f of found) {
        out.push({
          item: item.ordinal,
          name: f.name,
          kind: f.kind,
          sentence,
          approvedBy: approved ? { body: approved[1]!, date: approved[2] ? parseWhen(approved[2]) : null } : null,
        });
      }
      for (const f of ruleDocuments(text, sentence, found.map((d) => d.span))) {
        out.push({ item: item.ordinal, name: f.name, kind: f.kind, sentence, approvedBy: null, rule: f.rule });
      }
    }
  }
  return out;
}
