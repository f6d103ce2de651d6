/** GraphML export: well-formed, escaped, and exactly the visible part of the view. */
import { describe, expect, it } from 'vitest';
import { toGraphML } from '../../src/dashboard/graph/graphml.ts';
import { createGraph, mergeSubgraph } from '../../src/dashboard/graph/model.ts';

const ev = (sentence: string) => [
  { sentence, source: 'minutes <draft>.txt', sourceId: 'doc:1', url: null, format: 'text', start: 0, end: sentence.length, page: null, item: null, meeting: null },
];

function sample() {
  const g = createGraph();
  mergeSubgraph(
    g,
    {
      nodes: [
        { id: 'person:a', type: 'Person', label: 'Cllr O’Brien & “Sons”', date: null },
        { id: 'meeting:m', type: 'Meeting', label: 'Cabinet', date: '2025-01-02' },
        { id: 'item:i', type: 'Item', label: 'Budget <2025>', date: null },
      ],
      edges: [
        { key: 'person:a|CHAIRED|meeting:m', type: 'CHAIRED', from: 'person:a', to: 'meeting:m', evidence: ev('Cllr O’Brien in the Chair.\u0007') },
        { key: 'meeting:m|HAS_ITEM|item:i', type: 'HAS_ITEM', from: 'meeting:m', to: 'item:i', evidence: ev('1. Budget') },
      ],
    },
    'person:a',
  );
  return g;
}

describe('toGraphML', () => {
  it('writes every visible node and edge, escaped, with type, label, date and evidence', () => {
    const xml = toGraphML(sample(), () => true, () => true);
    expect(xml.match(/<node /g)).toHaveLength(3);
    expect(xml.match(/<edge /g)).toHaveLength(2);
    expect(xml).toContain('<data key="label">Cllr O’Brien &amp; “Sons”</data>');
    expect(xml).toContain('<data key="label">Budget &lt;2025&gt;</data>');
    expect(xml).toContain('<data key="date">2025-01-02</data>');
    expect(xml).toContain('<data key="edge_label">chaired</data>');
    expect(xml).toContain('<data key="weight">1</data>');
    expect(xml).toContain('<data key="source_document">minutes &lt;draft&gt;.txt</data>');
    expect(xml).not.toMatch(/\u0007/);
    expect(new DOMParserLike(xml).ok).toBe(true);
  });

  it('leaves out filtered nodes and the edges that touch them', () => {
    const xml = toGraphML(sample(), (id) => id !== 'item:i', () => true);
    expect(xml.match(/<node /g)).toHaveLength(2);
    expect(xml.match(/<edge /g)).toHaveLength(1);
    expect(xml).not.toContain('item:i');
  });
});

/** Minimal well-formedness check (tags balance), as Node has no DOMParser. */
class DOMParserLike {
  ok: boolean;
  constructor(xml: string) {
    const stack: string[] = [];
    let ok = true;
    for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
      if (m[3]) continue;
      if (m[1]) ok &&= stack.pop() === m[2];
      else stack.push(m[2]!);
    }
    this.ok = ok && stack.length === 0 && !/&(?!amp;|lt;|gt;|quot;|apos;)/.test(xml);
  }
}
