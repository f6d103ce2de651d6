/**
 * The store contract for the record (issue 9), run against every store beside storeContract:
 * decisions with mover, seconder and vote; declarations of interest (to an item, or to the
 * meeting when no item is named); substitutions; who asked; and the follow-through links across
 * meetings (ANSWERED_IN, LANDED_IN), which the later document owns and so leave with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ids } from '../../src/graph/ids.ts';
import type { RelType } from '../../src/graph/model.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { juneMeeting, septemberMeeting } from '../fixtures/store/record.ts';
import { buildAll } from './helpers.ts';
import type { ContractStore } from './store-contract.ts';

/** The relations the record adds to the model; each must be written and read back. */
/** A read-back node's properties, whatever its type. */
const props = (r: { node: { props: object } }) => r.node.props as Record<string, unknown>;

const RECORD_RELATIONS: RelType[] = ['DECIDED_IN', 'MOVED', 'SECONDED', 'DECLARED_INTEREST', 'SUBSTITUTED_FOR', 'ASKED_IN', 'ANSWERED_IN', 'LANDED_IN'];

export function recordContract(name: string, open: () => Promise<ContractStore>): void {
  describe(`${name} store contract: the record`, () => {
    let s: ContractStore;
    let store: GraphStore;
    const person = (n: string) => ids.person('westfold', n);

    beforeAll(async () => {
      s = await open();
      store = s.store;
      for (const g of await buildAll([juneMeeting(), septemberMeeting()])) await store.writeDocument(g);
    });
    afterAll(async () => {
      await s?.cleanup();
    });

    it('writes every relation the record adds', async () => {
      const { relations } = await store.counts();
      for (const rel of RECORD_RELATIONS) expect(relations[rel] ?? 0, rel).toBeGreaterThan(0);
      expect((await store.counts()).nodes.Decision).toBe(3);
    });

    it('reads decisions back with their item, outcome, vote, mover and seconder', async () => {
      const moved = await store.related([person('Councillor Thackeray')], 'MOVED', 'out');
      expect(moved).toHaveLength(1);
      const decision = moved[0]!.node.props as Record<string, unknown>;
      expect(decision).toMatchObject({ text: 'That the findings of the review be noted.', outcome: 'NOTED', votesFor: 4, votesAgainst: 1, abstentions: 1, unanimous: false });
      expect(moved[0]!.edge.evidence.sentence).toMatch(/moved by Councillor Thackeray/);
      const seconded = await store.related([decision.id as string], 'SECONDED', 'in');
      expect(seconded.map((r) => r.node.props.id)).toEqual([person('Councillor Brightwell')]);
      const [item] = await store.related([decision.id as string], 'DECIDED_IN', 'out');
      expect(item!.node.props).toMatchObject({ number: '5', title: 'Day Opportunities Review' });
      const all = await store.related([item!.node.props.id as string], 'DECIDED_IN', 'in');
      const byOrdinal = all.map((r) => r.node.props as { ordinal: number; unanimous: boolean | null; votesFor: number | null }).sort((a, b) => a.ordinal - b.ordinal);
      expect(byOrdinal.map((d) => [d.ordinal, d.unanimous, d.votesFor])).toEqual([
        [0, false, 4],
        [1, true, null],
      ]);
    });

    it('reads declarations back with their interest and kind, to the item or to the meeting', async () => {
      const brightwell = await store.related([person('Councillor Brightwell')], 'DECLARED_INTEREST', 'out');
      expect(brightwell.map((r) => [r.node.type, r.edge.props.kind, r.edge.props.interest])).toEqual([['Item', 'NON_PECUNIARY', 'as a trustee of the Wellgate Carers Centre']]);
      const okafor = await store.related([person('Councillor Okafor')], 'DECLARED_INTEREST', 'out');
      expect(okafor.map((r) => [r.node.type, r.edge.props.kind])).toEqual([['Meeting', 'UNSPECIFIED']]);
      expect(okafor[0]!.edge.evidence.sentence).toMatch(/declared an interest as a carer/);
    });

    it('reads a substitution back with the meeting it was at', async () => {
      const rows = await store.related([person('Councillor Thackeray')], 'SUBSTITUTED_FOR', 'out');
      expect(rows.map((r) => r.node.props.id)).toEqual([person('Councillor Ormerod')]);
      const [june] = await store.list('Meeting', { equals: { date: '2025-06-03' }, first: 5, offset: 0 });
      expect(rows[0]!.edge.props.meeting).toBe(june!.id);
      const asked = await store.related([person('Councillor Brightwell')], 'ASKED_IN', 'out');
      expect(asked.map((r) => props(r).number)).toEqual(['5']);
    });

    it('links the request to the later item that answers it, and the deferral to where it came back', async () => {
      const [request] = await store.list('Request', { first: 5, offset: 0 });
      const answered = await store.related([request!.id], 'ANSWERED_IN', 'out');
      expect(answered.map((r) => props(r).title)).toEqual(['Day Opportunities - Transport Briefing']);
      expect(answered[0]!.edge.evidence.sentence).toMatch(/^Further to the request made at the meeting on 3 June 2025/);
      const [deferral] = await store.list('Deferral', { first: 5, offset: 0 });
      const landed = await store.related([deferral!.id], 'LANDED_IN', 'out');
      expect(landed.map((r) => props(r).title)).toEqual(['Carers Strategy Refresh']);
      const back = await store.related([landed[0]!.node.props.id as string], 'LANDED_IN', 'in');
      expect(back.map((r) => r.node.props.id)).toEqual([deferral!.id]);
    });

    it('drops the links with the later document that owns them, and keeps the earlier record', async () => {
      await store.removeDocument(ids.document(septemberMeeting().source.id));
      const { relations, nodes } = await store.counts();
      expect(relations.ANSWERED_IN ?? 0).toBe(0);
      expect(relations.LANDED_IN ?? 0).toBe(0);
      expect(nodes.Decision).toBe(3);
      expect(relations.DECLARED_INTEREST).toBe(2);
    });
  });
}
