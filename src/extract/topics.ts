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
    for (const topic of topics) {
      const hit = sentences.find((s) => topic.patterns.some((p) => p.test(text.slice(s.start, Math.min(s.end, s.start + 1500)))));
      if (hit) out.push({ item: item.ordinal, name: topic.name, sentence: hit });
    }
  }
  return out;
}
