/**
 * The consistency check every opening of a store runs, and the repair it makes.
 *
 * A document is in the store only with all of its facts: its Document node records how many it
 * has (`facts`), and is written in the same transaction as they are. The one way a committed
 * transaction can lose facts is Kuzu's COPY (which bulk writes use): COPY's rows are not in the
 * write-ahead log, they become durable when the checkpoint that follows the commit completes, and
 * a process killed between the commit and the end of that checkpoint comes back with every node
 * and update of the transaction (they are in the log) but none of the copied relations. Such a
 * transaction is marked (`StoreInfo.pending`, and `Document.batch` on its documents), in the log.
 *
 * The cheap check (always): the documents' fact counts add up to the relations stored, and no
 * bulk write is pending. Otherwise the full check: facts counted per document; a document with
 * fewer than it should have is rebuilt in place from the extraction and resolution stored with it
 * (so its file need not be at hand), with exactly the facts, key links and claims it was written
 * with; relations of no stored document, and nodes that no relation supports, are removed.
 */
import { buildDocumentGraph } from '../build.ts';
import { correctGraph, CORRECTIONS_DOC, type CorrectionSet } from '../corrections.ts';
import { storedCorrections } from '../stored-corrections.ts';
import { REL_TYPE_NAMES, NODE_TYPE_NAMES } from '../model.ts';
import type { DocumentWrite, IngestStore, VerifyReport } from '../store.ts';
import { forBuilder, type Resolution } from '../../resolve/corpus.ts';
import type { ResolvedDocument } from '../../resolve/types.ts';
import type { Dialect } from './dialect.ts';
import { unpack } from './pack.ts';
import { labelQuery, query, typeQuery } from './queries.ts';
import type { Runner } from './runner.ts';

export async function verifyStore(kind: Dialect, runner: Runner, store: IngestStore): Promise<VerifyReport> {
  const report: VerifyReport = { rebuilt: [], dropped: [], orphans: 0, full: false, damaged: false };
  const info = (await runner.run(query(kind, 'store-info')))[0];
  const pending = (info?.pending as string | null) ?? null;
  const claimed = Number((await runner.run(query(kind, 'sum-facts')))[0]?.facts ?? 0);
  let stored = 0;
  for (const type of REL_TYPE_NAMES) stored += Number((await runner.run(typeQuery(kind, 'count-relations', type)))[0]?.c ?? 0);
  if (!pending && claimed === stored) return report;

  report.full = true;
  const actual = new Map<string, number>();
  for (const type of REL_TYPE_NAMES) {
    for (const row of await runner.run(typeQuery(kind, 'count-facts', type))) {
      actual.set(String(row.doc), (actual.get(String(row.doc)) ?? 0) + Number(row.c));
    }
  }
  const docs = await store.storedDocuments();
  const known = new Set(docs.map((d) => d.id));
  const incomplete = docs.filter((d) => (actual.get(d.id) ?? 0) !== (d.facts ?? 0));
  if (kind === 'kuzu' && (incomplete.length > 0 || [...actual.keys()].some((d) => !known.has(d)))) {
    // Kuzu's recovery of a transaction whose bulk copy was lost is not to be trusted beyond the
    // copied rows: relations of other documents can be missing too, and deleted ones come back
    // once others are inserted. The store is rebuilt whole from its documents (see kuzu.ts).
    report.damaged = true;
    report.rebuilt = incomplete.map((d) => d.id);
    return report;
  }
  // Facts of no stored document (a document removed by hand, a pre-marker write): removed.
  const stray = [...actual.keys()].filter((d) => !known.has(d));
  for (const type of REL_TYPE_NAMES) {
    for (let i = 0; i < stray.length; i += 500) {
      await runner.write((tx) => tx.run(`MATCH ()-[r:\`${type}\`]->() WHERE r.doc IN $docs DELETE r`, { docs: stray.slice(i, i + 500) }));
    }
  }
  const rebuildable = incomplete.filter((d) => d.rebuildable);
  for (let i = 0; i < rebuildable.length; i += 200) {
    const part = rebuildable.slice(i, i + 200);
    const writes = await rebuild(store, part.map((d) => d.id));
    await store.commit(writes, [], { force: true });
    report.rebuilt.push(...writes.map((w) => w.graph.doc.id));
  }
  const unrebuildable = incomplete.filter((d) => !d.rebuildable);
  if (unrebuildable.length) {
    // Without its extraction a document cannot be rebuilt: it goes, and its file's next ingest
    // brings it back.
    await store.commit([], unrebuildable.map((d) => d.id), { force: true });
    report.dropped.push(...unrebuildable.map((d) => ({ id: d.id, path: d.path })));
  }
  for (const type of NODE_TYPE_NAMES) {
    if (type === 'Document') continue;
    const orphans = (await runner.run(labelQuery(kind, 'find-orphans', type))).map((r) => String(r.id));
    for (let i = 0; i < orphans.length; i += 1000) {
      await runner.write((tx) => tx.run(labelQuery(kind, 'delete-nodes', type), { ids: orphans.slice(i, i + 1000) }));
    }
    report.orphans += orphans.length;
  }
  if (pending) await runner.write((tx) => tx.run(query(kind, 'set-pending'), { pending: null }));
  return report;
}

/**
 * Writes every document of `from` into `to` (an empty store), rebuilt from what is stored with
 * it, in groups: the whole graph, claims, keys and tallies follow from the documents.
 */
export async function copyDocuments(from: IngestStore, to: IngestStore, group = 1000): Promise<number> {
  const docs = (await from.storedDocuments()).filter((d) => d.rebuildable);
  for (let i = 0; i < docs.length; i += group) {
    await to.commit(await rebuild(from, docs.slice(i, i + group).map((d) => d.id)), []);
  }
  return docs.length;
}

/** Rebuilds documents' writes from what is stored with them (extraction, resolution, keys). */
export async function rebuild(store: IngestStore, ids: string[], set?: CorrectionSet | null): Promise<DocumentWrite[]> {
  const extractions = await store.extractions(ids);
  const metas = new Map((await store.documents(ids)).map((d) => [d.id, d]));
  const out: DocumentWrite[] = [];
  // Documents are rebuilt with the corrections the store holds, and the corrections document as stored.
  const corrections = await storedCorrections(store);
  const applied = set === undefined ? (corrections?.set ?? null) : set;
  for (const x of extractions) {
    if (x.id === CORRECTIONS_DOC) {
      if (set === undefined && corrections && x.extraction) out.push({ graph: corrections.graph, meta: { summary: '', resolution: '', extraction: x.extraction, council: '', meeting: '', keys: [], tallies: [] } });
      continue;
    }
    const meta = metas.get(x.id);
    if (!x.extraction || !x.resolution || !meta) continue;
    const doc = unpack<ResolvedDocument>(x.extraction);
    const resolution = JSON.parse(x.resolution) as Resolution;
    const graph = correctGraph(buildDocumentGraph(doc, forBuilder(doc, resolution)).graph, applied);
    out.push({
      graph,
      text: x.text,
      meta: {
        summary: JSON.stringify(meta.summary),
        resolution: x.resolution,
        extraction: x.extraction,
        council: resolution.council,
        meeting: resolution.meetingId,
        keys: meta.keys,
        tallies: meta.tallies,
      },
    });
  }
  return out;
}
