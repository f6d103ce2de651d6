/**
 * Fills the playground's example variables from the graph being served, so every preloaded
 * query returns something on whatever corpus is loaded: the headline person if present
 * (else the most frequent presenter), their latest meeting, a strategy discussed more than
 * once, and someone they are connected to.
 */
import type { NodeOf } from '../graph/model.ts';
import type { GraphStore } from '../graph/store.ts';
import { EXAMPLES, type Example } from '../playground/examples.ts';
import { findPerson } from './person-match.ts';

const HEADLINE_NAME = 'Helen Sweaton';
const SAMPLE = 200;

export async function resolveExamples(store: GraphStore): Promise<Example[]> {
  const [meeting, personId, strategy] = await Promise.all([latestMeeting(store), headlinePerson(store), discussedStrategy(store)]);
  const person = personId ? (await store.nodes('Person', [personId]))[0] ?? null : null;
  const other = person ? await connectedPerson(store, person.id) : null;
  return EXAMPLES.map((e, i) => {
    const variables = { ...e.variables };
    if (i === 0 && person && person.name !== HEADLINE_NAME) {
      // The corpus served has no Helen Sweaton: ask the same question of its busiest presenter.
      variables.name = person.name;
      return {
        title: e.title.replace(HEADLINE_NAME, person.name),
        query: e.query.replace(`# Which items did ${HEADLINE_NAME} present?`, `# Which items did ${person.name} present? (The headline question, asked of this corpus.)`),
        variables,
      };
    }
    if (i === 1 && meeting) variables.id = meeting.id;
    if (i === 2 && strategy) variables.search = strategy.name;
    if (i === 3 && person && other) Object.assign(variables, { from: person.id, to: other });
    return { ...e, variables };
  });
}

async function headlinePerson(store: GraphStore): Promise<string | null> {
  const named = await findPerson(store, HEADLINE_NAME);
  if (named) return named.id;
  const people = await store.list('Person', { first: SAMPLE, offset: 0 });
  return mostConnected(store, people.map((p) => p.id), 'PRESENTED', 'out');
}

async function latestMeeting(store: GraphStore): Promise<NodeOf<'Meeting'> | null> {
  const meetings = await store.list('Meeting', { first: SAMPLE, offset: 0 });
  return [...meetings].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0] ?? null;
}

async function discussedStrategy(store: GraphStore): Promise<NodeOf<'Strategy'> | null> {
  const strategies = await store.list('Strategy', { first: SAMPLE, offset: 0 });
  const id = await mostConnected(store, strategies.map((s) => s.id), 'ABOUT', 'in');
  return strategies.find((s) => s.id === id) ?? strategies[0] ?? null;
}

async function mostConnected(store: GraphStore, ids: string[], rel: 'PRESENTED' | 'ABOUT', dir: 'out' | 'in') {
  if (!ids.length) return null;
  const counts = new Map<string, number>();
  for (const row of await store.related(ids, rel, dir)) counts.set(row.from, (counts.get(row.from) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
}

/** Someone who chaired or sat on a meeting where the person presented (two or three hops away). */
async function connectedPerson(store: GraphStore, personId: string): Promise<string | null> {
  const items = await store.related([personId], 'PRESENTED', 'out');
  const meetingIds = [...new Set(items.map((r) => (r.node.props as NodeOf<'Item'>).meeting))];
  if (meetingIds.length) {
    for (const rel of ['CHAIRED', 'ATTENDED'] as const) {
      const rows = await store.related(meetingIds, rel, 'in');
      const other = rows.map((r) => String(r.node.props.id)).find((id) => id !== personId);
      if (other) return other;
    }
  }
  const people = await store.list('Person', { first: 2, offset: 0 });
  return people.map((p) => p.id).find((id) => id !== personId) ?? null;
}
