/**
 * Exports of a small graph: JSON node/edge list, GraphML (well-formed, every node and edge,
 * declared attributes), and a Cypher script that Neo4j's own linter accepts statement by
 * statement, whose literals survive hostile text.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportGraph } from '../../src/export/export.ts';
import { literal } from '../../src/export/cypher.ts';
import { dumpGraph, type GraphDump } from '../../src/export/dump.ts';
import { NODE_TYPE_NAMES, REL_TYPE_NAMES } from '../../src/graph/model.ts';
import { openStore } from '../../src/graph/stores/open.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { allDocuments } from '../fixtures/store/documents.ts';
import { buildAll, tempDir, writeAll } from '../graph/helpers.ts';

const require = createRequire(import.meta.url);
const { lintCypherQuery, testData } = require('@neo4j-cypher/language-support') as typeof import('@neo4j-cypher/language-support');

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

  it('writes GraphML that Gephi and yEd can read', async () => {
    const xml = await exportGraph(store, 'graphml');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    const root = parse(xml, { lowerCaseTagName: false });
    const nodes = root.querySelectorAll('node');
    const edges = root.querySelectorAll('edge');
    expect(nodes).toHaveLength(graph.nodes.length);
    expect(edges).toHaveLength(graph.edges.length);
    const keys = new Set(root.querySelectorAll('key').map((k) => k.getAttribute('id')));
    for (const d of root.querySelectorAll('data')) expect(keys.has(d.getAttribute('key'))).toBe(true);
    const ids = new Set(nodes.map((n) => n.getAttribute('id')));
    for (const e of edges) expect(ids.has(e.getAttribute('source')) && ids.has(e.getAttribute('target'))).toBe(true);
    expect(xml).toContain('&lt;b&gt;&amp;amp;&lt;/b&gt;');
    expect(xml).not.toContain('<b>');
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
    for (const format of ['json', 'graphml', 'cypher'] as const) {
      expect(await exportGraph(other, format)).toBe(await exportGraph(store, format));
    }
    await other.close();
  });
});
