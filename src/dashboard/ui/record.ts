/**
 * The item and meeting panel's record: decisions (outcome, mover, seconder, vote) and
 * declarations of interest. Its own file so the panel's layout can change around it.
 */
import type { NodeDetails } from '../api/types.ts';
import { h } from './dom.ts';

/** What the panel lends: its section frame, its link button, and "open this node". */
export interface RecordParts {
  section: (title: string, ...body: (Node | null)[]) => HTMLElement;
  linkButton: (text: string, onClick: () => void, testId?: string) => HTMLElement;
  show: (id: string) => void;
}

export function recordSections(details: NodeDetails, parts: RecordParts): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (details.decisions.length) {
    out.push(
      parts.section(
        `Decisions (${details.decisions.length})`,
        h(
          'ol',
          { class: 'decisions', 'data-testid': 'decisions' },
          details.decisions.map((d) =>
            h(
              'li',
              { 'data-outcome': d.outcome ?? '' },
              d.outcome ? h('span', { class: 'outcome-chip' }, d.outcome.toLowerCase()) : null,
              h('span', {}, d.text),
              d.movedBy || d.secondedBy || d.vote
                ? h(
                    'div',
                    { class: 'muted small' },
                    [
                      d.movedBy ? `moved by ${d.movedBy.name}` : null,
                      d.secondedBy ? `seconded by ${d.secondedBy.name}` : null,
                      d.vote,
                    ]
                      .filter(Boolean)
                      .join('; '),
                  )
                : null,
            ),
          ),
        ),
      ),
    );
  }
  if (details.declarations.length) {
    out.push(
      parts.section(
        `Declarations of interest (${details.declarations.length})`,
        h(
          'ul',
          { class: 'declarations', 'data-testid': 'declarations' },
          details.declarations.map((d) =>
            h(
              'li',
              {},
              parts.linkButton(d.person.name, () => parts.show(d.person.id)),
              h('span', {}, ` · ${d.kind.toLowerCase().replace(/_/g, '-')}${d.interest ? `: ${d.interest}` : ''}`),
              d.item && details.type !== 'Item' ? h('div', { class: 'muted small' }, `Item ${d.item.number ? `${d.item.number} ` : ''}· ${d.item.title}`) : null,
            ),
          ),
        ),
      ),
    );
  }
  return out;
}
