/**
 * Posts: the title standing beside a name ("Helen Sweaton, Joint Assistant Director for
 * Commissioning and Performance", "Jo Hale (Head of Service)", "Ravi Shah - Interim Head of
 * ...") and the post named alone ("the Joint Assistant Director", "The Cabinet Member for
 * CYPS"), which resolution later ties to the person the document says holds it.
 */
import { looksLikeOrg, looksLikeRole, ROLE_HEADS } from '../lexicon/roles.ts';
import type { Span } from '../segment/types.ts';

export interface RoleFound {
  title: string;
  body: string | null;
  span: Span;
  /** "(representing the Integrated Care Partnership)" */
  represents: string | null;
}

/** Where the text after a post stops belonging to it: a verb ("Chair of Harbour Scrutiny began by welcoming") ends it. */
const ROLE_STOP = /,\s*(?:who|which|whose|where)\b|\s(?:who|which|to the meeting|in attendance|introduced|presented|provided|gave|had|has|was|were|is|are|would|will|outlined|explained|advised|welcomed|thanked|noted|to give|to present|to introduce|to deliver|from the|attended|also|be|began|gave|spoke|said|took|made|went|led|sent|[a-z]{2,}ed|[a-z]{3,}ing)\b|[;:.!?](?=\s|$)|\n|\s\(|\s-\s/;

const PORTFOLIO = /^\s[-–]\s(?:[A-Z][\w'’&-]*)(?:\s+(?:[A-Z][\w'’&-]*|and|of|for|&))*/;

function cleanRole(raw: string): string {
  return raw
    .replace(/^(?:the|a|an|our|their)\s+/i, '')
    .replace(/\s*\([A-Z]{1,6}\)\s*$/, '')
    .replace(/[\s,]+(?:and)?\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a clause after a name into the post and, where it trails after a comma, an organisation. */
function splitRoleClause(clause: string, soleInLine: boolean): { title: string; body: string | null } | null {
  const segments = clause.split(/,\s*/);
  let title = cleanRole(segments[0] ?? '');
  if (!looksLikeRole(title)) return null;
  let body: string | null = null;
  for (const seg of segments.slice(1)) {
    const s = cleanRole(seg);
    if (!s) continue;
    if (/^[a-z]/.test(s)) break;
    // "Licensing Officer, South Riding Police": the post as written names whose post it is.
    if (looksLikeOrg(s) && !looksLikeRole(s)) {
      if (soleInLine) title = `${title}, ${s}`;
      body = s;
      break;
    }
    // "for Commissioning, Performance and Quality": a list inside the post's own name.
    if (/\b(?:for|of|and)\s+[A-Z][\w'-]*$/.test(title) && !looksLikeRole(s) && /^[A-Z]/.test(s) && s.split(' ').length <= 4) {
      title = `${title}, ${s}`;
      continue;
    }
    if (soleInLine && /^[A-Z]/.test(s)) {
      title = `${title}, ${s}`;
      continue;
    }
    break;
  }
  return { title, body };
}

/**
 * The post written after a name that ends at `nameEnd`. `limit` is where the next person's
 * name starts (a post never runs into the next person), `lineEnd` the end of the line.
 */
export function roleAfterName(text: string, nameEnd: number, limit: number, soleInLine: boolean): RoleFound | null {
  const rest = text.slice(nameEnd, Math.min(limit, nameEnd + 300));
  const paren = /^\s*\(([^()\n]{2,120})\)/.exec(rest);
  if (paren) {
    const inner = paren[1]!.trim();
    const rep = /^representing\s+(?:the\s+)?(.+)$/i.exec(inner);
    if (rep) {
      const after = roleAfterName(text, nameEnd + paren[0].length, limit, soleInLine);
      return after ? { ...after, represents: rep[1]! } : { title: '', body: null, span: { start: nameEnd, end: nameEnd }, represents: rep[1]! };
    }
    if (looksLikeRole(inner) && !/^in the chair$/i.test(inner)) {
      return { title: cleanRole(inner), body: null, span: { start: nameEnd + paren.index + 1, end: nameEnd + paren[0].length - 1 }, represents: null };
    }
    return null;
  }
  const lead = /^\s*(?:,\s*|\s-\s)(?:(?:the|a|an)\s+)?/.exec(rest);
  if (!lead) return null;
  let clause = rest.slice(lead[0].length);
  let stop = ROLE_STOP.exec(clause);
  // "Cabinet Member – Children's Social Care", "Portfolio Holder - Housing": a portfolio after a
  // dash is the post's own name.
  const portfolio = stop && /^\s[-–]\s$/.test(stop[0] ?? '') && /\b(?:Member|Holder|Lead|Spokesperson|Champion)$/.test(clause.slice(0, stop.index)) ? PORTFOLIO.exec(clause.slice(stop.index)) : null;
  if (portfolio) {
    const rest2 = clause.slice(stop!.index + portfolio[0].length);
    const again = ROLE_STOP.exec(rest2);
    stop = again ? { ...again, index: stop!.index + portfolio[0].length + again.index } as RegExpExecArray : null;
  }
  // "Helen Sweaton, Joint Assistant Director … (representing the Integrated Care Partnership)":
  // whom the holder of the post speaks for, written after the post.
  const after = stop ? /^\s*\(representing\s+(?:the\s+)?([^()\n]{2,120})\)/i.exec(clause.slice(stop.index)) : null;
  if (stop) clause = clause.slice(0, stop.index);
  // "… Manager and Monica Green": the next name was cut by `limit`; drop the joining "and".
  clause = clause.replace(/\s*,?\s*(?:and\s*)?$/, '');
  const split = splitRoleClause(clause, soleInLine);
  if (!split) return null;
  const start = nameEnd + lead[0].length;
  return { ...split, span: { start, end: start + clause.length }, represents: after ? after[1]!.trim() : null };
}

/** "Assistant Director for CSE Investigations and Chair of the ... Sub-Group": two posts. */
export function splitCombinedRoles(title: string): string[] {
  const m = /^(.+?\b(?:for|of)\b.+?)\s+and\s+((?:Vice-)?Chair(?:man)?\b.+|(?:[A-Z][\w-]*\s+){0,3}(?:Director|Head|Manager|Lead|Member|Officer)\b.*)$/.exec(title);
  return m ? [m[1]!.trim(), m[2]!.trim()] : [title];
}

/** "Role (Name)" house style: the post comes first and the holder's name follows in brackets. */
export function roleBeforeName(text: string, nameStart: number): RoleFound | null {
  if (text[nameStart - 1] !== '(') return null;
  const before = text.slice(Math.max(0, nameStart - 160), nameStart - 1);
  const m = /((?:[A-Z][\w'&-]*|of|for|and|the|to|in)(?:\s+(?:[A-Z][\w'&-]*|of|for|and|the|to|in)){0,12})\s*$/.exec(before);
  if (!m) return null;
  const title = cleanRole(m[1]!.replace(/^(?:(?:and|of|for|to|in|the)\s+)+/, ''));
  if (!looksLikeRole(title)) return null;
  const start = nameStart - 1 - (before.length - m.index) + m[1]!.indexOf(title.split(' ')[0]!);
  return { title, body: null, span: { start, end: start + m[1]!.length }, represents: null };
}

export interface RoleMention {
  role: string;
  span: Span;
}

const CONNECTOR = /^(?:of|for|and|to|in|on|the|&)$/;
const ROLE_ONLY = /\b(?:[Tt]he|[Tt]heir|[Hh]is|[Hh]er)\s+((?:[A-Z][\w'’&/-]*|of|for|and|to|in|on|the|&)(?:\s+(?:[A-Z][\w'’&/-]*|of|for|and|to|in|on|the|&)){0,14})/g;

/**
 * Posts named without a name: "the Joint Assistant Director for Commissioning and Performance
 * and the Performance and Business Intelligence Manager" gives two. "The Chair" is a post too.
 */
export function roleOnlyMentions(text: string, from: number, to: number): RoleMention[] {
  const out: RoleMention[] = [];
  const slice = text.slice(from, to);
  // exec on the one global pattern (nothing below uses it): matchAll would copy it at every call.
  ROLE_ONLY.lastIndex = 0;
  for (let m = ROLE_ONLY.exec(slice); m !== null; m = ROLE_ONLY.exec(slice)) {
    const phraseStart = from + m.index + m[0].length - m[1]!.length;
    const parts = m[1]!.split(/\s+and\s+the\s+/);
    let offset = phraseStart;
    for (const part of parts) {
      let words = part.split(/\s+/);
      // "the Harbour Safety Manager on the Council's service": a post goes on past its
      // head with "of", "for" or "to" ("Director of Children's Services"), not "on" or "in".
      const head = words.findIndex((w) => /^[A-Z]/.test(w) && ROLE_HEADS.has(w.toLowerCase().replace(/['’]s$/, '')));
      const off = head < 0 ? -1 : words.findIndex((w, j) => j > head && /^(?:on|in)$/.test(w));
      if (off > 0) words = words.slice(0, off);
      while (words.length > 0 && CONNECTOR.test(words[words.length - 1]!)) words.pop();
      // A post ends at its last capitalised word; "Chair" followed by lower case is still a post.
      const phrase = words.join(' ');
      if (words.length > 0 && words.some((w) => /^[A-Z]/.test(w) && ROLE_HEADS.has(w.toLowerCase().replace(/['’]s$/, '')))) {
        out.push({ role: phrase.replace(/['’]s$/, ''), span: { start: offset, end: offset + phrase.length } });
      }
      offset += part.length + ' and the '.length;
    }
  }
  return out;
}

export function isChairRole(role: string): boolean {
  return /^(?:Chair|Chairman|Chairwoman|Chairperson)$/i.test(role.trim());
}
