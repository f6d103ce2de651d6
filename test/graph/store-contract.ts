/**
 * The store contract: the same tests for every store. Kuzu runs them always (kuzu.test.ts);
 * Neo4j runs them against a real neo4j:5 container where a Docker engine answers (neo4j.test.ts).
 *
 * `open` returns a store on an empty database and a switch that makes the Nth statement of
 * the next write transaction fail, to prove a failing document leaves the store as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids } from '../../src/graph/ids.ts';
import { REL_TYPE_NAMES } from '../../src/graph/model.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { dumpGraph } from '../../src/export/dump.ts';
import { allDocuments, laterMeeting, printedMinutes, revised, webTable, otherCouncil } from '../fixtures/store/documents.ts';
import { buildAll } from './helpers.ts';

export interface ContractStore {
  store: GraphStore;
  /** Makes statement number `n` (1-based) of the next write transaction throw. */
  failNextWriteAt(n: number): void;
  cleanup(): Promise<void>;
}

export function storeContract(name: string, open: () => Promise<ContractStore>): void {
  describe(`${name} store contract`, () => {
    let s: ContractStore;
    let store: GraphStore;
    let graphs: Awaited<ReturnType<typeof buildAll>>;
    const helen = ids.person('northbridge', 'Helen Sweaton');
    const brent = ids.person('northbridge', 'Councillor Brent');

    beforeAll(async () => {
      graphs = await buildAll(allDocuments());
      s = await open();
      store = s.store;
    });
    afterAll(async () => {
      await s?.cleanup();
    });

    it('creates its schema idempotently', async () => {
      await store.init();
      await store.init();
      expect((await store.counts()).documents).toBe(0);
    });

    it('writes documents and merges what is shared', async () => {
      const results = [];
      for (const g of graphs) results.push(await store.writeDocument(g));
      expect(results.every((r) => r.changed)).toBe(true);
      expect(results[0]!.nodesAdded).toBeGreaterThan(10);
      const counts = await store.counts();
      expect(counts.documents).toBe(4);
      // The web table is the printed minutes' meeting: 3 meetings, not 4.
      expect(counts.nodes.Meeting).toBe(3);
      expect(counts.nodes.Item).toBe(3 + 1 + 1 + 1);
      // Helen (x2 councils), Brent (x2), Ismail, Bower, Cusworth, Cary-Anne.
      expect(counts.nodes.Person).toBe(8);
      expect(counts.relations.SOURCED_FROM).toBe(4);
      expect(await store.documentHash(graphs[0]!.doc.id)).toBe(graphs[0]!.doc.sha256);
    });

    it('answers "which items did Helen Sweaton present?" with evidence from every source', async () => {
      const rows = await store.related([helen], 'PRESENTED', 'out');
      const items = [...new Set(rows.map((r) => r.node.props.id))].sort();
      expect(items).toHaveLength(2);
      const docs = rows.map((r) => r.edge.evidence.doc).sort();
      expect(docs).toEqual(['doc:nb-2025-11-04.txt', 'doc:nb-2026-01-13.txt', 'doc:nb-web-table.txt']);
      const [person] = await store.nodes('Person', [helen]);
      expect(person!.name).toBe('Helen Sweaton');
      expect(person!.aliases).toContain('Helen Sweatton');
      const back = await store.related(items, 'PRESENTED', 'in');
      expect(new Set(back.map((r) => r.node.props.id))).toEqual(new Set([helen]));
      expect(back[0]!.edge.evidence.sentence).toMatch(/present/i);
    });

    it('reads nodes, lists with filters and pages, and follows relations both ways', async () => {
      const found = await store.list('Person', { search: 'sweatton', first: 10, offset: 0 });
      expect(found.map((p) => p.id)).toContain(helen);
      const meetings = await store.list('Meeting', { equals: { body: 'Improving Outcomes Select Commission' }, first: 10, offset: 0 });
      expect(meetings.map((m) => m.date)).toEqual(['2025-11-04', '2026-01-13']);
      const ranged = await store.list('Meeting', { range: { prop: 'date', from: '2025-11-10', to: '2025-12-31' }, first: 10, offset: 0 });
      expect(ranged.map((m) => m.date)).toEqual(['2025-11-20']);
      const page1 = await store.list('Person', { first: 3, offset: 0 });
      const page2 = await store.list('Person', { first: 3, offset: 3 });
      expect(page1).toHaveLength(3);
      expect(page2.map((p) => p.id)).not.toContain(page1[0]!.id);
      const chaired = await store.related([brent], 'CHAIRED', 'out');
      expect(chaired.map((r) => r.node.type)).toEqual(['Meeting', 'Meeting']);
      const items = await store.related([chaired[0]!.node.props.id], 'HAS_ITEM', 'out');
      expect(items.length).toBeGreaterThan(0);
      // Item numbers from the printed minutes survive the web table, which has none.
      const numbered = await store.nodes('Item', items.map((r) => r.node.props.id));
      expect(numbered.filter((i) => i.number !== null).length).toBeGreaterThan(0);
      const deferrals = await store.related(items.map((r) => r.node.props.id), 'DEFERRED_TO', 'out');
      const about = await store.related(items.map((r) => r.node.props.id), 'ABOUT', 'out');
      expect(new Set(about.map((r) => r.node.type)).size).toBeGreaterThan(0);
      expect(deferrals.every((d) => d.node.type === 'Deferral')).toBe(true);
      expect(await store.nodes('Person', ['person:nowhere:nobody'])).toEqual([]);
    });

    it('searches names, titles and aliases', async () => {
      const hits = await store.search('sweaton', 10);
      expect(hits.map((h) => h.node.props.id)).toContain(helen);
      const strategy = await store.search('sufficiency strategy', 10);
      expect(strategy.some((h) => h.node.type === 'Strategy' || h.node.type === 'Item')).toBe(true);
      expect(await store.search('   ', 10)).toEqual([]);
    });

    it('ranks what people type: any word order, stemmed, misspelt, half-typed', async () => {
      await store.refresh?.();
      const top = async (text: string) => {
        const [hit] = await store.search(text, 5);
        return hit ? `${hit.node.type}: ${(hit.node.props as { name?: string; title?: string }).name ?? (hit.node.props as { title?: string }).title}` : null;
      };
      const abuse = 'Strategy: Domestic Abuse and Sexual Offences/Abuse Strategy 2026-2029';
      const thresholds = 'Strategy: Thresholds of Needs document';
      expect(await top('domestic abuse strategy')).toBe(abuse);
      expect(await top('needs thresholds')).toBe(thresholds);
      expect(await top('threshold of need')).toBe(thresholds);
      // Misspelt words are matched against the words the store holds (one or two edits).
      expect(await top('domestic abuse stratgy')).toBe(abuse);
      expect(await top('thresholds of neds')).toBe(thresholds);
      expect(await top('sweatton')).toBe('Person: Helen Sweaton');
      // The last word as typed so far.
      expect(await top('thresh')).toBe(thresholds);
      expect(await store.search('zzzz qqqq', 5)).toEqual([]);
      expect(await store.search('"(*:)"', 5)).toEqual([]);
    });

    it('walks neighbourhoods and shortest paths', async () => {
      const around = await store.neighbourhood(helen, 1, null, 100);
      expect(around.nodes.map((n) => n.props.id)).toContain(helen);
      expect(around.edges.some((e) => e.type === 'PRESENTED' && e.from === helen)).toBe(true);
      const people = await store.neighbourhood(helen, 2, ['Person', 'Item', 'PRESENTED', 'ATTENDED_ITEM'], 100);
      expect(people.nodes.every((n) => ['Person', 'Item'].includes(n.type))).toBe(true);
      const limited = await store.neighbourhood(helen, 3, null, 5);
      expect(limited.nodes.length).toBeLessThanOrEqual(5);
      const path = await store.shortestPath(helen, brent, 4);
      expect(path).not.toBeNull();
      expect(path!.nodes[0]!.props.id === helen || path!.nodes.some((n) => n.props.id === helen)).toBe(true);
      expect(path!.nodes.some((n) => n.props.id === brent)).toBe(true);
      expect(path!.edges.length).toBeGreaterThanOrEqual(2);
      for (const e of path!.edges) expect(path!.nodes.map((n) => n.props.id)).toEqual(expect.arrayContaining([e.from, e.to]));
      const southmoorHelen = ids.person('southmoor', 'Helen Sweaton');
      expect(await store.shortestPath(helen, southmoorHelen, 4)).toBeNull();
    });

    it('keeps paths to the relation types asked for, ranks nodes by what they reach, pages newest first', async () => {
      const all = await store.shortestPath(helen, brent, 4);
      const used = new Set(all!.edges.map((e) => e.type));
      // Leaving out a type the path used either finds another way, without it, or none.
      const without = [...used][0]!;
      const other = await store.shortestPath(helen, brent, 4, REL_TYPE_NAMES.filter((t) => t !== without));
      if (other) expect(other.edges.map((e) => e.type)).not.toContain(without);
      expect(await store.shortestPath(helen, brent, 4, ['HAS_ITEM'])).toBeNull();

      const presenters = await store.ranked('Person', ['PRESENTED'], 'out', 3);
      expect(presenters[0]?.id).toBe(helen);
      expect(presenters[0]!.count).toBeGreaterThan(0);
      for (let i = 1; i < presenters.length; i++) expect(presenters[i]!.count).toBeLessThanOrEqual(presenters[i - 1]!.count);
      const bodies = await store.ranked('Body', ['HELD_BY'], 'in', 10);
      expect(bodies.length).toBeGreaterThan(0);
      expect(await store.ranked('Body', ['HELD_BY'], 'in', 0)).toEqual([]);

      const newest = await store.list('Meeting', { range: { prop: 'date', descending: true }, first: 100, offset: 0 });
      const dates = newest.map((m) => m.date);
      expect(dates.every((d) => d !== null)).toBe(true);
      expect([...dates].sort().reverse()).toEqual(dates);
    });

    it('is idempotent: writing the same documents again changes nothing', async () => {
      const before = await dumpGraph(store);
      for (const g of graphs) expect((await store.writeDocument(g)).changed).toBe(false);
      expect(await dumpGraph(store)).toEqual(before);
    });

    it('replaces exactly the facts of a changed document and drops unsupported entities', async () => {
      const before = await dumpGraph(store);
      const later = revised(laterMeeting(), (d) => {
        d.items[0]!.topics = [];
        d.items[0]!.presenters = [];
      });
      const [g] = await buildAll([later], allDocuments());
      const result = await store.writeDocument(g!);
      expect(result.changed).toBe(true);
      expect(result.relationsAdded).toBe(-2);
      const after = await dumpGraph(store);
      const removed = before.edges.filter((e) => !after.edges.some((a) => JSON.stringify(a) === JSON.stringify(e)));
      expect(removed.map((e) => e.type).sort()).toEqual(['ABOUT', 'PRESENTED']);
      expect(after.edges.length).toBe(before.edges.length - 2);
      // 'fostering' was only in that document's removed fact.
      expect(after.nodes.some((n) => n.props.id === ids.topic('fostering'))).toBe(false);
      // Other documents' facts are untouched.
      expect(after.edges.filter((e) => e.evidence.doc !== g!.doc.id)).toEqual(before.edges.filter((e) => e.evidence.doc !== g!.doc.id));
    });

    it('is atomic per document: a failure mid-write leaves the store as it was', async () => {
      const before = await dumpGraph(store);
      const printed = revised(printedMinutes(), (d) => {
        d.items = d.items.slice(0, 1);
      });
      const [g] = await buildAll([printed], allDocuments());
      s.failNextWriteAt(6);
      await expect(store.writeDocument(g!)).rejects.toThrow(/injected/);
      expect(await dumpGraph(store)).toEqual(before);
      expect(await store.documentHash(g!.doc.id)).toBe(printedMinutes().source.sha256);
      // And the next write goes through.
      expect((await store.writeDocument(g!)).changed).toBe(true);
    });

    it('writes groups of documents, each all or nothing', async () => {
      const before = await dumpGraph(store);
      const [a, b] = await buildAll(
        [
          revised(webTable(), (d) => (d.items = d.items.slice(0, 2))),
          revised(laterMeeting(), (d) => (d.items[0]!.title = 'Fostering Recruitment and Retention Update')),
        ],
        allDocuments(),
      );
      const broken = structuredClone(a!);
      broken.doc = { ...broken.doc, id: 'doc:broken.txt', path: 'broken.txt' };
      broken.relations.push({ type: 'PRESENTED', from: helen, to: 'item:nowhere:x', props: {}, evidence: broken.relations[0]!.evidence });
      // The group's transaction fails once: its documents are retried one transaction each.
      s.failNextWriteAt(3);
      const results = await store.writeDocuments!([a!, broken, b!]);
      expect(results[0]).not.toBeInstanceOf(Error);
      expect(results[1]).toBeInstanceOf(Error);
      expect(String(results[1])).toMatch(/broken\.txt.*item:nowhere:x/);
      expect(results[2]).not.toBeInstanceOf(Error);
      expect(await store.documentHash('doc:broken.txt')).toBeNull();
      const after = await dumpGraph(store);
      expect(after.nodes.some((n) => n.props.id.endsWith(':t-work-programme'))).toBe(false);
      expect(after.nodes.find((n) => n.type === 'Item' && n.props.id.includes('2026-01-13'))?.props).toMatchObject({
        title: 'Fostering Recruitment and Retention Update',
      });
      // Put the previous versions back for the tests that follow.
      const restore = await buildAll([webTable(), revised(laterMeeting(), (d) => {
        d.items[0]!.topics = [];
        d.items[0]!.presenters = [];
      })], allDocuments());
      for (const r of await store.writeDocuments!(restore)) expect(r).not.toBeInstanceOf(Error);
      expect((await dumpGraph(store)).edges).toEqual(before.edges);
    });

    it('removes a document and every entity only it supported', async () => {
      const doc = ids.document(otherCouncil().source.id);
      await store.removeDocument(doc);
      const after = await dumpGraph(store);
      expect(after.edges.some((e) => e.evidence.doc === doc)).toBe(false);
      expect(after.nodes.some((n) => n.props.id.startsWith('person:southmoor:'))).toBe(false);
      expect(await store.documentHash(doc)).toBeNull();
      await store.removeDocument(doc);
    });

    it('ends where a clean build of the same final documents ends', async () => {
      // Rewriting everything from an empty store with the final versions gives the same graph.
      const final = [
        revised(printedMinutes(), (d) => (d.items = d.items.slice(0, 1))),
        webTable(),
        revised(laterMeeting(), (d) => {
          d.items[0]!.topics = [];
          d.items[0]!.presenters = [];
        }),
      ];
      // The final versions, resolved as one set, written over what the store holds...
      const graphsOfFinal = await buildAll(final);
      for (const g of graphsOfFinal) await store.writeDocument(g);
      const current = await dumpGraph(store);
      // ...then everything removed and written again, in the other order.
      for (const g of graphsOfFinal) await store.removeDocument(g.doc.id);
      expect((await store.counts()).documents).toBe(0);
      expect((await dumpGraph(store)).nodes).toEqual([]);
      for (const g of [...graphsOfFinal].reverse()) await store.writeDocument(g);
      const rebuilt = await dumpGraph(store);
      expect(rebuilt.edges).toEqual(current.edges);
      expect(rebuilt.nodes).toEqual(current.nodes);
    });
  });
}

