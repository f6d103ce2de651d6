/**
 * The floor `npm run bench:api` measures councilgraph against: graphql-js `execute` over the
 * same graph held as plain objects (each node with arrays of its edges by relation type), behind
 * node:http, with resolvers for the bench's six questions that do the same per-request work as
 * the API's (the same ordering, de-duplication and paging), and nothing else: no protection, no
 * limits, no loaders, no store. Each distinct query text is parsed and validated once.
 *
 *   tsx src/bench/floor.ts (--db PATH | --neo4j URI) [--port 0]
 *
 * Prints `floor POST http://…/graphql` when it listens, then serves until killed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSchema, execute, parse, validate, type DocumentNode, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { loadTypeDefs } from '../api/server.ts';
import { labelOf } from '../api/resolvers/shared.ts';
import { SearchIndex } from '../graph/memory/search.ts';
import { GraphSnapshot } from '../graph/memory/snapshot.ts';
import { NODE_TYPES, REL_TYPE_NAMES, type Evidence, type GraphNode, type NodeType, type RelType } from '../graph/model.ts';
import { openStore } from '../graph/stores/open.ts';

interface PlainEdge {
  type: RelType;
  from: PlainNode;
  to: PlainNode;
  props: Record<string, string | null>;
  evidence: Evidence;
}

interface PlainNode {
  type: NodeType;
  props: Record<string, unknown> & { id: string };
  out: Partial<Record<RelType, PlainEdge[]>>;
  in: Partial<Record<RelType, PlainEdge[]>>;
}

export interface PlainGraph {
  byId: Map<string, PlainNode>;
  byName: Map<string, PlainNode>;
  all: PlainNode[];
}

/** The snapshot's graph as plain objects. */
export function plainGraph(g: GraphSnapshot): PlainGraph {
  const all: PlainNode[] = g.nodes.map((n) => ({ type: n.type, props: { ...(n.props as Record<string, unknown>), id: n.props.id }, out: {}, in: {} }));
  const byId = new Map(all.map((n) => [n.props.id, n]));
  for (let i = 0; i < all.length; i++) {
    for (const e of g.allEdgesOf(i, 'out')) {
      const edge = g.edge(e);
      const from = all[g.source(e)]!;
      const to = all[g.target(e)]!;
      const plain: PlainEdge = { type: edge.type, from, to, props: edge.props, evidence: edge.evidence };
      (from.out[edge.type] ??= []).push(plain);
      (to.in[edge.type] ??= []).push(plain);
    }
  }
  const byName = new Map<string, PlainNode>();
  for (const n of [...all].sort((a, b) => (a.props.id < b.props.id ? -1 : 1))) {
    if (n.type !== 'Person') continue;
    for (const name of [n.props.name as string, ...((n.props.aliases as string[]) ?? [])]) {
      const key = name.toLowerCase();
      if (!byName.has(key)) byName.set(key, n);
    }
  }
  return { byId, byName, all };
}

const dates = (a: string | null | undefined, b: string | null | undefined): number => {
  if (a === b) return 0;
  if (a == null) return 1;
  if (b == null) return -1;
  return a < b ? -1 : 1;
};
const byIdOrder = (a: PlainNode, b: PlainNode) => (a.props.id < b.props.id ? -1 : a.props.id > b.props.id ? 1 : 0);

function far(n: PlainNode, rel: RelType, dir: 'out' | 'in', type?: NodeType): PlainNode[] {
  const seen = new Set<string>();
  const out: PlainNode[] = [];
  for (const e of n[dir][rel] ?? []) {
    const o = dir === 'out' ? e.to : e.from;
    if ((type && o.type !== type) || seen.has(o.props.id)) continue;
    seen.add(o.props.id);
    out.push(o);
  }
  return out;
}

function sortedByName(list: PlainNode[]): PlainNode[] {
  return list.sort((a, b) => (a.props.name as string).localeCompare(b.props.name as string) || byIdOrder(a, b));
}

function uniqueById(list: PlainNode[]): PlainNode[] {
  const seen = new Set<string>();
  return list.filter((n) => !seen.has(n.props.id) && (seen.add(n.props.id), true));
}

function resolvers(g: PlainGraph) {
  const words = new SearchIndex(g.all as unknown as GraphNode[]);
  const byPlace = (a: PlainNode, b: PlainNode) => (a.props.ordinal as number) - (b.props.ordinal as number) || byIdOrder(a, b);
  const meetingOf = (item: PlainNode) => g.byId.get(item.props.meeting as string) ?? far(item, 'HAS_ITEM', 'in', 'Meeting')[0] ?? null;
  const bodyOf = (m: PlainNode | null) => (m ? (far(m, 'HELD_BY', 'out', 'Body')[0] ?? null) : null);
  const byMeetingDate = (a: PlainNode, b: PlainNode) =>
    dates(meetingOf(a)?.props.date as string | null, meetingOf(b)?.props.date as string | null) ||
    ((a.props.meeting as string) < (b.props.meeting as string) ? -1 : (a.props.meeting as string) > (b.props.meeting as string) ? 1 : 0) ||
    byPlace(a, b);
  const page = <T>(list: T[], args: { first?: number; offset?: number }) => list.slice(args.offset ?? 0, (args.offset ?? 0) + (args.first ?? 100));
  const prop = (k: string) => (n: PlainNode) => n.props[k] ?? null;
  const subgraph = (nodes: PlainNode[], edges: PlainEdge[], limit: number) => ({
    nodes: nodes.map((n) => ({ id: n.props.id, type: n.type, label: labelOf(n.type, n.props) })),
    edges: edges.map((e) => ({ type: e.type, from: e.from.props.id, to: e.to.props.id })),
    truncated: nodes.length >= limit,
  });
  return {
    Query: {
      person: (_: unknown, a: { name: string }) => g.byName.get(a.name.trim().toLowerCase()) ?? null,
      meeting: (_: unknown, a: { id: string }) => g.byId.get(a.id) ?? null,
      strategy: (_: unknown, a: { id: string }) => g.byId.get(a.id) ?? null,
      neighbourhood: (_: unknown, a: { id: string; depth?: number }) => {
        const limit = 500;
        const start = g.byId.get(a.id);
        if (!start) return subgraph([], [], limit);
        const nodes = new Map([[start.props.id, start]]);
        const edges = new Set<PlainEdge>();
        let frontier = [start];
        for (let d = 0; d < (a.depth ?? 1) && frontier.length && nodes.size < limit; d++) {
          const next: PlainNode[] = [];
          for (const n of frontier) {
            for (const dir of ['out', 'in'] as const) {
              for (const rel of REL_TYPE_NAMES) {
                for (const e of n[dir][rel] ?? []) {
                  const o = dir === 'out' ? e.to : e.from;
                  if (!nodes.has(o.props.id)) {
                    if (nodes.size >= limit) continue;
                    nodes.set(o.props.id, o);
                    next.push(o);
                  }
                  edges.add(e);
                }
              }
            }
          }
          frontier = next;
        }
        return subgraph([...nodes.values()], [...edges], limit);
      },
      path: (_: unknown, a: { from: string; to: string; maxHops?: number }) => {
        const start = g.byId.get(a.from);
        const end = g.byId.get(a.to);
        if (!start || !end) return null;
        const via = new Map<PlainNode, PlainEdge | null>([[start, null]]);
        let frontier = [start];
        for (let hop = 0; hop < (a.maxHops ?? 4) && frontier.length && !via.has(end); hop++) {
          const next: PlainNode[] = [];
          for (const n of frontier) {
            for (const dir of ['out', 'in'] as const) {
              for (const rel of REL_TYPE_NAMES) {
                for (const e of n[dir][rel] ?? []) {
                  const o = dir === 'out' ? e.to : e.from;
                  if (via.has(o)) continue;
                  via.set(o, e);
                  next.push(o);
                }
              }
            }
          }
          frontier = next;
        }
        if (!via.has(end)) return null;
        const nodes: PlainNode[] = [];
        const edges: PlainEdge[] = [];
        for (let n: PlainNode = end; ; ) {
          nodes.unshift(n);
          const e = via.get(n);
          if (!e) break;
          edges.unshift(e);
          n = e.from === n ? e.to : e.from;
        }
        return subgraph(nodes, edges, Infinity);
      },
      // The same word index and ranking as the server's in-memory index (src/graph/memory/search.ts).
      search: (_: unknown, a: { text: string; first?: number }) =>
        words.search(a.text, a.first ?? 20).map((h) => ({ id: h.node.props.id, type: h.node.type, label: labelOf(h.node.type, h.node.props as Record<string, unknown>), score: h.score })),
    },
    Person: {
      name: prop('name'),
      presented: (p: PlainNode, a: { first?: number; offset?: number }) => page(far(p, 'PRESENTED', 'out', 'Item').sort(byMeetingDate), a),
    },
    Item: {
      number: prop('number'),
      title: prop('title'),
      meeting: meetingOf,
      presenters: (i: PlainNode) => sortedByName(far(i, 'PRESENTED', 'in', 'Person')),
    },
    Meeting: {
      date: prop('date'),
      title: prop('title'),
      body: bodyOf,
      chair: (m: PlainNode) => sortedByName(far(m, 'CHAIRED', 'in', 'Person'))[0] ?? null,
      attendees: (m: PlainNode) => {
        const items = far(m, 'HAS_ITEM', 'out', 'Item').sort(byPlace);
        const fromItems = sortedByName(items.flatMap((i) => uniqueById((['ATTENDED_ITEM', 'PRESENTED', 'INTRODUCED'] as const).flatMap((r) => far(i, r, 'in', 'Person')))));
        return uniqueById([...sortedByName(far(m, 'CHAIRED', 'in', 'Person')), ...sortedByName(far(m, 'ATTENDED', 'in', 'Person')), ...fromItems]);
      },
      items: (m: PlainNode) => far(m, 'HAS_ITEM', 'out', 'Item').sort(byPlace),
    },
    Body: { name: prop('name') },
    Strategy: {
      name: prop('name'),
      history: (s: PlainNode, a: { first?: number; offset?: number }) => {
        const events: { date: string | null; kind: string; meeting: PlainNode | null; item: PlainNode | null; body: PlainNode | null }[] = [];
        for (const item of far(s, 'ABOUT', 'in', 'Item').sort(byMeetingDate)) {
          const meeting = meetingOf(item);
          events.push({ date: (meeting?.props.date as string | null) ?? null, kind: 'DISCUSSED', meeting, item, body: bodyOf(meeting) });
        }
        for (const body of far(s, 'APPROVED_BY', 'out')) {
          const date = (s.out.APPROVED_BY ?? []).filter((e) => e.to === body).map((e) => e.props.date).find((d) => d) ?? null;
          events.push({ date, kind: 'APPROVED', meeting: null, item: null, body });
        }
        const ordered = events.map((e, i) => ({ e, i })).sort((x, y) => dates(x.e.date, y.e.date) || x.i - y.i).map((x) => x.e);
        return page(ordered, a);
      },
    },
  };
}

export function floorSchema(g: PlainGraph): GraphQLSchema {
  const schema = buildSchema(loadTypeDefs());
  for (const [typeName, fields] of Object.entries(resolvers(g))) {
    const type = schema.getType(typeName) as GraphQLObjectType;
    for (const [field, resolve] of Object.entries(fields)) type.getFields()[field]!.resolve = resolve as never;
  }
  return schema;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, neo4j: { type: 'string' }, port: { type: 'string', default: '0' } } });
  const t0 = performance.now();
  const store = await openStore(values.neo4j ? { neo4j: values.neo4j } : { db: values.db });
  const snapshot = await GraphSnapshot.build(store);
  await store.close();
  const graph = plainGraph(snapshot);
  const schema = floorSchema(graph);
  const documents = new Map<string, DocumentNode>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const { query, variables } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query: string; variables?: Record<string, unknown> };
      let document = documents.get(query);
      if (!document) {
        document = parse(query);
        const errors = validate(schema, document);
        if (errors.length) {
          res.writeHead(400, { 'content-type': 'application/json' });
          return res.end(JSON.stringify({ errors }));
        }
        documents.set(query, document);
      }
      const result = execute({ schema, document, variableValues: variables ?? {} });
      const send = (r: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(r));
      };
      if (result instanceof Promise) result.then(send, (err: Error) => send({ errors: [{ message: err.message }] }));
      else send(result);
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(Number(values.port), '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  console.log(`floor: ${graph.all.length} nodes as plain objects, loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`floor POST http://127.0.0.1:${port}/graphql`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) await main();
