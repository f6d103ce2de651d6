/**
 * Type-ahead search box over the API's `search`: results grouped by type (people, bodies,
 * strategies, meetings first), keyboard navigable, stale answers dropped.
 */
import { ApiUnreachableError, type GraphQLClient } from '../api/client.ts';
import { searchEntities } from '../api/queries.ts';
import type { SearchHit } from '../api/types.ts';
import { nodeColour, nodeTypeLabel, typeRank } from '../graph/palette.ts';
import { clear, h } from './dom.ts';

export interface SearchBoxOptions {
  api: GraphQLClient;
  placeholder: string;
  label: string;
  testId: string;
  onPick(hit: SearchHit): void;
}

const DEBOUNCE_MS = 120;

export function createSearchBox(opts: SearchBoxOptions): { root: HTMLElement; input: HTMLInputElement; clear(): void } {
  const listId = `${opts.testId}-list`;
  const input = h('input', {
    type: 'search',
    class: 'search-input',
    placeholder: opts.placeholder,
    'aria-label': opts.label,
    autocomplete: 'off',
    spellcheck: 'false',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-autocomplete': 'list',
    'data-testid': opts.testId,
  });
  const list = h('div', { class: 'search-results', id: listId, role: 'listbox', hidden: true });
  const root = h('div', { class: 'search' }, input, list);

  let hits: SearchHit[] = [];
  let active = -1;
  let timer = 0;
  let inflight: AbortController | null = null;

  const close = (): void => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    active = -1;
  };
  const message = (text: string, kind: string): void => {
    clear(list);
    list.append(h('div', { class: `search-message ${kind}`, 'data-state': kind }, text));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  };
  const pick = (hit: SearchHit): void => {
    close();
    input.value = hit.label;
    opts.onPick(hit);
  };
  const render = (): void => {
    clear(list);
    const sorted = [...hits].sort((a, b) => typeRank(a.type) - typeRank(b.type));
    hits = sorted;
    let lastType = '';
    sorted.forEach((hit, i) => {
      if (hit.type !== lastType) {
        lastType = hit.type;
        list.append(h('div', { class: 'search-group' }, nodeTypeLabel(hit.type)));
      }
      const option = h(
        'div',
        {
          class: `search-hit${i === active ? ' active' : ''}`,
          role: 'option',
          id: `${listId}-${i}`,
          'aria-selected': i === active ? 'true' : 'false',
          'data-id': hit.id,
          'data-type': hit.type,
          // mousedown, not click: the input's blur would close the list first.
          onMousedown: ((e: MouseEvent) => {
            e.preventDefault();
            pick(hit);
          }) as EventListener,
        },
        h('span', { class: 'dot', style: `background:${nodeColour(hit.type)}` }),
        h('span', { class: 'hit-label' }, hit.label),
        hit.detail ? h('span', { class: 'hit-detail' }, hit.detail) : null,
      );
      list.append(option);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
  };

  const run = async (text: string): Promise<void> => {
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    message('Searching…', 'loading');
    try {
      const found = await searchEntities(opts.api, text, controller.signal);
      if (controller.signal.aborted) return;
      hits = found;
      active = found.length ? 0 : -1;
      if (!found.length) message(`No people, bodies, strategies or meetings match “${text}”.`, 'empty');
      else render();
    } catch (err) {
      if (controller.signal.aborted) return;
      const text =
        err instanceof ApiUnreachableError
          ? 'Search is unavailable: the councilgraph API is not answering.'
          : `Search failed: ${(err as Error).message}`;
      message(text, 'error');
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 2) {
      inflight?.abort();
      close();
      return;
    }
    timer = window.setTimeout(() => void run(text), DEBOUNCE_MS);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!hits.length || list.hidden) return;
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (e.key === 'Enter') {
      const hit = hits[active];
      if (hit && !list.hidden) {
        e.preventDefault();
        pick(hit);
      }
    } else if (e.key === 'Escape') {
      close();
    }
  });
  input.addEventListener('blur', () => close());
  input.addEventListener('focus', () => {
    if (hits.length && input.value.trim().length >= 2) render();
  });

  return {
    root,
    input,
    clear() {
      input.value = '';
      hits = [];
      close();
    },
  };
}
