/**
 * The graph as GraphML for Gephi and yEd. Every model property becomes a declared attribute
 * (lists joined with "; "). Nodes carry `label` (name or title); edges are one per relation
 * between two nodes, with `label` (the model's name for the relation) and `weight` (how many
 * evidence sentences state it), the first sentence's evidence, and the relation's properties
 * (distinct values joined with "; "). Gephi reads `label` and `weight` as such; yEd draws labels
 * only from its own graphics elements, so `graphml-yed` adds y:ShapeNode/y:NodeLabel (in the
 * dashboard's colour for the type) and y:PolyLineEdge/y:EdgeLabel.
 */
import { NODE_TYPES, NODE_TYPE_NAMES, REL_TYPES, REL_TYPE_NAMES, type GraphNode } from '../graph/model.ts';
import { EVIDENCE_PROPS } from '../graph/stores/schema.ts';
import type { Edge } from '../graph/store.ts';
import type { GraphDump } from './dump.ts';

function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export function nodeLabel(n: GraphNode): string {
  const p = n.props as Record<string, unknown>;
  return String(p.name ?? p.title ?? p.text ?? p.subject ?? p.id);
}

/** One edge per relation type between two nodes, in first-seen order, with every evidence in order. */
export function weightedEdges(edges: readonly Edge[]): { type: Edge['type']; from: string; to: string; evidence: Edge[] }[] {
  const groups = new Map<string, { type: Edge['type']; from: string; to: string; evidence: Edge[] }>();
  for (const e of edges) {
    const key = `${e.type}\u0000${e.from}\u0000${e.to}`;
    const g = groups.get(key) ?? groups.set(key, { type: e.type, from: e.from, to: e.to, evidence: [] }).get(key)!;
    g.evidence.push(e);
  }
  return [...groups.values()];
}

const YED_NS = 'xmlns:y="http://www.yworks.com/xml/graphml"';

export function toGraphml(graph: GraphDump, options: { yed?: boolean } = {}): string {
  const yed = options.yed ?? false;
  const nodeKeys = new Map<string, string>([['type', 'string'], ['label', 'string']]);
  for (const t of NODE_TYPE_NAMES) {
    for (const [name, type] of Object.entries(NODE_TYPES[t].props)) {
      if (name !== 'id') nodeKeys.set(name, type.startsWith('int') ? 'int' : type.startsWith('bool') ? 'boolean' : 'string');
    }
  }
  const edgeKeys = new Map<string, string>([['type', 'string'], ['label', 'string'], ['weight', 'double']]);
  for (const [name, type] of Object.entries(EVIDENCE_PROPS)) edgeKeys.set(name, type.startsWith('int') ? 'int' : 'string');
  for (const t of REL_TYPE_NAMES) for (const name of Object.keys(REL_TYPES[t].props)) edgeKeys.set(name, 'string');

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"${yed ? ` ${YED_NS}` : ''} xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
  ];
  for (const [name, type] of nodeKeys) out.push(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`);
  for (const [name, type] of edgeKeys) out.push(`  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`);
  if (yed) out.push('  <key id="n_graphics" for="node" yfiles.type="nodegraphics"/>', '  <key id="e_graphics" for="edge" yfiles.type="edgegraphics"/>');
  out.push('  <graph id="councilgraph" edgedefault="directed">');
  for (const n of graph.nodes) {
    const label = xml(nodeLabel(n));
    out.push(`    <node id="${xml(n.props.id)}">`);
    out.push(`      <data key="n_type">${xml(n.type)}</data>`);
    out.push(`      <data key="n_label">${label}</data>`);
    for (const [name, value] of Object.entries(n.props)) {
      if (name === 'id' || value === null || value === undefined) continue;
      const text = Array.isArray(value) ? value.join('; ') : String(value);
      if (Array.isArray(value) && value.length === 0) continue;
      out.push(`      <data key="n_${name}">${xml(text)}</data>`);
    }
    if (yed) {
      out.push(
        `      <data key="n_graphics"><y:ShapeNode><y:Geometry width="${Math.max(30, Math.min(240, label.length * 7))}" height="30"/>` +
          `<y:Fill color="${NODE_TYPES[n.type].dashboard.colour}"/><y:NodeLabel>${label}</y:NodeLabel><y:Shape type="roundrectangle"/></y:ShapeNode></data>`,
      );
    }
    out.push('    </node>');
  }
  weightedEdges(graph.edges).forEach((g, i) => {
    const first = g.evidence[0]!;
    const label = xml(REL_TYPES[g.type].dashboard.label);
    out.push(`    <edge id="e${i}" source="${xml(g.from)}" target="${xml(g.to)}">`);
    out.push(`      <data key="e_type">${xml(g.type)}</data>`);
    out.push(`      <data key="e_label">${label}</data>`);
    out.push(`      <data key="e_weight">${g.evidence.length}</data>`);
    for (const [name, value] of Object.entries(first.evidence)) {
      if (value === null || value === undefined) continue;
      out.push(`      <data key="e_${name}">${xml(String(value))}</data>`);
    }
    for (const name of Object.keys(REL_TYPES[g.type].props)) {
      const values = [...new Set(g.evidence.map((e) => e.props[name]).filter((v): v is string => v !== null && v !== undefined))];
      if (values.length) out.push(`      <data key="e_${name}">${xml(values.join('; '))}</data>`);
    }
    if (yed) out.push(`      <data key="e_graphics"><y:PolyLineEdge><y:Arrows source="none" target="standard"/><y:EdgeLabel>${label}</y:EdgeLabel></y:PolyLineEdge></data>`);
    out.push('    </edge>');
  });
  out.push('  </graph>', '</graphml>');
  return out.join('\n') + '\n';
}
