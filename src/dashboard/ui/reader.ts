/**
 * The source viewer: the minutes as ingested, scrolled to the statement, the statement
 * highlighted at its exact offsets, the heading of the item it is in above the text, its page
 * for a PDF, the published minutes linked; next and previous step through the statements of
 * the same relation or entity.
 */
import type { Evidence, SourceDoc } from '../api/types.ts';
import type { ReaderState } from '../state/store.ts';
import { clear, h } from './dom.ts';
import { citation } from './evidence.ts';

export interface ReaderActions {
  step(delta: number): void;
  close(): void;
  correct?(evidence: Evidence): void;
}

/** The item whose span holds the offset (the innermost, when spans nest). */
export function itemAt(doc: SourceDoc, offset: number): SourceDoc['items'][number] | null {
  let best: SourceDoc['items'][number] | null = null;
  for (const i of doc.items) if (i.start <= offset && offset < Math.max(i.end, i.start + 1) && (!best || i.start >= best.start)) best = i;
  return best;
}

function pageAt(starts: readonly number[] | null, offset: number): number | null {
  if (!starts?.length) return null;
  let page = 1;
  for (let i = 0; i < starts.length; i++) if (starts[i]! <= offset) page = i + 1;
  return page;
}

export function renderReader(root: HTMLElement, reader: ReaderState | null, actions: ReaderActions): void {
  if (!reader) {
    if (!root.hidden) {
      clear(root);
      root.hidden = true;
    }
    return;
  }
  performance.mark('councilgraph:reader-start');
  const ev = reader.entries[reader.index]!;
  const wasOpen = !root.hidden;
  clear(root);
  root.hidden = false;
  const count = reader.entries.length;
  const header = h(
    'header',
    { class: 'reader-header' },
    h('div', { class: 'reader-subject' }, h('span', { class: 'type-chip relation' }, 'Source'), h('h2', { id: 'reader-title', 'data-testid': 'reader-title', tabindex: '-1' }, reader.subject)),
    h('div', { class: 'reader-cite', 'data-testid': 'reader-cite' }, citation(ev)),
    h(
      'div',
      { class: 'reader-nav' },
      h('button', { type: 'button', class: 'btn small', 'data-testid': 'reader-prev', disabled: reader.index === 0, onClick: (() => actions.step(-1)) as EventListener }, '← Previous'),
      h('span', { class: 'reader-count', 'aria-live': 'polite', 'data-testid': 'reader-count' }, `Statement ${reader.index + 1} of ${count}`),
      h('button', { type: 'button', class: 'btn small', 'data-testid': 'reader-next', disabled: reader.index >= count - 1, onClick: (() => actions.step(1)) as EventListener }, 'Next →'),
      ev.url ? h('a', { class: 'link', href: ev.url, target: '_blank', rel: 'noopener noreferrer', 'data-testid': 'reader-url' }, 'Published minutes ↗') : null,
      actions.correct ? h('button', { type: 'button', class: 'btn small quiet', 'data-testid': 'reader-correct', onClick: (() => actions.correct!(ev)) as EventListener }, 'Report a mistake') : null,
      h('button', { type: 'button', class: 'btn small', 'data-testid': 'reader-close', 'aria-label': 'Close the source viewer', onClick: (() => actions.close()) as EventListener }, 'Close'),
    ),
  );
  root.append(header);
  const doc = reader.doc;
  if (doc.state === 'loading') {
    root.append(h('div', { class: 'panel-loading', 'data-state': 'loading', role: 'status' }, h('div', { class: 'spinner' }), 'Opening the minutes…'));
    return;
  }
  if (doc.state === 'error') {
    root.append(h('div', { class: 'notice error', role: 'alert' }, `Could not open the minutes: ${doc.message}`));
    return;
  }
  const d = doc.value;
  if (!d || d.text === null) {
    root.append(
      h('div', { class: 'notice', 'data-testid': 'reader-no-text' }, 'The store does not hold this document’s text (it was ingested before texts were kept): re-ingest it to read it here. The statement: ', h('q', {}, ev.sentence)),
    );
    return;
  }
  const text = d.text;
  const start = Math.max(0, Math.min(ev.start, text.length));
  const end = Math.max(start, Math.min(ev.end, text.length));
  const item = itemAt(d, start);
  const page = ev.page ?? pageAt(d.pageStarts, start);
  root.append(
    h(
      'div',
      { class: 'reader-context' },
      h('span', { 'data-testid': 'reader-item' }, item ? `Item ${item.number ? `${item.number}. ` : ''}${item.title}` : 'Outside any item (the meeting’s preamble)'),
      page ? h('span', { class: 'reader-page', 'data-testid': 'reader-page' }, `Page ${page}${d.pageStarts ? ` of ${d.pageStarts.length}` : ''}`) : null,
      h('span', { class: 'muted' }, `${d.name} (${d.format})`),
    ),
  );
  // Three text nodes and a mark: the text stays exactly as ingested, offsets and all.
  const mark = h('mark', { 'data-testid': 'reader-mark', 'data-start': String(start), 'data-end': String(end), id: 'reader-mark' }, text.slice(start, end));
  const body = h(
    'pre',
    { class: 'reader-text', 'data-testid': 'reader-text', tabindex: '0', 'aria-label': `Text of ${d.name}, the statement highlighted` },
    text.slice(0, start),
    mark,
    text.slice(end),
  );
  root.append(body);
  mark.scrollIntoView({ block: 'center' });
  if (!wasOpen) (root.querySelector('#reader-title') as HTMLElement | null)?.focus({ preventScroll: true });
  performance.mark('councilgraph:reader-highlighted');
  performance.measure('councilgraph:reader', 'councilgraph:reader-start', 'councilgraph:reader-highlighted');
}
