/**
 * Popolo export: every record valid against the Popolo JSON schemas (draft-03, checked with
 * jsonschema, which reads draft-03), the civic-data content a Popolo user looks for, and a
 * lossless round trip (Popolo back into our graph equals our own JSON export), on the fixture
 * store and on the real seeds.
 *
 * The Popolo schemas are the Popolo project's, not ours: they are read from ../shared/popolo/schemas
 * (or POPOLO_SCHEMAS) and the schema checks skip, saying so, where they are absent.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Validator, type Schema } from 'jsonschema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpGraph, sortDump, type GraphDump } from '../../src/export/dump.ts';
import { toJson } from '../../src/export/json.ts';
import { fromPopolo, honorificPrefix, toPopolo } from '../../src/export/popolo.ts';
import { REL_TYPES, type RelType } from '../../src/graph/model.ts';
import { openStore } from '../../src/graph/stores/open.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { allDocuments } from '../fixtures/store/documents.ts';
import { tempDir, writeAll } from '../graph/helpers.ts';

const SCHEMAS = process.env.POPOLO_SCHEMAS ?? fileURLToPath(new URL('../../../shared/popolo/schemas/', import.meta.url));
const haveSchemas = existsSync(join(SCHEMAS, 'person.json'));
if (!haveSchemas) console.warn(`popolo.test: Popolo JSON schemas not found at ${SCHEMAS} (set POPOLO_SCHEMAS); schema validation skipped`);
const SEEDS = fileURLToPath(new URL('../../../shared/corpus/seeds/', import.meta.url));
const haveSeeds = existsSync(SEEDS);
if (!haveSeeds) console.warn(`popolo.test: ${SEEDS} absent; the round trip on the seeds is skipped`);

type Json = Record<string, unknown>;

function validator(): Validator {
  const v = new Validator();
  for (const f of readdirSync(SCHEMAS).filter((n) => n.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(join(SCHEMAS, f), 'utf8')) as Schema;
    v.addSchema(schema, (schema as { id: string }).id);
  }
  return v;
}

/** Every Popolo record of the export against its schema: the errors, as "section[i].path: message". */
function popoloErrors(doc: Json): string[] {
  const v = validator();
  const schemaOf: Record<string, string> = { persons: 'person', organizations: 'organization', posts: 'post', memberships: 'membership', events: 'event' };
  const errors: string[] = [];
  for (const [section, name] of Object.entries(schemaOf)) {
    const schema = v.schemas[`http://www.popoloproject.com/schemas/${name}.json#`];
    expect(schema, `${name}.json loaded`).toBeDefined();
    (doc[section] as Json[]).forEach((rec, i) => {
      for (const e of v.validate(rec, schema!, { nestedErrors: true }).errors) errors.push(`${section}[${i}]${e.property.slice('instance'.length)}: ${e.message}`);
    });
  }
  return errors;
}

/** Our JSON export of a graph, parsed: what the round trip must give back. */
const ours = (g: GraphDump) => JSON.parse(toJson(sortDump(g))) as unknown;

const dir = tempDir('councilgraph-popolo-');
let store: GraphStore;
let graph: GraphDump;
let popolo: Json;

beforeAll(async () => {
  store = await openStore({ db: join(dir.path, 'store') }, {});
  await writeAll(store, allDocuments());
  graph = await dumpGraph(store);
  popolo = JSON.parse(JSON.stringify(toPopolo(graph))) as Json;
});
afterAll(async () => {
  await store.close();
  dir.remove();
});

describe('Popolo export', () => {
  it.skipIf(!haveSchemas)('validates against the Popolo JSON schemas', () => {
    expect(popoloErrors(popolo)).toEqual([]);
  });

  it('re-imports losslessly into our own JSON export', () => {
    expect(ours(fromPopolo(popolo))).toStrictEqual(ours(graph));
  });

  it('persons carry other names, the honorific and our id; organisations their classification', () => {
    const persons = popolo.persons as Json[];
    const helen = persons.find((p) => p.name === 'Helen Sweaton')!;
    expect(helen.other_names).toEqual([{ name: 'Helen Sweatton', note: 'alias' }]);
    expect(helen.identifiers).toEqual([{ scheme: 'councilgraph', identifier: helen.id }]);
    expect(persons.length).toBe(graph.nodes.filter((n) => n.type === 'Person').length);
    expect(honorificPrefix('Cllr Jane Smith', [])).toBe('Cllr');
    expect(honorificPrefix('Jane Smith', ['Councillor Jane Smith'])).toBe('Councillor');
    expect(honorificPrefix('Dr. Amir Khan', [])).toBe('Dr.');
    expect(honorificPrefix('Drew Barry', [])).toBeNull();
    for (const o of popolo.organizations as Json[]) expect(['council', 'committee', 'board', 'panel', 'service', 'partner', 'other']).toContain(o.classification);
  });

  it('posts belong to their body; memberships run from first to last seen; committee membership from attendance', () => {
    const posts = popolo.posts as Json[];
    const memberships = popolo.memberships as Json[];
    const holds = graph.edges.filter((e) => e.type === 'HOLDS_ROLE');
    const postMemberships = memberships.filter((m) => m.post_id);
    expect(postMemberships.length).toBe(new Set(holds.map((e) => `${e.from}|${e.to}`)).size);
    for (const m of postMemberships) {
      const seen = holds.filter((e) => e.from === m.person_id && e.to === m.post_id).map((e) => e.props.seen).filter(Boolean).sort();
      expect([m.start_date, m.end_date]).toEqual([seen[0] ?? null, seen.at(-1) ?? null]);
      const post = posts.find((p) => p.id === m.post_id)!;
      expect(m.organization_id).toBe(post.organization_id);
      expect(m.role).toBe(post.label);
    }
    const of = graph.edges.filter((e) => e.type === 'OF');
    for (const e of of) expect(posts.find((p) => p.id === e.from)!.organization_id).toBe(e.to);

    const attended = graph.edges.filter((e) => e.type === 'ATTENDED');
    const heldBy = new Map(graph.edges.filter((e) => e.type === 'HELD_BY').map((e) => [e.from, e.to]));
    const committee = memberships.filter((m) => m.role === 'member');
    expect(committee.length).toBeGreaterThan(0);
    for (const m of committee) {
      const meetings = attended.filter((e) => e.from === m.person_id && heldBy.get(e.to) === m.organization_id).map((e) => e.to);
      expect(meetings.length).toBeGreaterThan(0);
      const dates = meetings.map((id) => graph.nodes.find((n) => n.props.id === id)!.props as { date: string | null }).map((p) => p.date).filter(Boolean).sort();
      expect([m.start_date, m.end_date]).toEqual([dates[0] ?? null, dates.at(-1) ?? null]);
      expect(m.derived_from).toBe('ATTENDED');
    }
  });

  it('events are OCD-style: participants with their role, agenda with presenters and decisions', () => {
    const events = popolo.events as Json[];
    expect(events.length).toBe(graph.nodes.filter((n) => n.type === 'Meeting').length);
    const notes = new Set(events.flatMap((e) => ((e.participants ?? []) as Json[]).map((p) => p.note)));
    for (const n of ['chair', 'present', 'apologies', 'host']) expect(notes).toContain(n);
    const agenda = events.flatMap((e) => (e.agenda ?? []) as Json[]);
    expect(agenda.length).toBe(graph.nodes.filter((n) => n.type === 'Item').length);
    const presented = graph.edges.find((e) => e.type === 'PRESENTED')!;
    const item = agenda.find((a) => a.id === presented.to)!;
    expect((item.related_entities as Json[]).find((r) => r.relation === 'PRESENTED' && r.entity_id === presented.from)).toMatchObject({ entity_type: 'person', note: REL_TYPES.PRESENTED.dashboard.label });
    const decided = graph.edges.filter((e) => e.type === 'DECIDED_IN');
    const decisions = agenda.flatMap((a) => (a.decisions ?? []) as Json[]);
    expect(decisions.length).toBe(new Set(decided.map((e) => e.from)).size);
    for (const e of events) {
      expect(e.organization_id).toBe(heldByOf(e.id as string));
      for (const a of (e.agenda ?? []) as Json[]) expect(a.order).toEqual(expect.any(Number));
    }
  });

  it('every record carries its sources: the documents it was read from, by relative path', () => {
    const paths = new Set(graph.nodes.filter((n) => n.type === 'Document').map((n) => (n.props as { path: string }).path));
    const records = ['persons', 'organizations', 'posts', 'memberships', 'events'].flatMap((s) => popolo[s] as Json[]);
    const withAgenda = [...records, ...(popolo.events as Json[]).flatMap((e) => (e.agenda ?? []) as Json[])];
    for (const r of withAgenda) {
      const sources = r.sources as { url: string; note: string }[];
      expect(sources.length, `${r.id} has sources`).toBeGreaterThan(0);
      for (const s of sources) {
        expect(paths.has(s.note)).toBe(true);
        expect(s.url).toBe(`file:${encodeURI(s.note)}`);
      }
    }
  });

  it('places every relation type the graph holds where the import finds it', () => {
    const types = new Set(graph.edges.map((e) => e.type));
    const back = new Set(fromPopolo(popolo).edges.map((e) => e.type));
    expect([...back].sort()).toEqual([...types].sort());
    expect(popolo.relations, 'every relation has a record to sit on').toBeUndefined();
    expect(Object.keys(REL_TYPES).filter((t) => !types.has(t as RelType)).length).toBeLessThan(Object.keys(REL_TYPES).length);
  });
});

function heldByOf(meeting: string): string | null {
  return graph.edges.find((e) => e.type === 'HELD_BY' && e.from === meeting)?.to ?? null;
}

describe('Popolo export of the seeds', () => {
  it.skipIf(!haveSeeds)(`validates and re-imports losslessly${haveSeeds ? '' : ' (skipped: ../shared/corpus/seeds absent)'}`, async () => {
    const seeds = await openStore({ db: join(dir.path, 'seeds') }, {});
    try {
      const summary = await ingestPaths(seeds, [SEEDS], { root: join(SEEDS, '..') });
      expect(summary.failures).toEqual([]);
      const g = await dumpGraph(seeds);
      const doc = JSON.parse(JSON.stringify(toPopolo(g))) as Json;
      expect((doc.persons as Json[]).length).toBeGreaterThan(10);
      expect((doc.events as Json[]).length).toBeGreaterThan(0);
      if (haveSchemas) expect(popoloErrors(doc)).toEqual([]);
      expect(ours(fromPopolo(doc))).toStrictEqual(ours(g));
    } finally {
      await seeds.close();
    }
  }, 240_000);
});
