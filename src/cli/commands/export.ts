/** `councilgraph export --format graphml|graphml-yed|json|cypher|popolo [--out FILE]`: the whole graph, for other tools. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportGraph, type ExportFormat } from '../../export/export.ts';
import { CliError } from '../errors.ts';
import type { Command } from '../main.ts';
import { openFor } from './open-store.ts';
import { STORE_OPTIONS, STORE_USAGE, storeOptions } from './store-args.ts';

const USAGE = 'councilgraph export --format graphml|graphml-yed|json|cypher|popolo [--out FILE] [--db PATH | --neo4j URI]';

export const command: Command = {
  summary: 'write the graph as GraphML (Gephi; yEd with graphml-yed), a JSON node/edge list, a Cypher script for Neo4j, or Popolo JSON with Open Civic Data events',
  usage: `${USAGE}

  --format F    graphml      GraphML for Gephi: node and edge labels, edge weight = evidence count
                graphml-yed  the same with yEd's graphics (y:ShapeNode/y:NodeLabel, edge labels)
                json         our node/edge list with every evidence
                cypher       a script that recreates the graph in Neo4j
                popolo       Popolo persons, organizations, posts, memberships; OCD events
  --out FILE    write there instead of to standard output
${STORE_USAGE}`,
  async run(args) {
    let parsed;
    try {
      parsed = parseArgs({ args, options: { ...STORE_OPTIONS, format: { type: 'string' }, out: { type: 'string' } } });
    } catch (err) {
      throw new CliError(`${(err as Error).message}\nusage: ${USAGE}`);
    }
    const format = parsed.values.format;
    if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format)) {
      throw new CliError(`--format must be one of ${EXPORT_FORMATS.join(', ')}${format ? ` (got "${format}")` : ''}\nusage: ${USAGE}`);
    }
    // A reader like `query`: through a running server, or read-only; never creates a store.
    const opened = await openFor('query', storeOptions(parsed.values), (line) => console.error(`councilgraph export: ${line}`));
    const store = opened.store;
    try {
      const text = await exportGraph(store, format as ExportFormat);
      if (parsed.values.out) {
        mkdirSync(dirname(parsed.values.out), { recursive: true });
        writeFileSync(parsed.values.out, text);
        console.error(`wrote ${parsed.values.out} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB)`);
      } else {
        process.stdout.write(text);
      }
      return 0;
    } finally {
      await opened.close();
    }
  },
};
