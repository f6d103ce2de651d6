/**
 * The corrections file: `corrections.yaml` beside the store (next to the embedded store's folder;
 * in the working directory for Neo4j) unless `--corrections FILE` or COUNCILGRAPH_CORRECTIONS
 * names another. Read with the `yaml` library (which keeps each entry's offsets, the evidence of
 * what it corrects) and written back with comments and layout kept.
 *
 * ```yaml
 * corrections:
 *   - merge: [Helen Sweaton, Helen Sweeton]      # one person; the first name is kept
 *     council: northbridge                       # optional: only this council's people
 *     note: misspelt in the March minutes
 *   - split: John Smith                          # the John Smith of these documents is someone else
 *     documents: [eastholme/2025-10-06.txt]
 *   - rename: Helen Sweatton
 *     to: Helen Sweaton
 *   - reject: PRESENTED                          # this relation is wrong
 *     from: Jo Hale
 *     to: item:northbridge:…:n23                 # an id, or a name or title
 *     document: northbridge-cyp-2025-09-16.txt   # optional
 *   - add: PRESENTED                             # this relation is missing
 *     from: Jo Hale
 *     to: item:northbridge:…:n23
 *     note: she presented the second half
 * ```
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { isRelType, type Correction, type CorrectionSet } from '../graph/corrections.ts';
import { REL_TYPE_NAMES, type RelType } from '../graph/model.ts';

export const CORRECTIONS_FILE = 'corrections.yaml';

export class CorrectionsError extends Error {
  override name = 'CorrectionsError';
}

/** Where the corrections file is for a store. */
export function correctionsPath(options: { corrections?: string; db?: string; neo4j?: string }, env: NodeJS.ProcessEnv = process.env): string {
  if (options.corrections) return resolve(options.corrections);
  if (env.COUNCILGRAPH_CORRECTIONS) return resolve(env.COUNCILGRAPH_CORRECTIONS);
  if (options.neo4j ?? (options.db ? undefined : env.NEO4J_URI)) return resolve(CORRECTIONS_FILE);
  return join(dirname(resolve(options.db ?? env.COUNCILGRAPH_DB ?? './data')), CORRECTIONS_FILE);
}

const text = z.string().trim().min(1);
const rel = z.string().refine(isRelType, { message: `not a relation type; use one of ${REL_TYPE_NAMES.join(', ')}` });
const note = z.string().optional();
const council = z.string().optional();
const ENTRY = z.union([
  z.object({ merge: z.array(text).min(2), council, note }).strict(),
  z.object({ split: text, documents: z.array(text).min(1).optional(), document: text.optional(), council, note }).strict(),
  z.object({ rename: text, to: text, council, note }).strict(),
  z.object({ reject: rel, from: text, to: text, document: text.optional(), note }).strict(),
  z.object({ add: rel, from: text, to: text, properties: z.record(z.string(), z.string()).optional(), note }).strict(),
]);

function lineOf(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length;
}

function toCorrection(e: z.infer<typeof ENTRY>, at: Correction['at']): Correction {
  const n = e.note ?? null;
  if ('merge' in e) return { kind: 'merge', names: e.merge, council: e.council ?? null, note: n, at };
  if ('split' in e) return { kind: 'split', name: e.split, documents: [...(e.documents ?? []), ...(e.document ? [e.document] : [])], council: e.council ?? null, note: n, at };
  if ('rename' in e) return { kind: 'rename', from: e.rename, to: e.to, council: e.council ?? null, note: n, at };
  if ('reject' in e) return { kind: 'reject', relation: e.reject as RelType, from: e.from, to: e.to, document: e.document ?? null, note: n, at };
  return { kind: 'add', relation: e.add as RelType, from: e.from, to: e.to, properties: e.properties ?? {}, note: n, at };
}

/** Parses corrections text; errors name the file, the line and what to write instead. */
export function parseCorrections(source: string, file: string): CorrectionSet {
  const doc = parseDocument(source, { keepSourceTokens: false });
  if (doc.errors.length) throw new CorrectionsError(`${file}: not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it or run \`councilgraph correct --help\` for the format`);
  const root = doc.contents;
  const list = isMap(root) ? root.get('corrections', true) : root;
  const entries: Correction[] = [];
  if (list !== null && list !== undefined) {
    if (!isSeq(list)) throw new CorrectionsError(`${file}: expected a list under "corrections:" (each entry one of merge, split, rename, reject, add); see \`councilgraph correct --help\``);
    for (const item of list.items) {
      const node = item as { range?: [number, number, number]; toJSON?: () => unknown };
      const range = node.range ?? [0, 0, 0];
      const value = (item as { toJSON(): unknown }).toJSON();
      const parsed = ENTRY.safeParse(value);
      if (!parsed.success) {
        throw new CorrectionsError(
          `${file}, line ${lineOf(source, range[0])}: not a correction (${parsed.error.issues.map((i) => `${i.path.join('.') || 'entry'}: ${i.message}`).slice(0, 3).join('; ')}); an entry is one of merge, split, rename, reject, add (see \`councilgraph correct --help\`)`,
        );
      }
      const start = range[0];
      const end = range[1];
      entries.push(toCorrection(parsed.data, { start, end, text: source.slice(start, end).replace(/\s+/g, ' ').trim() }));
    }
  }
  return { file, sha256: createHash('sha256').update(source).digest('hex'), entries };
}

/** The corrections in effect: the file's, or null when there is no file (or `off`). */
export function loadCorrections(file: string | null): CorrectionSet | null {
  if (!file || !existsSync(file)) return null;
  return parseCorrections(readFileSync(file, 'utf8'), file);
}

const TEMPLATE = `# councilgraph corrections: applied after resolution at every ingest, so a re-ingest never
# undoes them. Each entry is one of merge, split, rename, reject, add (councilgraph correct --help).
corrections: []
`;

/** Appends an entry (as YAML data), keeping the file's comments and layout; returns the new set. */
export function appendCorrection(file: string, entry: Record<string, unknown>): CorrectionSet {
  const source = existsSync(file) ? readFileSync(file, 'utf8') : TEMPLATE;
  const doc: Document = parseDocument(source);
  if (doc.errors.length) throw new CorrectionsError(`${file}: not valid YAML (${doc.errors[0]!.message.split('\n')[0]}); fix it before adding corrections`);
  let list = isMap(doc.contents) ? doc.contents.get('corrections', true) : doc.contents;
  if (!isSeq(list)) {
    const seq = doc.createNode([]);
    if (isMap(doc.contents)) doc.contents.set('corrections', seq);
    else doc.contents = doc.createNode({ corrections: [] }) as never;
    list = isMap(doc.contents) ? doc.contents.get('corrections', true) : seq;
  }
  const seq = list as { flow?: boolean; items: unknown[] };
  seq.flow = false;
  seq.items.push(doc.createNode(entry));
  const next = String(doc);
  const set = parseCorrections(next, file);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, next);
  return set;
}
