/**
 * The graph stage of `eval`: what a user sees, not what the extractor returned. Each document
 * goes into a fresh embedded store by the same path `councilgraph ingest` takes (cross-document
 * resolution, graph building, the store's write), and is read back through the GraphQL API.
 * Anything lost between extraction and the served graph (a person the store drops, a role
 * whose node never lands) shows as the difference between this stage and the extract stage.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { silentLogger } from '../api/logger.ts';
import { createApi } from '../api/server.ts';
import { DEFAULT_LIMITS } from '../api/limits.ts';
import { openKuzuStore } from '../graph/stores/kuzu.ts';
import { ingestPaths } from '../ingest/ingest.ts';
import type { RawDocument } from '../load/types.ts';
import type { ResolvedDocument } from '../resolve/types.ts';
import { withSubstituteRoles } from './project.ts';
import type { CorrectionSet } from '../graph/corrections.ts';
import type { GoldDecision, GoldDeclaration, GoldDocument, GoldItem } from './gold.ts';

/** One read of everything the key scores; the API's own protection is lifted for the operator. */
export const GRAPH_READBACK = /* GraphQL */ `
  query EvalReadback {
    meetings(first: 1000) {
      date
      body { name }
      chair { name }
      members { name }
      apologies { name }
      items {
        number
        title
        ordinal
        attendees { name }
        presenters { name }
        introducers { name }
        requests { text }
        deferrals { subject to }
        strategies { name }
        decisions { text outcome movedBy { name } secondedBy { name } votesFor votesAgainst abstentions unanimous }
        askedBy { name }
      }
      declarations { person { name } item { number title } interest kind }
      substitutions { person { name } for { name } }
    }
    people(first: 1000) { name aliases roles { title } }
  }
`;

interface Named {
  name: string;
}
interface ReadbackItem {
  number: string | null;
  title: string;
  ordinal: number;
  attendees: Named[];
  presenters: Named[];
  introducers: Named[];
  requests: { text: string }[];
  deferrals: { subject: string; to: string | null }[];
  strategies: Named[];
  decisions: {
    text: string;
    outcome: GoldDecision['outcome'];
    movedBy: Named | null;
    secondedBy: Named | null;
    votesFor: number | null;
    votesAgainst: number | null;
    abstentions: number | null;
    unanimous: boolean | null;
  }[];
  askedBy: Named[];
}
interface Readback {
  meetings: {
    date: string | null;
    body: Named | null;
    chair: Named | null;
    members: Named[];
    apologies: Named[];
    items: ReadbackItem[];
    declarations: { person: Named; item: { number: string | null; title: string } | null; interest: string; kind: GoldDeclaration['kind'] }[];
    substitutions: { person: Named; for: Named | null }[];
  }[];
  people: { name: string; aliases: string[]; roles: { title: string }[] }[];
}

const names = (xs: readonly Named[]) => [...new Set(xs.map((x) => x.name))];

/** The served graph of one document, in the answer-key shape. */
export function projectReadback(source: string, data: Readback): { doc: GoldDocument; warnings: string[] } {
  const warnings: string[] = [];
  if (data.meetings.length > 1) warnings.push(`${source}: the graph holds ${data.meetings.length} meetings for one document; scoring the first`);
  const m = data.meetings[0];
  const items: GoldItem[] = (m?.items ?? [])
    .slice()
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((i) => ({
      number: i.number,
      title: i.title,
      attendees: names(i.attendees),
      presenters: names(i.presenters),
      introducers: names(i.introducers),
      requests: i.requests.map((r) => r.text),
      deferrals: i.deferrals.map((d) => ({ subject: d.subject, to: d.to })),
      strategies: names(i.strategies),
      decisions: i.decisions.map((d) => ({
        text: d.text,
        outcome: d.outcome,
        moved_by: d.movedBy?.name ?? null,
        seconded_by: d.secondedBy?.name ?? null,
        votes_for: d.votesFor,
        votes_against: d.votesAgainst,
        abstentions: d.abstentions,
        unanimous: d.unanimous,
      })),
      asked: names(i.askedBy),
    }));
  return {
    doc: {
      source,
      meeting: { body: m?.body?.name ?? null, date: m?.date ?? null },
      chair: m?.chair?.name ?? null,
      members_present: names(m?.members ?? []),
      apologies: names(m?.apologies ?? []),
      people: withSubstituteRoles(
        data.people.map((p) => ({
          name: p.name,
          aliases: p.aliases.filter((a) => a !== p.name),
          roles: [...new Set(p.roles.map((r) => r.title))],
        })),
        (m?.substitutions ?? []).map((x) => ({ person: x.person.name, for: x.for?.name ?? null })),
      ),
      items,
      declarations: (m?.declarations ?? []).map((d) => ({ person: d.person.name, item: d.item ? (d.item.number ?? d.item.title) : null, interest: d.interest, kind: d.kind })),
      substitutions: (m?.substitutions ?? []).map((x) => ({ person: x.person.name, for: x.for?.name ?? null })),
    },
    warnings,
  };
}

/**
 * Ingests one document into a fresh embedded store with `councilgraph ingest`'s own code (the
 * file is written under a fresh root with the name it was read by; the extraction is the one
 * given, so a test's extractor is scored the same way) and reads it back through the API.
 */
export async function graphPrediction(doc: ResolvedDocument, raw: RawDocument, corrections: CorrectionSet | null = null): Promise<{ doc: GoldDocument; warnings: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'councilgraph-eval-'));
  const root = join(dir, 'minutes');
  const file = join(root, doc.source.id);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, raw.text);
  const store = await openKuzuStore(join(dir, 'db'));
  try {
    const summary = await ingestPaths(store, [file], {
      root,
      group: 1,
      corrections,
      pool: { file: async (path, id, as) => ({ doc: { ...doc, source: { ...doc.source, id, path: as } }, raw: { ...raw, id, path } }) },
    });
    if (summary.failures.length > 0) throw new Error(summary.failures.map((f) => f.error).join('; '));
    const warnings = summary.warnings;
    const api = await createApi(store, {
      production: true,
      limits: { ...DEFAULT_LIMITS, maxCost: null, timeoutMs: 120_000 },
      logger: silentLogger(),
    });
    try {
      const result = await api.execute({ query: GRAPH_READBACK });
      if (result.errors?.length) throw new Error(`reading the graph back failed: ${result.errors.map((e) => e.message).join('; ')}`);
      const projected = projectReadback(doc.source.id, result.data as unknown as Readback);
      return { doc: projected.doc, warnings: [...warnings, ...projected.warnings] };
    } finally {
      await api.stop();
    }
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}
