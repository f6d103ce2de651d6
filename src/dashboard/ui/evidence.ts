/**
 * "How we know": each statement as an analyst cites it (meeting date, body, item; the page of
 * a PDF; the published minutes where known), with a button that opens the minutes at it and,
 * where the server records corrections, one to say it is wrong.
 */
import type { Evidence } from '../api/types.ts';
import { h } from './dom.ts';

export interface EvidenceContext {
  /** What the statements are evidence of, for the viewer's heading. */
  subject: string;
  /** The relation they support, when they came from one. */
  relation: { type: string; from: string; to: string } | null;
}

export interface EvidenceActions {
  read(entries: Evidence[], index: number, context: EvidenceContext): void;
  /** Absent when the server keeps no corrections file. */
  correct?(evidence: Evidence, context: EvidenceContext): void;
}

/** "2025-11-04 · Improving Lives Select Commission · Item 14. Early Help Strategy · p. 3". */
export function citation(ev: Evidence): string {
  const item = ev.item ? `Item ${ev.item.number ? `${ev.item.number}. ` : ''}${ev.item.title}` : null;
  return [ev.meeting?.date ?? 'date not stated', ev.meeting?.body, item, ev.page ? `p. ${ev.page}` : null].filter(Boolean).join(' · ');
}

export function evidenceList(evidence: Evidence[], context: EvidenceContext, actions: EvidenceActions): HTMLElement {
  if (!evidence.length) return h('p', { class: 'muted' }, 'No evidence sentence recorded.');
  return h(
    'ol',
    { class: 'evidence', 'data-testid': 'evidence-list' },
    evidence.map((ev, i) =>
      h(
        'li',
        {},
        h('blockquote', {}, ev.sentence),
        h('div', { class: 'evidence-cite', 'data-testid': 'evidence-cite' }, citation(ev)),
        h(
          'div',
          { class: 'evidence-actions' },
          h(
            'button',
            {
              type: 'button',
              class: 'btn small',
              'data-testid': 'read-evidence',
              'aria-label': `Read in the minutes: ${citation(ev)}`,
              onClick: (() => actions.read(evidence, i, context)) as EventListener,
            },
            'Read in the minutes',
          ),
          ev.url ? h('a', { class: 'link', href: ev.url, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'evidence-url' }, 'Published minutes ↗') : null,
          actions.correct
            ? h(
                'button',
                {
                  type: 'button',
                  class: 'btn small quiet',
                  'data-testid': 'correct-evidence',
                  onClick: (() => actions.correct!(ev, context)) as EventListener,
                },
                'Report a mistake',
              )
            : null,
        ),
      ),
    ),
  );
}
