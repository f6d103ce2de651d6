/**
 * Deterministic synthetic corpus of council minutes for benchmarks and scale tests.
 *
 * Each meeting draws from its own stream (seed + index), so the first N meetings of a
 * larger corpus are the same as a corpus of N: sizes can grow without reshuffling.
 */
import { planMeeting, type MeetingPlan } from './plan.ts';
import { deriveRng } from './random.ts';
import { renderFragment, renderPrinted, renderTable, renderWeb, type Format } from './render.ts';
import { buildWorld } from './world.ts';

export interface GenerateOptions {
  meetings: number;
  seed: number;
  /** Share of meetings also published in a second layout (web page and printed minutes). */
  republishRate?: number;
  /** Length of the discussion in each item; 1 gives about 10 KB per meeting. */
  detail?: number;
}

export interface GeneratedDocument {
  name: string;
  text: string;
}

export interface GeneratedMeeting {
  index: number;
  plan: MeetingPlan;
  formats: Format[];
}

const FORMAT_WEIGHTS: readonly [Format, number][] = [
  ['web', 0.4],
  ['printed', 0.3],
  ['table', 0.22],
  ['fragment', 0.08],
];

function pickFormat(u: number): Format {
  let acc = 0;
  for (const [format, weight] of FORMAT_WEIGHTS) {
    acc += weight;
    if (u < acc) return format;
  }
  return 'web';
}

function checkOptions(opts: GenerateOptions): Required<GenerateOptions> {
  const { meetings, seed } = opts;
  if (!Number.isInteger(meetings) || meetings < 0) {
    throw new Error(`generateCorpus: meetings must be a non-negative integer, got ${String(meetings)}`);
  }
  if (!Number.isInteger(seed)) throw new Error(`generateCorpus: seed must be an integer, got ${String(seed)}`);
  const republishRate = opts.republishRate ?? 0.05;
  const detail = opts.detail ?? 1;
  if (!(republishRate >= 0 && republishRate <= 1)) throw new Error(`generateCorpus: republishRate must be within 0..1, got ${republishRate}`);
  if (!(detail > 0 && detail <= 50)) throw new Error(`generateCorpus: detail must be within (0, 50], got ${detail}`);
  return { meetings, seed, republishRate, detail };
}

/** The meetings behind the corpus, for benchmarks that want to know what should be found. */
export function planCorpus(opts: GenerateOptions): GeneratedMeeting[] {
  const o = checkOptions(opts);
  const world = buildWorld(o.seed);
  const out: GeneratedMeeting[] = [];
  for (let index = 0; index < o.meetings; index++) {
    const rng = deriveRng(o.seed, `meeting:${index}`);
    const council = world[Math.floor(rng.next() * world.length)] ?? world[0]!;
    const primary = pickFormat(rng.next());
    const formats: Format[] = [primary];
    if (rng.chance(o.republishRate)) formats.push(primary === 'printed' ? 'web' : 'printed');
    out.push({ index, plan: planMeeting(council, rng, { detail: o.detail }, o.seed), formats });
  }
  return out;
}

export function generateCorpus(opts: GenerateOptions): GeneratedDocument[] {
  const o = checkOptions(opts);
  const docs: GeneratedDocument[] = [];
  for (const meeting of planCorpus(o)) {
    for (const format of meeting.formats) {
      // Layout randomness is per document, so adding a second layout leaves the first unchanged.
      const rng = deriveRng(o.seed, `render:${meeting.index}:${format}`);
      const text =
        format === 'web'
          ? renderWeb(meeting.plan, rng)
          : format === 'table'
            ? renderTable(meeting.plan, rng)
            : format === 'printed'
              ? renderPrinted(meeting.plan, rng)
              : renderFragment(meeting.plan, rng);
      const id = String(meeting.index).padStart(5, '0');
      docs.push({ name: `m${id}-${meeting.plan.council.slug}-${format}.txt`, text });
    }
  }
  return docs;
}
