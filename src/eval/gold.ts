/**
 * The answer key: one JSON file per source document, in the shape of ../shared/gold/FORMAT.md.
 * The extractor's output is projected into this same shape (./project.ts) so that scoring
 * compares like with like.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { jsonErrorOffset, lineColumn } from './json-position.ts';

/** Calendar-valid `YYYY-MM-DD`: a typo such as 2025-13-04 in the key would never match. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar date');

/** `YYYY-MM` or `YYYY-MM-DD`: deferrals are often to a month only. */
const partialDate = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'expected YYYY-MM or YYYY-MM-DD')
  .refine(isCalendarDate, 'not a calendar month or date');

const text = z.string().trim().min(1, 'must not be empty');
const name = text;

export const GoldPersonSchema = z
  .object({
    name,
    aliases: z.array(name),
    roles: z.array(text),
  })
  .strict();

export const GoldDeferralSchema = z
  .object({
    subject: text,
    to: partialDate.nullable(),
  })
  .strict();

/**
 * The project's extension of the key (test/fixtures/KEY-FORMAT.md): what the body resolved in an
 * item, who moved and seconded it, the vote. Optional, so the shared FORMAT.md keys stay valid.
 */
export const DECISION_OUTCOMES = ['APPROVED', 'NOTED', 'ENDORSED', 'AGREED', 'RECOMMENDED', 'DEFERRED', 'REFUSED', 'WITHDRAWN', 'OTHER'] as const;
export const INTEREST_KINDS = ['PECUNIARY', 'NON_PECUNIARY', 'OTHER_REGISTRABLE', 'UNSPECIFIED'] as const;
const count = z.number().int().nonnegative().nullable();

export const GoldDecisionSchema = z
  .object({
    text,
    outcome: z.enum(DECISION_OUTCOMES).nullable(),
    moved_by: name.nullable(),
    seconded_by: name.nullable(),
    votes_for: count,
    votes_against: count,
    abstentions: count,
    unanimous: z.boolean().nullable(),
  })
  .strict();

export const GoldDeclarationSchema = z
  .object({
    person: name,
    /** The number (or title, when it has none) of the item the interest is about; null when not said. */
    item: text.nullable(),
    interest: z.string(),
    kind: z.enum(INTEREST_KINDS),
  })
  .strict();

export const GoldSubstitutionSchema = z.object({ person: name, for: name.nullable() }).strict();

export const GoldItemSchema = z
  .object({
    number: text.nullable(),
    title: text,
    attendees: z.array(name),
    presenters: z.array(name),
    introducers: z.array(name),
    requests: z.array(text),
    deferrals: z.array(GoldDeferralSchema),
    strategies: z.array(text),
    decisions: z.array(GoldDecisionSchema).optional(),
    asked: z.array(name).optional(),
  })
  .strict();

// Strict objects: a misspelt key ("presenter") would otherwise be dropped silently and
// score as an empty list, which is the kind of error an answer key must not hide.
export const GoldDocumentSchema = z
  .object({
    source: text,
    meeting: z.object({ body: text.nullable(), date: isoDate.nullable() }).strict(),
    chair: name.nullable(),
    members_present: z.array(name),
    apologies: z.array(name),
    people: z.array(GoldPersonSchema),
    items: z.array(GoldItemSchema),
    declarations: z.array(GoldDeclarationSchema).optional(),
    substitutions: z.array(GoldSubstitutionSchema).optional(),
  })
  .strict();

export type GoldPerson = z.infer<typeof GoldPersonSchema>;
export type GoldDeferral = z.infer<typeof GoldDeferralSchema>;
export type GoldItem = z.infer<typeof GoldItemSchema>;
export type GoldDecision = z.infer<typeof GoldDecisionSchema>;
export type GoldDeclaration = z.infer<typeof GoldDeclarationSchema>;
export type GoldSubstitution = z.infer<typeof GoldSubstitutionSchema>;
export type GoldDocument = z.infer<typeof GoldDocumentSchema>;

/** A gold file that cannot be used, with the file and the problem in the message. */
export class GoldFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`gold file ${file}: ${problems.join('; ')}`);
    this.name = 'GoldFileError';
  }
}

function isCalendarDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number | undefined];
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** "items[3].deferrals[0].to" rather than zod's array of keys. */
function formatPath(path: (string | number)[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out || '(top level)';
}

/** Where a JSON text is broken, as "line L, column C", from the scanner or JSON.parse's message. */
function jsonErrorLocation(source: string, message: string): string {
  let offset = jsonErrorOffset(source);
  if (offset === null) {
    const pos = /position (\d+)/.exec(message);
    offset = pos ? Number(pos[1]) : null;
  }
  if (offset === null) return 'an unknown position';
  const { line, column } = lineColumn(source, offset);
  return `line ${line}, column ${column}`;
}

/** Validates already-read JSON text; `file` is only used in error messages. */
export function parseGold(source: string, file: string): GoldDocument {
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (err) {
    const message = (err as Error).message;
    throw new GoldFileError(file, [
      `not valid JSON at ${jsonErrorLocation(source, message)} (${message}); fix the syntax, see FORMAT.md`,
    ]);
  }
  const parsed = GoldDocumentSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues
    .slice(0, 8)
    .map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  if (parsed.error.issues.length > 8) problems.push(`and ${parsed.error.issues.length - 8} more`);
  problems[problems.length - 1] += ' (the expected shape is in FORMAT.md)';
  throw new GoldFileError(file, problems);
}

export async function loadGold(file: string): Promise<GoldDocument> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (err) {
    throw new GoldFileError(file, [`cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`]);
  }
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
  return parseGold(source.replace(/^\uFEFF/, ''), file);
}
