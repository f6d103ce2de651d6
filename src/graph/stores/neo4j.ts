/**
 * The production store: Neo4j through neo4j-driver. Only the connection lives here; the
 * logic is CypherStore's and the dialect is cypher/neo4j/.
 */
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { CypherStore } from './cypher-store.ts';
import type { Params, Row, Runner, Tx, Value } from './runner.ts';

export interface Neo4jOptions {
  uri: string;
  username?: string;
  password?: string;
  database?: string;
}

function normalise(v: unknown): Value {
  if (v === null || v === undefined) return null;
  if (neo4j.isInt(v)) return (v as { toNumber(): number }).toNumber();
  if (Array.isArray(v)) return v.map(normalise);
  if (v instanceof neo4j.types.Node) {
    return { kind: 'node', ref: v.elementId, label: v.labels[0] ?? '', props: normaliseProps(v.properties) };
  }
  if (v instanceof neo4j.types.Relationship) {
    return { kind: 'rel', type: v.type, start: v.startNodeElementId, end: v.endNodeElementId, props: normaliseProps(v.properties) };
  }
  if (typeof v === 'object') return normaliseProps(v as Record<string, unknown>) as Value;
  return v as Value;
}

function normaliseProps(o: Record<string, unknown>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const [k, val] of Object.entries(o)) out[k] = normalise(val);
  return out;
}

/** Integers travel as Neo4j integers, so SKIP/LIMIT and spans are INTEGER, not FLOAT. */
function toNeo4j(v: unknown): unknown {
  if (typeof v === 'number' && Number.isInteger(v)) return neo4j.int(v);
  if (Array.isArray(v)) return v.map(toNeo4j);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toNeo4j(x)]));
  return v;
}

export class Neo4jRunner implements Runner {
  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
  ) {}

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({ database: this.database, defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE });
  }

  async run(statement: string, params: Params = {}): Promise<Row[]> {
    const session = this.session('READ');
    try {
      const result = await session.executeRead((tx) => tx.run(statement, toNeo4j(params) as Params));
      return result.records.map((r) => Object.fromEntries(r.keys.map((k) => [String(k), normalise(r.get(k))])));
    } finally {
      await session.close();
    }
  }

  async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite((tx: ManagedTransaction) =>
        work({
          run: async (statement, params = {}) => {
            const result = await tx.run(statement, toNeo4j(params) as Params);
            return result.records.map((r) => Object.fromEntries(r.keys.map((k) => [String(k), normalise(r.get(k))])));
          },
        }),
      );
    } finally {
      await session.close();
    }
  }

  async schema(statements: string[]): Promise<void> {
    const session = this.session('WRITE');
    try {
      for (const s of statements) await session.run(s);
    } finally {
      await session.close();
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}

export async function openNeo4jStore(options: Neo4jOptions): Promise<CypherStore> {
  const store = new CypherStore('neo4j', await connectNeo4j(options));
  await store.init();
  return store;
}

export async function connectNeo4j(options: Neo4jOptions): Promise<Neo4jRunner> {
  const auth =
    options.username !== undefined ? neo4j.auth.basic(options.username, options.password ?? '') : undefined;
  const driver = neo4j.driver(options.uri, auth);
  try {
    await driver.verifyConnectivity({ database: options.database });
  } catch (err) {
    await driver.close();
    throw new Error(
      `could not reach Neo4j at ${options.uri}: ${(err as Error).message}. ` +
        'Check that the server is up (docker compose up neo4j) and NEO4J_USERNAME/NEO4J_PASSWORD.',
      { cause: err },
    );
  }
  return new Neo4jRunner(driver, options.database);
}
