/**
 * Left rail: the legend doubles as the node-type filter (colour, name, count, checkbox),
 * then relation types (with the line style each is drawn in), then a date range over meetings
 * and their items.
 */
import { nodeColour, nodeTypeLabel, relLabel, relStyle, typeRank } from '../graph/palette.ts';
import { append, clear, h } from './dom.ts';

export interface FilterModel {
  nodeCounts: Map<string, number>;
  edgeCounts: Map<string, number>;
  hiddenNodeTypes: Set<string>;
  hiddenRelTypes: Set<string>;
  from: string | null;
  to: string | null;
  dateExtent: [string, string] | null;
}

export interface FilterChange {
  toggleNodeType?: string;
  toggleRelType?: string;
  from?: string | null;
  to?: string | null;
  reset?: true;
}

export function renderFilters(root: HTMLElement, model: FilterModel, onChange: (change: FilterChange) => void): void {
  clear(root);
  const nodeTypes = [...model.nodeCounts.keys(), ...model.hiddenNodeTypes].filter((t, i, all) => all.indexOf(t) === i);
  nodeTypes.sort((a, b) => typeRank(a) - typeRank(b));
  const relTypes = [...model.edgeCounts.keys(), ...model.hiddenRelTypes].filter((t, i, all) => all.indexOf(t) === i).sort();

  const legend = h(
    'ul',
    { class: 'legend', 'data-testid': 'legend' },
    nodeTypes.length
      ? nodeTypes.map((type) =>
          h(
            'li',
            {},
            h(
              'label',
              { class: model.hiddenNodeTypes.has(type) ? 'off' : '' },
              h('input', {
                type: 'checkbox',
                checked: !model.hiddenNodeTypes.has(type),
                'data-node-type': type,
                onChange: (() => onChange({ toggleNodeType: type })) as EventListener,
              }),
              h('span', { class: 'dot', style: `background:${nodeColour(type)}` }),
              h('span', { class: 'legend-name' }, nodeTypeLabel(type)),
              h('span', { class: 'count' }, String(model.nodeCounts.get(type) ?? 0)),
            ),
          ),
        )
      : h('li', { class: 'muted small' }, 'Open an entity to see its types here.'),
  );

  const relations = h(
    'ul',
    { class: 'legend relations', 'data-testid': 'relation-filter' },
    relTypes.map((type) =>
      h(
        'li',
        {},
        h(
          'label',
          { class: model.hiddenRelTypes.has(type) ? 'off' : '' },
          h('input', {
            type: 'checkbox',
            checked: !model.hiddenRelTypes.has(type),
            'data-rel-type': type,
            onChange: (() => onChange({ toggleRelType: type })) as EventListener,
          }),
          h('span', { class: `rel-swatch${relStyle(type).dashed ? ' dashed' : ''}`, style: `--rel:${relStyle(type).colour}`, 'aria-hidden': 'true' }),
          h('span', { class: 'legend-name' }, relLabel(type)),
          h('span', { class: 'count' }, String(model.edgeCounts.get(type) ?? 0)),
        ),
      ),
    ),
  );

  const dateInput = (which: 'from' | 'to'): HTMLInputElement => {
    const input = h('input', {
      type: 'date',
      value: model[which] ?? '',
      'data-testid': `date-${which}`,
      'aria-label': which === 'from' ? 'From date' : 'To date',
      min: model.dateExtent?.[0],
      max: model.dateExtent?.[1],
    });
    input.addEventListener('change', () => onChange({ [which]: input.value || null }));
    return input;
  };

  const filtered = model.hiddenNodeTypes.size || model.hiddenRelTypes.size || model.from || model.to;
  append(
    root,
    h('h3', {}, 'Node types'),
    legend,
    relTypes.length ? h('h3', {}, 'Relations') : null,
    relTypes.length ? relations : null,
    h('h3', {}, 'Meeting dates'),
    h(
      'div',
      { class: 'dates' },
      h('label', {}, 'From', dateInput('from')),
      h('label', {}, 'To', dateInput('to')),
    ),
    model.dateExtent
      ? h('p', { class: 'muted small' }, `On screen: ${model.dateExtent[0]} to ${model.dateExtent[1]}`)
      : null,
    filtered
      ? h(
          'button',
          { type: 'button', class: 'btn small', 'data-testid': 'filters-reset', onClick: (() => onChange({ reset: true })) as EventListener },
          'Show everything',
        )
      : null,
  );
}
