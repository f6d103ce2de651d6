/**
 * `councilgraph eval`: scores extraction against an answer key (../shared/gold/FORMAT.md).
 */
import { parseArgs } from 'node:util';
import { CliError } from '../errors.ts';
import type { Command } from '../main.ts';
import { evaluateCorpus, EvalInputError, STAGES, type Stage } from '../../eval/evaluate.ts';
import { GoldFileError } from '../../eval/gold.ts';
import { formatJson, formatText } from '../../eval/report.ts';
import { formatRuleReport } from '../../eval/rules-report.ts';
import { CORRECTION_OPTIONS, correctionsFor } from './correction-args.ts';

const USAGE = 'councilgraph eval --corpus DIR --gold DIR [--stage graph|extract] [--corrections FILE | --no-corrections] [--rules] [--verbose] [--json]';

function parse(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        corpus: { type: 'string' },
        gold: { type: 'string' },
        verbose: { type: 'boolean', short: 'v', default: false },
        stage: { type: 'string' },
        json: { type: 'boolean', default: false },
        rules: { type: 'boolean', default: false },
        ...CORRECTION_OPTIONS,
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new CliError(`${(err as Error).message}\nusage: ${USAGE}`);
  }
}

export const command: Command = {
  summary: 'score extraction against an answer key: P/R/F1 per field, macro F1, and a compromise baseline',
  usage: `${USAGE}

  --corpus DIR  documents to extract (NAME.txt, scored when the gold has NAME.json)
  --gold DIR    answer files in the shape of ../shared/gold/FORMAT.md
  --stage S     score one stage only: graph (each document ingested into a fresh embedded
                store and read back through the GraphQL API: what users see) or extract (the
                extractor's own output). Without it both are printed side by side, graph first.
  --corrections FILE  corrections applied to the served graph (default: $COUNCILGRAPH_CORRECTIONS,
                else ./corrections.yaml, the default store's, when it exists)
  --no-corrections    score the graph without any corrections
  --rules       add a table of every extraction rule: the facts it read, and the scored
                entries (true and false positives, over all fields) that go when its facts are
                taken out, with the precision that gives: a rule doing more harm than good shows
  --verbose     add a table per document (and, for a series, each link)
  --json        print the report as JSON instead of tables

Exit status: 0 when every document was scored, 1 when a document could not be read or
extracted (it is then scored as an empty extraction), 2 for bad arguments or inputs.`,
  async run(args) {
    const opts = parse(args);
    if (!opts.corpus || !opts.gold) {
      const missing = [!opts.corpus && '--corpus', !opts.gold && '--gold'].filter(Boolean);
      throw new CliError(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required\nusage: ${USAGE}`);
    }
    if (opts.stage !== undefined && !(STAGES as readonly string[]).includes(opts.stage)) {
      throw new CliError(`--stage must be graph or extract, not '${opts.stage}'\nusage: ${USAGE}`);
    }
    let report;
    try {
      report = await evaluateCorpus({ corpusDir: opts.corpus, goldDir: opts.gold, stages: opts.stage ? [opts.stage as Stage] : STAGES, corrections: correctionsFor(opts, {}), rules: opts.rules });
    } catch (err) {
      if (err instanceof EvalInputError) throw new CliError(err.message);
      if (err instanceof GoldFileError) throw new CliError(`${err.message}; fix the file or move it out of the gold directory`);
      throw err;
    }
    console.log(opts.json ? formatJson(report) : formatText(report, { verbose: opts.verbose }));
    if (!opts.json && report.rules) console.log(`\n${formatRuleReport(report.rules)}`);
    return report.documents.some((d) => d.error) ? 1 : 0;
  },
};
