/**
 * GraphML of what is on screen (filters applied), readable by Gephi, yEd and networkx:
 * node type, label, date, position and colour; edge relation type, label, weight (its evidence
 * sentences) and first evidence. Gephi shows `label` and uses `weight`; for yEd's own labels use
 * `councilgraph export --format graphml-yed`.
 */
import type { ViewGraph } from './model.ts';
import { relLabel } from './palette.ts';

const escape = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

// XML 1.0 forbids most control characters; minutes pasted from PDFs do contain them.
const clean = (text: string): string => escape(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' '));

export function toGraphML(
  graph: ViewGraph,
  visibleNode: (id: string) => boolean,
  visibleEdge: (key: string) => boolean,
): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="date" for="node" attr.name="date" attr.type="string"/>',
    '  <key id="x" for="node" attr.name="x" attr.type="double"/>',
    '  <key id="y" for="node" attr.name="y" attr.type="double"/>',
    '  <key id="size" for="node" attr.name="size" attr.type="double"/>',
    '  <key id="color" for="node" attr.name="color" attr.type="string"/>',
    '  <key id="relation" for="edge" attr.name="relation" attr.type="string"/>',
    '  <key id="edge_label" for="edge" attr.name="label" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="evidence" for="edge" attr.name="evidence" attr.type="string"/>',
    '  <key id="source_document" for="edge" attr.name="source_document" attr.type="string"/>',
    '  <graph id="councilgraph" edgedefault="directed">',
  ];
  graph.forEachNode((id, a) => {
    if (!visibleNode(id)) return;
    out.push(`    <node id="${clean(id)}">`);
    out.push(`      <data key="label">${clean(a.fullLabel)}</data>`);
    out.push(`      <data key="type">${clean(a.nodeType)}</data>`);
    if (a.date) out.push(`      <data key="date">${clean(a.date)}</data>`);
    out.push(`      <data key="x">${a.x.toFixed(3)}</data>`);
    out.push(`      <data key="y">${a.y.toFixed(3)}</data>`);
    out.push(`      <data key="size">${a.size.toFixed(2)}</data>`);
    out.push(`      <data key="color">${a.color}</data>`);
    out.push('    </node>');
  });
  graph.forEachEdge((key, a, source, target) => {
    if (!visibleEdge(key) || !visibleNode(source) || !visibleNode(target)) return;
    out.push(`    <edge id="${clean(key)}" source="${clean(source)}" target="${clean(target)}">`);
    out.push(`      <data key="relation">${clean(a.relType)}</data>`);
    out.push(`      <data key="edge_label">${clean(relLabel(a.relType))}</data>`);
    out.push(`      <data key="weight">${Math.max(1, a.evidence.length)}</data>`);
    const ev = a.evidence[0];
    if (ev) {
      out.push(`      <data key="evidence">${clean(ev.sentence)}</data>`);
      out.push(`      <data key="source_document">${clean(ev.source)}</data>`);
    }
    out.push('    </edge>');
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
