/**
 * How bodies connect: "the Harbour Safety Board, which fed into the … Marine
 * Partnership, chaired by the Director of …", "the Assistant Director … chaired the Harbour
 * Safety Board", "jointly chaired by A and B".
 */
import type { SegmentedDocument } from '../segment/types.ts';
import { sentenceText, splitSentences } from '../text/sentences.ts';
import { ROLE_HEADS } from '../lexicon/roles.ts';
import type { MentionIndex } from './mentions.ts';
import type { BodyClaim, Who } from './types.ts';

const NAME = "(?:[A-Z][\\w'’&-]*(?:\\s+(?:[A-Z][\\w'’&-]*|and|of|for|the|&)){0,10}\\s+(?:Board|Group|Panel|Committee|Partnership|Forum|Commission|Executive|Council|Network|Sub-Group|Alliance))";
const FED_INTO = new RegExp(`(${NAME})(?:\\s*,\\s*(?:jointly\\s+)?(?:co-)?(?:chaired|led) by [^,;.]{3,120})?\\s*,?\\s*(?:which|that)?\\s*(?:fed|feeds|reported|reports|fed directly)\\s+(?:in)?to\\s+the\\s+(${NAME})`, 'g');
const CHAIRED_BY = new RegExp(`(${NAME})\\s*,?\\s*(?:which\\s+(?:was|is)\\s+)?(?:jointly\\s+)?(?:co-)?chaired\\s+by\\s+([^.;]{3,200})`, 'g');
const CHAIRED = new RegExp(`\\bchaired\\s+the\\s+(${NAME})`, 'g');

function cleanName(s: string): string {
  return s.replace(/^(?:the|a|an)\s+/i, '').replace(/\s+/g, ' ').trim();
}

/** "the Assistant Chief Executive" is a post, not a body, though it ends in "Executive". */
function isPost(name: string): boolean {
  const words = cleanName(name).split(' ');
  return words.slice(0, -1).some((w) => ROLE_HEADS.has(w.toLowerCase()));
}

export function findBodyRelations(
  text: string,
  doc: SegmentedDocument,
  index: MentionIndex,
): { relations: BodyClaim[]; roleHolders: { who: Who; title: string; sentence: { start: number; end: number } }[] } {
  const relations: BodyClaim[] = [];
  const roleHolders: { who: Who; title: string; sentence: { start: number; end: number } }[] = [];
  for (const item of doc.items) {
    for (const sentence of splitSentences(text, item.bodyStart, item.span.end)) {
      const s = sentenceText(text, sentence);
      if (!/\b(?:fed|feeds|reported|reports|chaired)\b/.test(s)) continue;
      for (const m of s.matchAll(FED_INTO)) {
        if (isPost(m[1]!) || isPost(m[2]!)) continue;
        relations.push({ type: 'REPORTS_TO', from: cleanName(m[1]!), to: { kind: 'body', name: cleanName(m[2]!) }, sentence });
      }
      for (const m of s.matchAll(CHAIRED_BY)) {
        if (isPost(m[1]!)) continue;
        const from = sentence.start + m.index + m[0].length - m[2]!.length;
        const chairs = index.within(from, from + m[2]!.length);
        for (const c of chairs) relations.push({ type: 'CHAIRED_BY', from: cleanName(m[1]!), to: c.who, sentence });
        if (chairs.length === 0) {
          for (const part of m[2]!.split(/\s+and\s+/)) {
            const role = cleanName(part.replace(/,.*$/, ''));
            if (role.length > 3) relations.push({ type: 'CHAIRED_BY', from: cleanName(m[1]!), to: { kind: 'role', role }, sentence });
          }
        }
      }
      for (const m of s.matchAll(CHAIRED)) {
        const at = sentence.start + m.index;
        const subject = index.within(sentence.start, at).filter((x) => x.who.kind !== 'chair').pop();
        if (!subject) continue;
        const body = cleanName(m[1]!);
        if (isPost(body)) continue;
        relations.push({ type: 'CHAIRED_BY', from: body, to: subject.who, sentence });
        roleHolders.push({ who: subject.who, title: `Chair of the ${body}`, sentence });
      }
    }
  }
  return { relations, roleHolders };
}
