/** Export formats by name, over the whole graph read through the store interface. */
import type { GraphStore } from '../graph/store.ts';
import { toCypherScript } from './cypher.ts';
import { dumpGraph } from './dump.ts';
import { toGraphml } from './graphml.ts';
import { toJson } from './json.ts';
import { toPopolo } from './popolo.ts';

export const EXPORT_FORMATS = ['graphml', 'graphml-yed', 'json', 'cypher', 'popolo'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export async function exportGraph(store: GraphStore, format: ExportFormat): Promise<string> {
  const graph = await dumpGraph(store);
  if (format === 'graphml') return toGraphml(graph);
  if (format === 'graphml-yed') return toGraphml(graph, { yed: true });
  if (format === 'json') return toJson(graph);
  if (format === 'popolo') return JSON.stringify(toPopolo(graph), null, 2) + '\n';
  return toCypherScript(graph);
}
