/**
 * Topics: a small taxonomy of what children's and adults' committees discuss. Configurable:
 * set COUNCILGRAPH_TOPICS to a JSON file of `{ "Topic name": ["regex", …] }` to replace it.
 */
import { readFileSync } from 'node:fs';
import type { SegmentedDocument } from '../segment/types.ts';
import { splitSentences } from '../text/sentences.ts';

export const DEFAULT_TOPICS: Record<string, string[]> = {
  SEND: ['\\bSEND\\b', 'special educational needs', '\\bEHCPs?\\b', 'education, health and care plan'],
  'Children in care': ['children in care', 'looked after children', '\\bLAC\\b', 'corporate parent'],
  'Care leavers': ['care leavers?', 'leaving care'],
  Fostering: ['\\bfoster(?:ing|\\s+carers?)\\b'],
  'Education attainment': ['attainment', 'educational performance', 'exam results', 'key stage'],
  Safeguarding: ['safeguarding', 'child sexual exploitation', '\\bCSE\\b', 'child protection', 'exploitation'],
  'Mental health': ['mental health', '\\bCAMHS\\b', 'emotional wellbeing', 'wellbeing'],
  'Domestic abuse': ['domestic abuse', 'sexual offences', 'violence against women'],
  'Elective home education': ['elective home education', 'home educat'],
  Housing: ['\\bhousing\\b', 'homelessness'],
  'Health services': ['\\bNHS\\b', 'hospital', 'care quality commission', '\\bCQC\\b'],
  'Scrutiny and governance': ['\\bscrutiny\\b', 'work programme'],
};

export type Taxonomy = { name: string; patterns: RegExp[] }[];

/**
 * One looser pattern per topic for a whole item: its patterns joined, word boundaries dropped,
 * so anything a pattern finds in a sentence this finds in the item; an item it misses is skipped
 * without the per-sentence search. Null where a pattern reads its surroundings (anchors,
 * look-arounds, back-references), which the item's text would answer differently, or where
 * dropping boundaries is not plainly safe (classes, escaped backslashes).
 */
function looser(patterns: readonly RegExp[]): RegExp | null {
  const sources: string[] = [];
  for (const p of patterns) {
    // An escaped backslash or a class ('[\b]' is a backspace) would make the cut ambiguous.
    if (/\\\\|\[/.test(p.source) || p.flags.replace(/[gi]/g, '') !== '') return null;
    const s = p.source.replace(/\\b/g, '');
    if (/[$^]|\(\?<?[=!]|\\[B1-9k]/.test(s)) return null;
    sources.push(`(?:${s})`);
  }
  return new RegExp(sources.join('|'), 'i');
}

const looserOf = new WeakMap<Taxonomy[number], RegExp | null>();

export function loadTaxonomy(env = process.env): Taxonomy {
  let source = DEFAULT_TOPICS;
  const path = env.COUNCILGRAPH_TOPICS;
  if (path) {
    try {
      source = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string[]>;
    } catch (err) {
      throw new Error(`${path}: could not read the topic taxonomy (${(err as Error).message}). It must be JSON: { "Topic": ["regex", …] }.`);
    }
  }
  return Object.entries(source).map(([name, patterns]) => ({ name, patterns: patterns.map((p) => new RegExp(p, 'i')) }));
}

let defaultTaxonomy: Taxonomy | null = null;

export function findTopics(text: string, doc: SegmentedDocument, taxonomy?: Taxonomy): { item: number; name: string; sentence: { start: number; end: number } }[] {
  const topics = taxonomy ?? (defaultTaxonomy ??= loadTaxonomy());
  const out: { item: number; name: string; sentence: { start: number; end: number } }[] = [];
  for (const item of doc.items) {
    const sentences = [{ start: item.span.start, end: item.bodyStart }, ...splitSentences(text, item.bodyStart, item.span.end)];
    let from = item.span.start;
    let to = item.span.end;
    for (const s of sentences) {
      if (s.start < from) from = s.start;
      if (s.end > to) to = s.end;
    }
    const itemText = text.slice(from, to);
    for (const topic of topics) {
      if (!looserOf.has(topic)) looserOf.set(topic, looser(topic.patterns));
      if (looserOf.get(topic)?.test(itemText) === false) continue;
      const hit = sentences.find((s) => topic.patterns.some((p) => p.test(text.slice(s.start, Math.min(s.end, s.start + 1500)))));
      if (hit) out.push({ item: item.ordinal, name: topic.name, sentence: hit });
    }
  }
  return out;
}
