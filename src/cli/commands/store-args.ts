/** The `--db PATH | --neo4j URI` pair the serving commands share. */
import { CliError } from '../errors.ts';

export const STORE_OPTIONS = {
  db: { type: 'string' },
  neo4j: { type: 'string' },
} as const;

export const STORE_USAGE = `  --db PATH     the embedded Kuzu store (default: $COUNCILGRAPH_DB or ./data)
  --neo4j URI   a Neo4j server instead (bolt://…; or NEO4J_URI, with NEO4J_USERNAME,
                NEO4J_PASSWORD, NEO4J_DATABASE)`;

export function storeOptions(values: { db?: string; neo4j?: string }): { db?: string; neo4j?: string } {
  if (values.db && values.neo4j) throw new CliError('give either --db or --neo4j, not both');
  return { ...(values.db ? { db: values.db } : {}), ...(values.neo4j ? { neo4j: values.neo4j } : {}) };
}

export function portArg(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(`--port must be a whole number from 0 to 65535 (got "${value}")`);
  }
  return port;
}
