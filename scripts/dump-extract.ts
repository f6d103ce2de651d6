/**
 * Dumps the full pipeline output (normalised text, segments, extraction, resolved document) of
 * every document in the given folders as JSON lines, so a speed change can be checked
 * byte-identical: `tsx scripts/dump-extract.ts DIR... > out.jsonl`, then diff.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument } from '../src/load/read.ts';
import { normalise } from '../src/normalise/normalise.ts';
import { segment } from '../src/segment/segment.ts';
import { extract } from '../src/extract/extract.ts';
import { extractDocument } from '../src/pipeline.ts';

const EXT = /\.(txt|md|markdown|html?|pdf)$/i;
function replacer(_k: string, v: unknown): unknown {
  if (v instanceof Map) return { $map: [...v] };
  if (v instanceof Set) return { $set: [...v] };
  if (v instanceof RegExp) return `/${v.source}/${v.flags}`;
  return v;
}
for (const dir of process.argv.slice(2)) {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => EXT.test(f) && !/INDEX|KEY-EXT|README/.test(f)).sort();
  for (const f of files) {
    const raw = await readDocument(join(dir, f));
    const n = normalise(raw.text);
    const s = segment(n);
    const x = extract(n.text, s);
    const r = extractDocument(raw);
    const { normalised: _n, segmented: _s, extraction: _x, ...rest } = r as unknown as Record<string, unknown>;
    process.stdout.write(JSON.stringify({ file: join(dir, f), text: n.text, map: n.map, segmented: s, extraction: x, resolved: rest }, replacer) + '\n');
  }
}
