/**
 * The store records which version of the graph model wrote it (a fingerprint of the schema the
 * model generates) and the format of councilgraph's own bookkeeping. Opening a store:
 *
 * - empty: the schema is created and the version recorded;
 * - same version: nothing to do;
 * - an older model whose tables and columns the current one only adds to (a new relation, a new
 *   property): migrated in place (new tables created, new columns added) and the new version
 *   recorded; documents written before keep their facts until they are re-ingested, which the
 *   next ingest of their files does by itself (each document records the model it was built with);
 * - anything else (a store from before stores recorded their version, a column whose type changed,
 *   a newer councilgraph's store): refused, saying exactly what to do.
 */
import { createHash } from 'node:crypto';
import { KEY_SCHEME } from '../../resolve/corpus.ts';
import { kuzuSchema } from './schema.ts';
import { loadStatements, query } from './queries.ts';
import type { Dialect } from './dialect.ts';
import type { Runner } from './runner.ts';

/** The format of councilgraph's bookkeeping (document ids, claims, keys). 1 = before issue 11. */
export const STORE_FORMAT = 2;

/** The model's version: a fingerprint of the schema it generates and of the lookup keys' scheme (both stores follow one model). */
export const MODEL_VERSION = createHash('sha256').update(kuzuSchema()).update(`keys ${KEY_SCHEME}`).digest('hex').slice(0, 16);

export class StoreVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreVersionError';
  }
}

interface Info {
  model: string;
  version: number;
}

async function readInfo(runner: Runner): Promise<Info | null | 'no-table'> {
  try {
    const rows = await runner.run(query('kuzu', 'store-info'));
    const row = rows[0];
    return row ? { model: String(row.model), version: Number(row.version) } : null;
  } catch (err) {
    if (/StoreInfo/i.test((err as Error).message)) return 'no-table';
    throw err;
  }
}

async function oldDocuments(runner: Runner): Promise<string[] | null> {
  try {
    const rows = await runner.run('MATCH (d:Document) RETURN d.path AS path ORDER BY d.path LIMIT 11');
    return rows.map((r) => String(r.path));
  } catch {
    return null;
  }
}

export async function openSchema(dialect: Dialect, runner: Runner): Promise<void> {
  const info = await readInfo(runner);
  if (info === 'no-table' || info === null) {
    const docs = await oldDocuments(runner);
    if (docs && docs.length > 0) {
      throw new StoreVersionError(
        'this store was written by an earlier councilgraph, from before stores recorded their version ' +
          '(its documents are known by bare file name, and it lacks what crash repair and removal need), so it ' +
          'cannot be migrated in place. Re-ingest into a new store from the source files, e.g. ' +
          '`councilgraph ingest --db NEW_PATH --root DIR <folders>` (then use NEW_PATH, or move it into place). ' +
          `Its documents came from: ${docs.slice(0, 10).join(', ')}${docs.length > 10 ? ', …' : ''}.`,
      );
    }
    await runner.schema(loadStatements(dialect, 'schema'));
    await record(dialect, runner);
    return;
  }
  if (info.version > STORE_FORMAT) {
    throw new StoreVersionError(
      `this store was written by a newer councilgraph (store format ${info.version}; this one reads format ${STORE_FORMAT}). ` +
        'Upgrade councilgraph, or re-ingest the source files into a new store with --db NEW_PATH.',
    );
  }
  if (info.model === MODEL_VERSION && info.version === STORE_FORMAT) return;
  if (dialect === 'kuzu') await migrateKuzu(runner, info);
  await runner.schema(loadStatements(dialect, 'schema'));
  await record(dialect, runner);
}

async function record(dialect: Dialect, runner: Runner): Promise<void> {
  await runner.write((tx) =>
    tx.run(query(dialect, 'set-store-info'), { model: MODEL_VERSION, version: STORE_FORMAT, pending: null, written: `councilgraph store format ${STORE_FORMAT}` }),
  );
}

/** Columns of the current schema, by table, from its CREATE statements. */
function wantedColumns(): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const statement of loadStatements('kuzu', 'schema')) {
    const m = /^CREATE (?:NODE|REL) TABLE IF NOT EXISTS `([^`]+)`\((.*)\)$/.exec(statement);
    if (!m) continue;
    const cols = new Map<string, string>();
    for (const part of m[2]!.split(/,\s*(?![^()]*\))/)) {
      const col = /^`([^`]+)` (\S+)$/.exec(part.trim());
      if (col) cols.set(col[1]!, col[2]!);
    }
    out.set(m[1]!, cols);
  }
  return out;
}

/** Adds the tables and columns the current model has and the store lacks; refuses other changes. */
async function migrateKuzu(runner: Runner, info: Info): Promise<void> {
  const wanted = wantedColumns();
  const alters: string[] = [];
  for (const [table, cols] of wanted) {
    let have: Map<string, string>;
    try {
      const rows = await runner.run(`CALL table_info('${table}') RETURN *`);
      have = new Map(rows.map((r) => [String(r.name), String(r.type)]));
    } catch {
      continue; // A new table: the schema statements create it.
    }
    for (const [name, type] of cols) {
      const current = have.get(name);
      if (current === undefined) alters.push(`ALTER TABLE \`${table}\` ADD \`${name}\` ${type}`);
      else if (current !== type) {
        throw new StoreVersionError(
          `this store was written by another version of the graph model (${info.model}; this councilgraph has ${MODEL_VERSION}) ` +
            `in which ${table}.${name} is ${current}, not ${type}, so it cannot be migrated in place. ` +
            'Re-ingest the source files into a new store: `councilgraph ingest --db NEW_PATH --root DIR <folders>`.',
        );
      }
    }
  }
  if (alters.length) await runner.schema(alters);
}
