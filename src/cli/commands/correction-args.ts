/** `--corrections FILE | --no-corrections`: the corrections file the commands that build the graph apply. */
import type { CorrectionSet } from '../../graph/corrections.ts';
import { CorrectionsError, correctionsPath, loadCorrections } from '../../ingest/corrections-file.ts';
import { CliError } from '../errors.ts';

export const CORRECTION_OPTIONS = {
  corrections: { type: 'string' },
  'no-corrections': { type: 'boolean' },
} as const;

export const CORRECTION_USAGE = `  --corrections FILE  the corrections to apply (default: $COUNCILGRAPH_CORRECTIONS, else
                corrections.yaml beside the store; see \`councilgraph correct --help\`)
  --no-corrections    build without any (a store built with some drops them)`;

/** The corrections in effect for a command: the file's (null when it does not exist), or none. */
export function correctionsFor(values: { corrections?: string; 'no-corrections'?: boolean }, store: { db?: string; neo4j?: string }): CorrectionSet | null {
  if (values['no-corrections']) {
    if (values.corrections) throw new CliError('give either --corrections FILE or --no-corrections, not both');
    return null;
  }
  try {
    return loadCorrections(correctionsPath({ ...store, ...(values.corrections ? { corrections: values.corrections } : {}) }));
  } catch (err) {
    if (err instanceof CorrectionsError) throw new CliError(err.message);
    throw err;
  }
}
