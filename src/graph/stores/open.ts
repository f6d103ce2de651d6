/**
 * Picks and opens the store: Neo4j when a bolt URI is given (`--neo4j` or NEO4J_URI), else the
 * embedded Kuzu store at `--db`, COUNCILGRAPH_DB or ./data. Only `create` (ingest) makes a
 * store where there is none; `readOnly` opens Kuzu for reading beside other readers.
 */
import { resolve } from 'node:path';
import type { IngestStore } from '../store.ts';

export const DEFAULT_DB = './data';

export interface OpenOptions {
  db?: string;
  neo4j?: string;
}

export interface OpenMode {
  /** Make the embedded store (folder and database) when absent (default: true). */
  create?: boolean;
  readOnly?: boolean;
}

/** The embedded store's path for these options, or null when they name a Neo4j server. */
export function kuzuPath(options: OpenOptions, env: NodeJS.ProcessEnv = process.env): string | null {
  const uri = options.neo4j ?? (options.db ? undefined : env.NEO4J_URI);
  return uri ? null : resolve(options.db ?? env.COUNCILGRAPH_DB ?? DEFAULT_DB);
}

export function describeStore(options: OpenOptions, env: NodeJS.ProcessEnv = process.env): string {
  const uri = options.neo4j ?? env.NEO4J_URI;
  if (uri) return `Neo4j at ${uri}`;
  return `Kuzu at ${resolve(options.db ?? env.COUNCILGRAPH_DB ?? DEFAULT_DB)}`;
}

export async function openStore(options: OpenOptions = {}, env: NodeJS.ProcessEnv = process.env, mode: OpenMode = {}): Promise<IngestStore> {
  const uri = options.neo4j ?? (options.db ? undefined : env.NEO4J_URI);
  if (uri) {
    const { openNeo4jStore } = await import('./neo4j.ts');
    return openNeo4jStore({
      uri,
      username: env.NEO4J_USERNAME ?? (env.NEO4J_PASSWORD ? 'neo4j' : undefined),
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
    });
  }
  const { openKuzuStore } = await import('./kuzu.ts');
  return openKuzuStore(resolve(options.db ?? env.COUNCILGRAPH_DB ?? DEFAULT_DB), mode);
}
