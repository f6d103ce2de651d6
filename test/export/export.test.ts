/**
 * Exports of a small graph: JSON node/edge list, GraphML read by a real XML parser (every node,
 * one weighted, labelled edge per relation between two nodes, declared attributes; yEd's
 * graphics), and a Cypher script that Neo4j's own linter accepts statement by statement, whose
 * literals survive hostile text.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/export.ts';
import { literal } from '../../src/export/cypher.ts';
import { dumpGraph, type GraphDump } from '../../src/export/dump.ts';
import { NODE_TYPES, NODE_TYPE_NAMES, REL_TYPES, REL_TYPE_NAMES, type NodeType, type RelType } from '../../src/graph/model.ts';
import { openStore } from '../../src/graph/stores/open.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { allDocuments } from '../fixtures/store/documents.ts';
import { buildAll, tempDir, writeAll } from '../graph/helpers.ts';

const require = createRequire(import.meta.url);
const { lintCypherQuery, testData } = require('@neo4j-cypher/language-support') as typeof import('@neo4j-cypher/language-support');

type XmlEl = Record<string, string> & { data: (Record<string, unknown> & { '@_key': string; '#text'?: unknown })[] };
interface GraphmlRoot extends Record<string, unknown> {
  key: Record<string, string>[];
  graph: { node: XmlEl[]; edge: XmlEl[] };
}

/** GraphML read by a real XML parser, lists kept as lists. */
function parseGraphml(text: string): GraphmlRoot {
  const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['key', 'node', 'edge', 'data'].includes(name) });
  return (parser.parse(text) as { graphml: GraphmlRoot }).graphml;
}

const dir = tempDir('councilgraph-export-');
let store: GraphStore;
let graph: GraphDump;

beforeAll(async () => {
  store = await openStore({ db: join(dir.path, 'store') }, {});
  const docs = allDocuments();
  // Text that would break a naively quoted literal or XML.
  docs[0]!.items[1]!.requests[0]!.text = 'a "quoted" \\ back\'slash <b>&amp;</b>\nnew line';
  await writeAll(store, docs);
  graph = await dumpGraph(store);
});
afterAll(async () => {
  await store.close();
  dir.remove();
});

describe('export', () => {
  it('writes a JSON node/edge list', async () => {
    const json = JSON.parse(await exportGraph(store, 'json'));
    expect(json.nodes).toHaveLength(graph.nodes.length);
    expect(json.edges).toHaveLength(graph.edges.length);
    const ids = new Set(json.nodes.map((n: { id: string }) => n.id));
    for (const e of json.edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(e.evidence.doc).toMatch(/^doc:/);
    }
    expect(json.nodes.find((n: { type: string; name?: string }) => n.type === 'Person' && n.name === 'Helen Sweaton').aliases).toContain('Helen Sweatton');
  });

  it('writes GraphML that Gephi reads with node and edge labels and evidence-count weights', async () => {
    const text = await exportGraph(store, 'graphml');
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(XMLValidator.validate(text)).toBe(true);
    const root = parseGraphml(text);
    const keys = new Map(root.key.map((k) => [k['@_id'], k]));
    const declared = (k: string, forWhat: string, type: string) => expect(keys.get(k)).toMatchObject({ '@_for': forWhat, '@_attr.name': k.slice(2), '@_attr.type': type });
    declared('n_label', 'node', 'string');
    declared('e_label', 'edge', 'string');
    declared('e_weight', 'edge', 'double');
    const nodes = root.graph.node;
    const edges = root.graph.edge;
    expect(nodes).toHaveLength(graph.nodes.length);
    for (const el of [...nodes, ...edges]) for (const d of el.data) expect(keys.has(d['@_key']), d['@_key']).toBe(true);
    const data = (el: XmlEl, key: string) => el.data.find((d) => d['@_key'] === key)?.['#text'];
    for (const n of nodes) expect(String(data(n, 'n_label') ?? '')).not.toBe('');
    // One edge per relation between two nodes, weighted by its evidence: the weights add up to every evidence.
    const groups = new Set(graph.edges.map((e) => `${e.type}|${e.from}|${e.to}`));
    expect(edges).toHaveLength(groups.size);
    expect(edges.reduce((sum, e) => sum + Number(data(e, 'e_weight')), 0)).toBe(graph.edges.length);
    for (const e of edges) {
      const type = data(e, 'e_type') as RelType;
      expect(data(e, 'e_label')).toBe(REL_TYPES[type].dashboard.label);
      const count = graph.edges.filter((g) => g.type === type && g.from === e['@_source'] && g.to === e['@_target']).length;
      expect(Number(data(e, 'e_weight'))).toBe(count);
    }
    const ids = new Set(nodes.map((n) => n['@_id']));
    for (const e of edges) expect(ids.has(e['@_source']) && ids.has(e['@_target'])).toBe(true);
    expect(text).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;');
    expect(text).not.toContain('<b>');
  });

  it('writes GraphML for yEd with y:ShapeNode/y:NodeLabel and edge labels', async () => {
    const text = await exportGraph(store, 'graphml-yed');
    expect(XMLValidator.validate(text)).toBe(true);
    const root = parseGraphml(text);
    expect(root['@_xmlns:y']).toBe('http://www.yworks.com/xml/graphml');
    expect(root.key.find((k) => k['@_yfiles.type'] === 'nodegraphics')?.['@_for']).toBe('node');
    expect(root.key.find((k) => k['@_yfiles.type'] === 'edgegraphics')?.['@_for']).toBe('edge');
    for (const n of root.graph.node) {
      const label = n.data.find((d) => d['@_key'] === 'n_label')!['#text'];
      const shape = n.data.find((d) => d['@_key'] === 'n_graphics')!['y:ShapeNode'] as Record<string, unknown>;
      expect(String(shape['y:NodeLabel'])).toBe(String(label));
      const type = n.data.find((d) => d['@_key'] === 'n_type')!['#text'] as NodeType;
      expect((shape['y:Fill'] as Record<string, string>)['@_color']).toBe(NODE_TYPES[type].dashboard.colour);
    }
    for (const e of root.graph.edge) {
      const line = e.data.find((d) => d['@_key'] === 'e_graphics')!['y:PolyLineEdge'] as Record<string, unknown>;
      expect(line['y:EdgeLabel']).toBe(e.data.find((d) => d['@_key'] === 'e_label')!['#text']);
    }
  });

  it('writes a Cypher script whose every statement lints clean for Neo4j', async () => {
    const script = await exportGraph(store, 'cypher');
    const statements = script
      .split(/;\n/)
      .map((s) => s.replace(/^\/\/.*$/gm, '').trim())
      .filter(Boolean);
    expect(statements.some((s) => s.startsWith('CREATE CONSTRAINT'))).toBe(true);
    expect(statements.filter((s) => s.includes('MERGE (n:')).length).toBeGreaterThanOrEqual(NODE_TYPE_NAMES.length - 1);
    for (const s of statements) {
      const diagnostics = lintCypherQuery(s, {
        labels: NODE_TYPE_NAMES,
        relationshipTypes: REL_TYPE_NAMES,
        functions: testData.mockSchema.functions,
        procedures: testData.mockSchema.procedures,
      });
      expect(diagnostics.map((d) => d.message), s.slice(0, 200)).toEqual([]);
    }
    const edgeRows = (script.match(/`src`: /g) ?? []).length;
    expect(edgeRows).toBe(graph.edges.length);
  });

  it('quotes literals so text cannot escape them', () => {
    expect(literal('a "b" \\ c\'d\ne')).toBe('"a \\"b\\" \\\\ c\'d\\ne"');
    expect(literal({ 'we`ird': [1, null] })).toBe('{`weird`: [1, null]}');
  });
});

describe('export is deterministic', () => {
  it('two stores holding the same graph, written in different orders, export the same bytes', async () => {
    const other = await openStore({ db: join(dir.path, 'other') }, {});
    const docs = allDocuments();
    docs[0]!.items[1]!.requests[0]!.text = 'a "quoted" \\ back\'slash <b>&amp;</b>\nnew line';
    const graphs = await buildAll(docs);
    for (const g of [...graphs].reverse()) await other.writeDocument(g);
    for (const format of ['json', 'graphml', 'graphml-yed', 'cypher', 'popolo'] as const) {
      expect(await exportGraph(other, format)).toBe(await exportGraph(store, format));
    }
    await other.close();
  });
});
