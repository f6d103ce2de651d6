/**
 * Writes a synthetic corpus to disk:
 *   tsx test/generate/cli.ts --meetings 2000 --out DIR [--seed 1] [--detail 1] [--republish 0.05]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateCorpus } from './corpus.ts';

const USAGE = 'usage: tsx test/generate/cli.ts --meetings N --out DIR [--seed N] [--detail X] [--republish R]';

function numberArg(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n)) {
    console.error(`generate: --${name} must be a number, got "${value}"\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

function main(): void {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        meetings: { type: 'string' },
        out: { type: 'string' },
        seed: { type: 'string' },
        detail: { type: 'string' },
        republish: { type: 'string' },
      },
    }) as { values: Record<string, string | undefined> });
  } catch (err) {
    console.error(`generate: ${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (values.meetings === undefined || values.out === undefined) {
    console.error(`generate: --meetings and --out are required\n${USAGE}`);
    process.exit(2);
  }
  const out = resolve(values.out);
  const started = performance.now();
  let docs;
  try {
    docs = generateCorpus({
      meetings: numberArg('meetings', values.meetings, 0),
      seed: numberArg('seed', values.seed, 1),
      detail: numberArg('detail', values.detail, 1),
      republishRate: numberArg('republish', values.republish, 0.05),
    });
  } catch (err) {
    console.error(`generate: ${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const generatedMs = performance.now() - started;
  mkdirSync(out, { recursive: true });
  let bytes = 0;
  for (const doc of docs) {
    const data = Buffer.from(doc.text, 'utf8');
    bytes += data.length;
    writeFileSync(join(out, doc.name), data);
  }
  const totalMs = performance.now() - started;
  console.log(
    `generate: ${values.meetings} meetings, ${docs.length} documents, ${(bytes / 1e6).toFixed(1)} MB ` +
      `in ${(generatedMs / 1000).toFixed(2)} s (+${((totalMs - generatedMs) / 1000).toFixed(2)} s writing) -> ${out}`,
  );
}

main();
