/**
 * The graph as GraphML, which Gephi and yEd open directly. Every model property becomes a
 * declared attribute (lists joined with "; "); `label` holds the node's name or title, which
 * both tools show on the canvas.
 */
import { NODE_TYPES, NODE_TYPE_NAMES, REL_TYPES, REL_TYPE_NAMES, type GraphNode } from '../graph/model.ts';
import { EVIDENCE_PROPS } from '../graph/stores/schema.ts';
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

export function toGraphml(graph: GraphDump): string {
  const nodeKeys = new Map<string, string>([['type', 'string'], ['label', 'string']]);
  for (const t of NODE_TYPE_NAMES) {
    for (const [name, type] of Object.entries(NODE_TYPES[t].props)) {
      if (name !== 'id') nodeKeys.set(name, type.startsWith('int') ? 'int' : type.startsWith('bool') ? 'boolean' : 'string');
    }
  }
  const edgeKeys = new Map<string, string>([['type', 'string']]);
  for (const [name, type] of Object.entries(EVIDENCE_PROPS)) edgeKeys.set(name, type.startsWith('int') ? 'int' : 'string');
  for (const t of REL_TYPE_NAMES) for (const name of Object.keys(REL_TYPES[t].props)) edgeKeys.set(name, 'string');

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const [name, type] of nodeKeys) out.push(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>`);
  for (const [name, type] of edgeKeys) out.push(`  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>`);
  out.push('  <graph id="councilgraph" edgedefault="directed">');
  for (const n of graph.nodes) {
    out.push(`    <node id="${xml(n.props.id)}">`);
    out.push(`      <data key="n_type">${xml(n.type)}</data>`);
    out.push(`      <data key="n_label">${xml(nodeLabel(n))}</data>`);
    for (const [name, value] of Object.entries(n.props)) {
      if (name === 'id' || value === null || value === undefined) continue;
      const text = Array.isArray(value) ? value.join('; ') : String(value);
      if (Array.isArray(value) && value.length === 0) continue;
      out.push(`      <data key="n_${name}">${xml(text)}</data>`);
    }
    out.push('    </node>');
  }
  graph.edges.forEach((e, i) => {
    out.push(`    <edge id="e${i}" source="${xml(e.from)}" target="${xml(e.to)}">`);
    out.push(`      <data key="e_type">${xml(e.type)}</data>`);
    const values: Record<string, unknown> = { ...e.evidence, ...e.props };
    for (const [name, value] of Object.entries(values)) {
      if (value === null || value === undefined) continue;
      out.push(`      <data key="e_${name}">${xml(String(value))}</data>`);
    }
    out.push('    </edge>');
  });
  out.push('  </graph>', '</graphml>');
  return out.join('\n') + '\n';
}
