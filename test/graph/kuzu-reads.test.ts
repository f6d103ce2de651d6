/**
 * The Kuzu store reads with its own statement forms (cypher/kuzu/related-*.cypher,
 * edges-*.cypher: `a.id IN $ids` with the far end's tables named; find-node.cypher for one id)
 * because Kuzu 0.11 plans the shared UNWIND/{id: i} forms slowly. These tests hold the fast
 * forms to the same answers as the shared forms, run side by side on the same store, for every
 * relation type, direction and end type of the model that the generated corpus contains.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REL_TYPES, REL_TYPE_NAMES, type NodeType, type RelType } from '../../src/graph/model.ts';
import { CypherStore } from '../../src/graph/stores/cypher-store.ts';
import { KuzuRunner } from '../../src/graph/stores/kuzu.ts';
import { labelQuery, typeQuery } from '../../src/graph/stores/queries.ts';
import type { NodeValue, RelValue, Row } from '../../src/graph/stores/runner.ts';
import { readDocumentFromText } from '../../src/load/read.ts';
import { extractDocument } from '../../src/pipeline.ts';
import { generateCorpus } from '../generate/corpus.ts';
import { buildAll, tempDir } from './helpers.ts';
import { CLAIMS_PROP } from '../../src/graph/stores/schema.ts';

let dir: ReturnType<typeof tempDir>;
let runner: KuzuRunner;
let store: CypherStore;

beforeAll(async () => {
  dir = tempDir();
  runner = await KuzuRunner.open(join(dir.path, 'store'));
  store = new CypherStore('kuzu', runner);
  await store.init();
  const docs = generateCorpus({ meetings: 30, seed: 11 }).map((d) => extractDocument(readDocumentFromText(d.name, d.text)));
  for (const r of await store.writeDocuments(await buildAll(docs))) expect(r).not.toBeInstanceOf(Error);
}, 120_000);

afterAll(async () => {
  await store?.close();
  dir?.remove();
});

/** Every id of one node type in the store (a plain scan, no form under test). */
async function idsOf(label: NodeType): Promise<string[]> {
  const rows = await runner.run(`MATCH (n:\`${label}\`) RETURN n.id AS id ORDER BY id`);
  return rows.map((r) => r.id as string);
}

/**
 * A row as comparable text: start id, relation type and properties, node across (its model
 * properties: Kuzu 0.11 reads a list column that several node tables share, the stores' internal
 * `claims`, wrongly through an unlabelled far end; the store never reads it that way).
 */
function key(src: string, r: RelValue, b: NodeValue): string {
  return JSON.stringify([src, r.type, Object.entries(r.props).sort(), b.label, Object.entries(b.props).filter(([k]) => k !== CLAIMS_PROP).sort()]);
}

/** A RelatedRow the store returned, as comparable text (the fields it carries). */
function relatedKey(from: string, type: string, props: Record<string, unknown>, label: string, id: string): string {
  return JSON.stringify([from, type, Object.entries(props).sort(), label, id]);
}

const nonEmpty = new Set<string>();

describe('Kuzu read forms answer as the shared forms do', () => {
  const cases: [RelType, 'out' | 'in', NodeType][] = [];
  for (const type of REL_TYPE_NAMES) {
    const ends = new Set<string>();
    for (const [from, to] of REL_TYPES[type].pairs) {
      for (const [dir, label] of [['out', from], ['in', to]] as const) {
        if (ends.has(`${dir}|${label}`)) continue;
        ends.add(`${dir}|${label}`);
        cases.push([type, dir, label]);
      }
    }
  }

  it.each(cases)('related %s %s from %s', async (type, dir, label) => {
    const ids = await idsOf(label);
    // The shared form (cypher/common, what Neo4j runs), which Kuzu also understands, is the reference.
    const shared = await runner.run(typeQuery('neo4j', dir === 'out' ? 'related-out' : 'related-in', type, label), { ids });
    const expected = shared.map((row: Row) => {
      const r = row.r as RelValue;
      const b = row.b as NodeValue;
      return relatedKey(row.src as string, r.type, r.props, b.label, b.props.id as string);
    });
    const got = (await store.related(ids, type, dir)).map((r) =>
      relatedKey(r.from, r.edge.type, { ...r.edge.evidence, ...r.edge.props }, r.node.type, r.node.props.id),
    );
    expect(got.sort()).toEqual(expected.sort());
    if (got.length) nonEmpty.add(type);
  });

  it('was checked on a corpus holding most relation types', () => {
    expect(nonEmpty.size).toBeGreaterThanOrEqual(12);
  });

  it('covers relations whose far end can be in several tables', async () => {
    const about = await store.related(await idsOf('Item'), 'ABOUT', 'out');
    expect(new Set(about.map((r) => r.node.type))).toEqual(new Set(['Strategy', 'Topic']));
  });

  it('neighbourhood edges match the shared forms', async () => {
    for (const label of ['Person', 'Meeting', 'Item'] as NodeType[]) {
      const ids = (await idsOf(label)).slice(0, 50);
      for (const name of ['edges-out', 'edges-in']) {
        const mine = await runner.run(labelQuery('kuzu', name, label), { ids });
        const shared = await runner.run(labelQuery('neo4j', name, label), { ids });
        const k = (rows: Row[]) => rows.map((row) => key(row.src as string, row.r as RelValue, row.b as NodeValue)).sort();
        expect(mine.length).toBeGreaterThan(0);
        expect(k(mine)).toEqual(k(shared));
      }
    }
  });

  it('reads one node by id as a batch of one would', async () => {
    const [id] = await idsOf('Meeting');
    const one = await store.nodes('Meeting', [id!]);
    const batch = await store.nodes('Meeting', [id!, 'meeting:nowhere:never']);
    expect(one).toHaveLength(1);
    expect(one).toEqual(batch);
    expect(await store.nodes('Meeting', [id!, id!])).toEqual([one[0], one[0]]);
    expect(await store.nodes('Meeting', ['meeting:nowhere:never'])).toEqual([]);
  });
});
