import { extractDocument } from '../../src/pipeline.ts';
import type { ResolvedDocument } from '../../src/resolve/types.ts';

/** Runs the whole pipeline on a text of our own. */
export function run(text: string, id = 'sample.txt'): ResolvedDocument {
  return extractDocument({ id, path: id, text, sha256: '0', format: 'text', warnings: [] });
}

export function nameOf(doc: ResolvedDocument, key: string): string {
  return doc.people.find((p) => p.key === key)?.name ?? `?${key}`;
}

export function itemNamed(doc: ResolvedDocument, title: RegExp) {
  const item = doc.items.find((i) => title.test(i.title));
  if (!item) throw new Error(`no item ${title} in ${doc.items.map((i) => i.title).join(' | ')}`);
  const names = (refs: { person: string }[]) => refs.map((r) => nameOf(doc, r.person));
  return {
    item,
    attendees: names(item.attendees),
    presenters: names(item.presenters),
    introducers: names(item.introducers),
    requests: item.requests.map((r) => r.text),
    deferrals: item.deferrals.map((d) => [d.subject, d.to]),
    strategies: item.strategies.map((s) => s.name),
  };
}
