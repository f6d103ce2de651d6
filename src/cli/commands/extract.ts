/**
 * `councilgraph extract <file>... [--json]`: reads and extracts documents one by one and
 * prints what was found. A file that cannot be read is reported (named, with the reason) and
 * the others still run; the exit code says whether any failed.
 */
import { parseArgs } from 'node:util';
import { DocumentError } from '../../load/errors.ts';
import { readDocument } from '../../load/read.ts';
import type { RawDocument } from '../../load/types.ts';
import { extractDocument } from '../../pipeline.ts';
import type { PersonRef, ResolvedDocument } from '../../resolve/types.ts';
import { CliError } from '../errors.ts';
import type { Command } from '../main.ts';

/** Where output goes; the CLI writes to the terminal, tests capture it. */
export interface ExtractIO {
  out(text: string): void;
  err(text: string): void;
}

const terminal: ExtractIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

const USAGE = `councilgraph extract <file>... [--json]

  Reads each file (.txt, .md, .html, .pdf), extracts the meeting, people, items and
  relations, and prints a summary. Files that cannot be read are reported and skipped.

  --json   print the extracted document as JSON (an array when several files are given)

  Exit status: 0 when every file was read, 1 when any file failed, 2 for a usage error.`;

export const command: Command = {
  summary: 'extract meetings, people and relations from minutes files and print them',
  usage: USAGE,
  run: (args) => runExtract(args, terminal),
};

export async function runExtract(args: string[], io: ExtractIO): Promise<number> {
  const { files, json } = parseOptions(args);
  const results: ResolvedDocument[] = [];
  let failed = 0;
  for (const file of files) {
    const outcome = await extractOne(file);
    if ('error' in outcome) {
      failed++;
      io.err(`error: ${outcome.error}`);
      continue;
    }
    for (const warning of outcome.doc.warnings) io.err(`warning: ${named(file, warning)}`);
    if (json) results.push(outcome.doc);
    else io.out(formatSummary(outcome.doc));
  }
  if (json && results.length > 0) {
    io.out(JSON.stringify(files.length === 1 ? results[0] : results, null, 2));
  }
  if (failed > 0 && files.length > 1) {
    io.err(`${failed} of ${files.length} files could not be extracted.`);
  }
  return failed > 0 ? 1 : 0;
}

function parseOptions(args: string[]): { files: string[]; json: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { json: { type: 'boolean', default: false } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    throw new CliError(`${(err as Error).message}\n\nusage: ${USAGE}`);
  }
  if (parsed.positionals.length === 0) {
    throw new CliError(`no files given.\n\nusage: ${USAGE}`);
  }
  return { files: parsed.positionals, json: parsed.values.json ?? false };
}

type Outcome = { doc: ResolvedDocument } | { error: string };

async function extractOne(file: string): Promise<Outcome> {
  let raw: RawDocument;
  try {
    raw = await readDocument(file);
  } catch (err) {
    if (err instanceof DocumentError) return { error: err.message };
    return { error: `${file}: could not read it (${describe(err)}).` };
  }
  try {
    const doc = extractDocument(raw);
    // Load warnings (encoding guessed, cut off) belong with the result, whichever stage reports.
    const warnings = [...new Set([...raw.warnings, ...doc.warnings.map((w) => named(file, w))])];
    return { doc: { ...doc, warnings } };
  } catch (err) {
    if (process.env.COUNCILGRAPH_DEBUG) console.error(err);
    return {
      error:
        `${file}: extraction failed (${describe(err)}). This is a bug in councilgraph, not in ` +
        'the file: please report it with the file attached (COUNCILGRAPH_DEBUG=1 shows the trace).',
    };
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function named(file: string, warning: string): string {
  return warning.startsWith(file) ? warning : `${file}: ${warning}`;
}

export function formatSummary(doc: ResolvedDocument): string {
  const names = new Map(doc.people.map((p) => [p.key, p.name]));
  const who = (refs: PersonRef[]) => refs.map((r) => names.get(r.person) ?? r.person).join(', ');
  const { meeting } = doc;
  const lines = [
    `${doc.source.id} (${doc.source.format})`,
    `  Meeting:   ${meeting.body ?? '(body not stated)'}${meeting.council ? `, ${meeting.council}` : ''}`,
    `  Date:      ${meeting.date ?? '(not stated)'}`,
    `  Chair:     ${doc.chair ? who([doc.chair]) : '(not stated)'}`,
    `  Present:   ${who(doc.membersPresent) || '(none listed)'}`,
    `  Apologies: ${who(doc.apologies) || '(none listed)'}`,
    `  People:    ${doc.people.length}   Bodies: ${doc.bodies.length}   Items: ${doc.items.length}`,
  ];
  for (const item of doc.items) {
    lines.push(`  ${item.number ? `${item.number}.` : `#${item.ordinal}`} ${item.title}`);
    const facts: [string, string][] = [
      ['attendees', who(item.attendees)],
      ['presenters', who(item.presenters)],
      ['introducers', who(item.introducers)],
      ['requests', item.requests.map((r) => quote(r.text)).join('; ')],
      ['deferrals', item.deferrals.map((d) => `${quote(d.subject)} → ${d.to ?? 'a later meeting'}`).join('; ')],
      ['strategies', item.strategies.map((s) => s.name).join('; ')],
      ['topics', item.topics.map((t) => t.name).join(', ')],
    ];
    for (const [label, value] of facts) if (value) lines.push(`      ${`${label}:`.padEnd(13)}${value}`);
  }
  return lines.join('\n');
}

function quote(text: string): string {
  const short = text.length > 100 ? `${text.slice(0, 99)}…` : text;
  return `“${short}”`;
}
