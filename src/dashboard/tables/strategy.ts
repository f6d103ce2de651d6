/**
 * A strategy's record: the items about it over time, who presented them, and what was decided
 * (decisions come with issue 9's record of the whole meeting).
 */
import { evidence, type StrategyRecord } from '../api/queries.ts';
import type { Features } from '../api/types.ts';
import { evidenceCell, type EntityTables, type TableModel } from './model.ts';

export function strategyTables(s: StrategyRecord, features: Features): EntityTables {
  const evidenceByItem = new Map<string, StrategyRecord['about'][number]['evidence']>();
  for (const h of s.about) if (h.item) evidenceByItem.set(h.item.id, [...(evidenceByItem.get(h.item.id) ?? []), ...h.evidence]);
  const items: TableModel = {
    id: 'strategy-items',
    title: 'Items over time',
    caption: `Agenda items about ${s.name}, oldest first: where, who presented them, and what was decided.`,
    columns: [
      { key: 'date', label: 'Date', kind: 'date' },
      { key: 'body', label: 'Body', kind: 'text' },
      { key: 'item', label: 'Item', kind: 'text' },
      { key: 'presented', label: 'Presented by', kind: 'text' },
      { key: 'decided', label: 'Decided', kind: 'text' },
      { key: 'evidence', label: 'Evidence', kind: 'text' },
    ],
    rows: s.items.map((i) => {
      const people = [...i.presenters, ...i.introducers.filter((p) => !i.presenters.some((q) => q.id === p.id))];
      return [
        { text: i.meeting.date ?? '', link: i.meeting.id },
        { text: i.meeting.body?.name ?? '', ...(i.meeting.body ? { link: i.meeting.body.id } : {}) },
        { text: `${i.number ? `${i.number}. ` : ''}${i.title}`, link: i.id },
        { text: people.map((p) => p.name).join('; '), ...(people.length === 1 ? { link: people[0]!.id } : {}) },
        { text: features.decisions ? '' : 'not recorded yet' },
        evidenceCell((evidenceByItem.get(i.id) ?? []).map(evidence)),
      ];
    }),
    empty: `No agenda item in the graph is about ${s.name}.`,
  };
  return { id: s.id, type: 'Strategy', title: s.name, sections: [items] };
}
