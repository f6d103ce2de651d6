/**
 * `councilgraph query '<graphql>'`: one GraphQL operation against the store, no server, the
 * response JSON on stdout. Same schema, resolvers and limits as the HTTP API.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { silentLogger } from '../../api/logger.ts';
import { createApi } from '../../api/server.ts';
import { CliError } from '../errors.ts';
import type { Command } from '../main.ts';
import { openFor } from './open-store.ts';
import { STORE_OPTIONS, STORE_USAGE, storeOptions } from './store-args.ts';

const USAGE = "councilgraph query [--db PATH | --neo4j URI] '<graphql>' [--variables JSON] [--operation NAME] [--max-cost N | --unlimited]";

/** The cost limit for this run: the server's by default; the operator's own tool may raise or drop it. */
function maxCost(values: { 'max-cost'?: string; unlimited?: boolean }): number | null | undefined {
  if (values.unlimited && values['max-cost'] !== undefined) throw new CliError('give --max-cost N or --unlimited, not both');
  if (values.unlimited) return null;
  if (values['max-cost'] === undefined) return undefined;
  const n = Number(values['max-cost']);
  if (!Number.isFinite(n) || n <= 0) throw new CliError(`--max-cost must be a positive number (got "${values['max-cost']}")`);
  return n;
}

function readQuery(arg: string | undefined): string {
  if (arg === undefined || arg === '-') {
    if (process.stdin.isTTY) throw new CliError(`give the query as an argument, or pipe it in\nusage: ${USAGE}`);
    return readFileSync(0, 'utf8');
  }
  if (arg.startsWith('@')) {
    try {
      return readFileSync(arg.slice(1), 'utf8');
    } catch (err) {
      throw new CliError(`cannot read the query file ${arg.slice(1)}: ${(err as Error).message}`);
    }
  }
  return arg;
}

function parseVariables(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new CliError(`--variables is not valid JSON (${(err as Error).message}); give an object, e.g. --variables '{"name": "Helen Sweaton"}'`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new CliError(`--variables must be a JSON object, e.g. '{"name": "Helen Sweaton"}'`);
  }
  return value as Record<string, unknown>;
}

export const command: Command = {
  summary: 'run one GraphQL query against the store (no server) and print the JSON response',
  usage: `${USAGE}

${STORE_USAGE}
  <graphql>          the query text; '-' or nothing reads it from stdin, '@FILE' from a file
  --variables JSON   variables, as a JSON object
  --operation NAME   which operation to run when the text has several
  --pretty           indent the JSON (the default on a terminal)
  --max-cost N       allow queries estimated to cost up to N (the server allows 100000)
  --unlimited        no cost limit (depth, size and argument limits still apply)

Works while \`councilgraph serve\` or an ingest has the store open: through the server when one
serves it, else read-only. A path that holds no store is an error (only ingest creates one).
Internal errors are shown in full (this is the operator's own tool).
Prints {"data": …} (and "errors" when there are any) on stdout.
Exit status: 0 without errors, 1 when the response has errors or there is no store, 2 for bad arguments.

Example:
  councilgraph query 'query($n: String!) { person(name: $n) { presented { title meeting { date } } } }' \\
    --variables '{"n": "Helen Sweaton"}'`,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        options: {
          ...STORE_OPTIONS,
          variables: { type: 'string' },
          operation: { type: 'string' },
          pretty: { type: 'boolean' },
          'max-cost': { type: 'string' },
          unlimited: { type: 'boolean' },
        },
        strict: true,
        allowPositionals: true,
      });
    } catch (err) {
      throw new CliError(`${(err as Error).message}\nusage: ${USAGE}`);
    }
    const { values, positionals } = parsed;
    if (positionals.length > 1) {
      throw new CliError(`expected one query argument, got ${positionals.length} (quote the query)\nusage: ${USAGE}`);
    }
    const query = readQuery(positionals[0]);
    const variables = parseVariables(values.variables);
    const cost = maxCost(values);
    const opened = await openFor('query', storeOptions(values), (line) => console.error(`councilgraph query: ${line}`));
    const store = opened.store;
    try {
      const api = await createApi(store, {
        production: false,
        logger: silentLogger(),
        ...(cost !== undefined ? { limits: { maxCost: cost } } : {}),
      });
      try {
        const result = await api.execute({
          query,
          ...(variables ? { variables } : {}),
          ...(values.operation ? { operationName: values.operation } : {}),
        });
        const pretty = values.pretty ?? process.stdout.isTTY;
        process.stdout.write(`${JSON.stringify(result, null, pretty ? 2 : undefined)}\n`);
        return result.errors?.length ? 1 : 0;
      } finally {
        await api.stop();
      }
    } finally {
      await opened.close();
    }
  },
};
