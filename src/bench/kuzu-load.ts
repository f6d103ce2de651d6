/**
 * Kuzu's own load time for the graph an ingest wrote: the floor `bench:ingest` compares the
 * ingest with. Every node and relation of the store (its bookkeeping columns, lookup keys and
 * key links included: what the ingest itself writes) is read out, then loaded into a fresh
 * database with the same schema twice, each timed on its own:
 *
 * - `COPY FROM` CSV files (one per node table, one per relation table and pair of ends), written
 *   beforehand (not timed). Kuzu's CSV reader splits a list of strings at every comma, quoted or
 *   not (the claims lists hold JSON), so list columns travel as their JSON text, in a copy of the
 *   schema where they are STRING: the same bytes, one column type apart;
 * - one transaction of `UNWIND $rows … CREATE` statements (nodes, then relations whose ends are
 *   matched by id), the rows in memory beforehand (not timed).
 *
 * It runs in a process of its own (`tsx src/bench/kuzu-load.ts STORE_DIR WORK_DIR`, printing one
 * JSON line) so its memory is not counted in the ingest's peak.
 */
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { KuzuRunner } from '../graph/stores/kuzu.ts';
import { loadStatements } from '../graph/stores/queries.ts';
import type { Row } from '../graph/stores/runner.ts';

export interface KuzuLoad {
  nodes: number;
  relations: number;
  /** Seconds for the COPY FROM CSV load (null when Kuzu refused it; see `errors`). */
  csv: number | null;
  /** Seconds for the one-transaction UNWIND load. */
  unwind: number | null;
  errors: string[];
}

interface Table {
  name: string;
  kind: 'node' | 'rel';
  /** Relation tables: the (from, to) node tables it joins. */
  pairs: [string, string][];
  /** Columns in declared order (for relations, after the from and to ids), with Kuzu types. */
  columns: [string, string][];
}

/** The store's own tables, read from the schema the store is made with (cypher/kuzu/schema.cypher). */
export function schemaTables(): { tables: Table[]; statements: string[] } {
  const statements = loadStatements('kuzu', 'schema');
  const tables: Table[] = [];
  for (const s of statements) {
    const m = /^CREATE (NODE|REL) TABLE IF NOT EXISTS `(\w+)`\((.*)\)$/s.exec(s);
    if (!m) continue;
    const [, kind, name, body] = m as unknown as [string, string, string, string];
    const pairs: [string, string][] = [];
    const columns: [string, string][] = [];
    for (const part of body.split(/,\s*(?![^(]*\))/)) {
      const p = part.trim();
      const pair = /^FROM `(\w+)` TO `(\w+)`$/.exec(p);
      if (pair) pairs.push([pair[1]!, pair[2]!]);
      else if (/^PRIMARY KEY/.test(p)) continue;
      else {
        const col = /^`(\w+)` (.+)$/.exec(p);
        if (col) columns.push([col[1]!, col[2]!]);
      }
    }
    tables.push({ name, kind: kind === 'NODE' ? 'node' : 'rel', pairs, columns });
  }
  // StoreInfo is the store's one row of versioning, not part of the graph.
  return { tables: tables.filter((t) => t.name !== 'StoreInfo'), statements };
}

const q = (name: string) => `\`${name}\``;

export async function kuzuOwnLoad(storeDir: string, work: string): Promise<KuzuLoad> {
  const { tables, statements } = schemaTables();
  const csvDir = join(work, 'csv');
  mkdirSync(csvDir, { recursive: true });
  const errors: string[] = [];

  // Read out: CSV files by Kuzu's COPY TO, and the rows for UNWIND.
  const source = await KuzuRunner.open(storeDir, { create: false });
  const nodeRows = new Map<string, Row[]>();
  const relRows = new Map<string, Row[]>();
  const files: { table: Table; file: string; rows: number; pair?: [string, string] }[] = [];
  let nodes = 0;
  let relations = 0;
  for (const t of tables) {
    if (t.kind === 'node') {
      const cols = t.columns.map(([c]) => `n.${q(c)} AS ${q(c)}`).join(', ');
      const read = `MATCH (n:${q(t.name)}) RETURN ${cols}`;
      const rows = await source.run(read);
      nodes += rows.length;
      nodeRows.set(t.name, rows);
      const file = join(csvDir, `${t.name}.csv`);
      await writeCsv(file, rows, t.columns.map(([c]) => c));
      files.push({ table: t, file, rows: rows.length });
    } else {
      for (const [from, to] of t.pairs) {
        const cols = ['a.id AS src', 'b.id AS dst', ...t.columns.map(([c]) => `r.${q(c)} AS ${q(c)}`)].join(', ');
        const read = `MATCH (a:${q(from)})-[r:${q(t.name)}]->(b:${q(to)}) RETURN ${cols}`;
        const rows = await source.run(read);
        relations += rows.length;
        relRows.set(`${t.name}|${from}|${to}`, rows);
        const file = join(csvDir, `${t.name}-${from}-${to}.csv`);
        await writeCsv(file, rows, ['src', 'dst', ...t.columns.map(([c]) => c)]);
        files.push({ table: t, file, rows: rows.length, pair: [from, to] });
      }
    }
  }
  await source.close();

  const fresh = async (name: string, lists: 'lists' | 'json' = 'lists'): Promise<KuzuRunner> => {
    const dir = join(work, name);
    rmSync(dir, { recursive: true, force: true });
    const runner = await KuzuRunner.open(dir);
    await runner.schema(lists === 'lists' ? statements : statements.map((st) => st.replace(/ STRING\[\]/g, ' STRING')));
    return runner;
  };

  // COPY FROM CSV: node tables first, then relations (their ends must exist).
  let csv: number | null = null;
  {
    const runner = await fresh('by-copy', 'json');
    try {
      const t0 = performance.now();
      // One transaction (one checkpoint at its commit, as the ingest's own COPY pays), empty files left out.
      await runner.write(async (tx) => {
        for (const { table, file, pair, rows } of [...files.filter((f) => !f.pair), ...files.filter((f) => f.pair)]) {
          if (rows === 0) continue;
          const options = ['HEADER=false', 'PARALLEL=false', ...(pair ? [`from='${pair[0]}'`, `to='${pair[1]}'`] : [])].join(', ');
          await tx.run(`COPY ${q(table.name)} FROM '${file}' (${options})`);
        }
      });
      csv = (performance.now() - t0) / 1000;
    } catch (err) {
      errors.push(`COPY FROM CSV: ${(err as Error).message}`);
    }
    await runner.close();
  }

  // One transaction of UNWIND … CREATE, parameters in lists of CHUNK rows.
  let unwind: number | null = null;
  {
    const runner = await fresh('by-unwind');
    const CHUNK = 5000;
    try {
      const t0 = performance.now();
      await runner.write(async (tx) => {
        for (const t of tables.filter((x) => x.kind === 'node')) {
          const props = t.columns.map(([c, type]) => `${q(c)}: CAST(row.${q(c)} AS ${type})`).join(', ');
          const statement = `UNWIND $rows AS row CREATE (n:${q(t.name)} {${props}})`;
          const rows = nodeRows.get(t.name) ?? [];
          for (let i = 0; i < rows.length; i += CHUNK) await tx.run(statement, { rows: rows.slice(i, i + CHUNK) });
        }
        for (const t of tables.filter((x) => x.kind === 'rel')) {
          for (const [from, to] of t.pairs) {
            const props = t.columns.map(([c, type]) => `${q(c)}: CAST(row.${q(c)} AS ${type})`).join(', ');
            const statement = `UNWIND $rows AS row MATCH (a:${q(from)} {id: row.src}) MATCH (b:${q(to)} {id: row.dst}) CREATE (a)-[:${q(t.name)} {${props}}]->(b)`;
            const rows = relRows.get(`${t.name}|${from}|${to}`) ?? [];
            for (let i = 0; i < rows.length; i += CHUNK) await tx.run(statement, { rows: rows.slice(i, i + CHUNK) });
          }
        }
      });
      unwind = (performance.now() - t0) / 1000;
    } catch (err) {
      errors.push(`UNWIND: ${(err as Error).message}`);
    }
    await runner.close();
  }

  // Both loads hold what was read out (a load that silently dropped rows would look fast).
  for (const name of ['by-copy', 'by-unwind']) {
    const runner = await KuzuRunner.open(join(work, name), { create: false });
    let n = 0;
    let r = 0;
    for (const t of tables) {
      if (t.kind === 'node') n += Number((await runner.run(`MATCH (n:${q(t.name)}) RETURN count(*) AS c`))[0]?.c ?? 0);
      else r += Number((await runner.run(`MATCH ()-[x:${q(t.name)}]->() RETURN count(*) AS c`))[0]?.c ?? 0);
    }
    await runner.close();
    if (n !== nodes || r !== relations) {
      errors.push(`${name}: loaded ${n} nodes and ${r} relations of ${nodes} and ${relations}`);
      if (name === 'by-copy') csv = null;
      else unwind = null;
    }
  }
  return { nodes, relations, csv, unwind, errors };
}

/** RFC 4180 fields, every value quoted (texts hold commas, quotes and newlines); null is an empty field; lists are JSON. */
async function writeCsv(file: string, rows: Row[], columns: string[]): Promise<void> {
  const out = createWriteStream(file);
  const field = (v: unknown) => (v === null || v === undefined ? '' : `"${(typeof v === 'string' ? v : JSON.stringify(v)).replace(/"/g, '""')}"`);
  for (const row of rows) {
    if (!out.write(`${columns.map((c) => field(row[c])).join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [storeDir, work] = process.argv.slice(2);
  if (!storeDir || !work) {
    console.error('usage: tsx src/bench/kuzu-load.ts STORE_DIR WORK_DIR (the store is left as it was; WORK_DIR is written)');
    process.exit(2);
  }
  const result = await kuzuOwnLoad(storeDir, work);
  console.log(JSON.stringify(result));
}
