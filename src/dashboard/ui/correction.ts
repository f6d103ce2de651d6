/**
 * "Fix it where you see it": a form to record a correction from a statement or an entity
 * (this relation is wrong, these two are one, this name is spelled so). It writes through
 * Mutation.correct to the server's corrections file, where ingestion applies it on every run.
 */
import { REL_TYPES, REL_TYPE_NAMES } from '../../graph/model.ts';
import type { CorrectionInput } from '../api/generated.ts';
import { relLabel } from '../graph/palette.ts';
import type { CorrectionState } from '../state/store.ts';
import { clear, h } from './dom.ts';
import { citation } from './evidence.ts';
import { createSearchBox } from './search.ts';
import type { GraphQLClient } from '../api/client.ts';

export interface CorrectionActions {
  submit(input: CorrectionInput): void;
  close(): void;
  label(id: string): string;
  /** An entity's node type (Person, Item…). */
  type(id: string): string;
}

/** The model's relation types that can join a node of type `from` to one of type `to`. */
export function relationsBetween(from: string, to: string): string[] {
  return REL_TYPE_NAMES.filter((t) => (REL_TYPES[t].pairs as readonly (readonly [string, string])[]).some(([a, b]) => a === from && b === to));
}

export function renderCorrection(root: HTMLElement, c: CorrectionState | null, api: GraphQLClient, actions: CorrectionActions): void {
  if (!c) {
    if (!root.hidden) {
      clear(root);
      root.hidden = true;
    }
    return;
  }
  const wasOpen = !root.hidden;
  // Keep a form being filled in: only the outcome line changes while it is sent.
  const existing = root.querySelector('form');
  if (wasOpen && existing && c.outcome.state !== 'editing') {
    root.querySelector('.correction-outcome')?.replaceWith(outcome(c));
    return;
  }
  clear(root);
  root.hidden = false;
  // What the model lets join these two, but the one being rejected.
  const missing = c.relation ? relationsBetween(actions.type(c.relation.from), actions.type(c.relation.to)).filter((t) => t !== c.relation!.type) : [];
  const kinds: { value: CorrectionInput['kind']; label: string }[] = c.relation
    ? [
        { value: 'REJECT', label: `This is wrong: ${actions.label(c.relation.from)} did not ${relLabel(c.relation.type)} ${actions.label(c.relation.to)}` },
        ...(missing.length ? [{ value: 'ADD' as const, label: 'A relation is missing between these two' }] : []),
      ]
    : [
        { value: 'MERGE', label: 'This is the same as another entity' },
        { value: 'SPLIT', label: 'This is two different entities taken for one' },
        { value: 'RENAME', label: 'The name is spelled otherwise' },
      ];
  let other: string | null = null;
  const radios = kinds.map((k, i) =>
    h('label', { class: 'inline-check' }, h('input', { type: 'radio', name: 'kind', value: k.value, checked: i === 0, 'data-testid': `correct-kind-${k.value}` }), k.label),
  );
  const relation = h('select', { name: 'relation', 'aria-label': 'Missing relation type', 'data-testid': 'correct-relation' }, missing.map((t) => h('option', { value: t }, relLabel(t))));
  const name = h('input', { type: 'text', name: 'name', maxlength: '200', 'aria-label': 'The name as it should be written', 'data-testid': 'correct-name' });
  const note = h('textarea', { name: 'note', maxlength: '2000', rows: '3', 'aria-label': 'Why (kept with the correction)', 'data-testid': 'correct-note' });
  const otherBox = createSearchBox({
    api,
    placeholder: 'the other entity…',
    label: 'The other entity',
    testId: 'correct-other',
    onPick: (hit) => (other = hit.id),
  });
  const form = h(
    'form',
    { class: 'correction-form', 'data-testid': 'correction-form', 'aria-labelledby': 'correction-title' },
    h('h2', { id: 'correction-title', tabindex: '-1' }, 'Report a mistake'),
    c.evidence ? h('p', { class: 'small' }, 'From: ', h('q', {}, c.evidence.sentence), h('span', { class: 'muted' }, ` (${citation(c.evidence)})`)) : null,
    c.subject ? h('p', { class: 'small' }, `About: ${c.subject.label}`) : null,
    h('fieldset', {}, h('legend', {}, 'What is wrong'), radios),
    c.relation && missing.length ? h('label', { class: 'field' }, 'Missing relation (for “missing”)', relation) : null,
    c.subject ? h('div', { class: 'field' }, h('span', {}, 'The other entity (same as / different from)'), otherBox.root) : null,
    c.subject ? h('label', { class: 'field' }, 'Correct spelling (for “spelled otherwise”)', name) : null,
    h('label', { class: 'field' }, 'Note', note),
    h(
      'div',
      { class: 'panel-actions' },
      h('button', { type: 'submit', class: 'btn primary', 'data-testid': 'correct-submit' }, 'Record the correction'),
      h('button', { type: 'button', class: 'btn', 'data-testid': 'correct-cancel', onClick: (() => actions.close()) as EventListener }, 'Close'),
    ),
    outcome(c),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const kind = (form.querySelector('input[name=kind]:checked') as HTMLInputElement).value as CorrectionInput['kind'];
    const evidence = c.evidence ? { source: c.evidence.sourceId, start: c.evidence.start, end: c.evidence.end } : null;
    const base = { kind, note: note.value || null, evidence };
    if (c.relation) {
      actions.submit({ ...base, ids: [c.relation.from, c.relation.to], relation: kind === 'REJECT' ? c.relation.type : relation.value });
    } else if (c.subject) {
      actions.submit(kind === 'RENAME' ? { ...base, ids: [c.subject.id], name: name.value } : { ...base, ids: [c.subject.id, other ?? ''] });
    }
  });
  root.append(form);
  if (!wasOpen) (root.querySelector('#correction-title') as HTMLElement | null)?.focus();
}

function outcome(c: CorrectionState): HTMLElement {
  const o = c.outcome;
  const text = o.state === 'sending' ? 'Recording…' : o.state === 'done' ? o.message : o.state === 'error' ? o.message : '';
  return h('p', { class: `correction-outcome ${o.state}`, role: 'status', 'data-testid': 'correct-outcome', 'data-state': o.state }, text);
}
