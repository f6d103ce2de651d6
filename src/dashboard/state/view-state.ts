/**
 * Everything needed to reopen a view, kept in the URL hash so a link reproduces what the
 * sender saw: the entity opened, the nodes expanded and removed (replayed in order), pins,
 * selection, filters, path (and whether it may run through absences), the view (graph, table,
 * timeline or the ledger), the statement open in the source viewer, and the camera.
 */

export interface Pin {
  id: string;
  x: number;
  y: number;
}

export type Selection = { kind: 'node'; id: string } | { kind: 'edge'; key: string } | null;

export type View = 'graph' | 'table' | 'timeline' | 'ledger';

/** A statement open in the source viewer: the document and the span. */
export interface Reading {
  doc: string;
  start: number;
  end: number;
}

export interface ViewState {
  open: string | null;
  expanded: string[];
  removed: string[];
  pinned: Pin[];
  selected: Selection;
  hiddenNodeTypes: string[];
  hiddenRelTypes: string[];
  from: string | null;
  to: string | null;
  path: [string, string] | null;
  /** The path may run through "sent apologies" (absences are left out by default). */
  pathAbsences: boolean;
  view: View;
  reading: Reading | null;
  camera: { x: number; y: number; ratio: number } | null;
}

export function emptyState(): ViewState {
  return {
    open: null,
    expanded: [],
    removed: [],
    pinned: [],
    selected: null,
    hiddenNodeTypes: [],
    hiddenRelTypes: [],
    from: null,
    to: null,
    path: null,
    pathAbsences: false,
    view: 'graph',
    reading: null,
    camera: null,
  };
}

// Ids are encoded one by one so a comma or '@' inside an id cannot break the list.
const list = (ids: readonly string[]): string => ids.map(encodeURIComponent).join(',');
const unlist = (text: string | null): string[] =>
  text ? text.split(',').filter(Boolean).map(decodeURIComponent) : [];

const DATE = /^\d{4}-\d{2}(-\d{2})?$/;

export function encodeState(state: ViewState): string {
  const parts: string[] = [];
  const put = (key: string, value: string): void => {
    if (value) parts.push(`${key}=${value}`);
  };
  if (state.open) put('open', encodeURIComponent(state.open));
  put('x', list(state.expanded));
  put('rm', list(state.removed));
  put(
    'pin',
    state.pinned.map((p) => `${encodeURIComponent(p.id)}@${p.x.toFixed(2)}@${p.y.toFixed(2)}`).join(','),
  );
  if (state.selected?.kind === 'node') put('sel', `n:${encodeURIComponent(state.selected.id)}`);
  if (state.selected?.kind === 'edge') put('sel', `e:${encodeURIComponent(state.selected.key)}`);
  put('hn', state.hiddenNodeTypes.join(','));
  put('hr', state.hiddenRelTypes.join(','));
  if (state.from) put('from', state.from);
  if (state.to) put('to', state.to);
  if (state.path) put('path', list(state.path));
  if (state.path && state.pathAbsences) put('pa', '1');
  if (state.view !== 'graph') put('view', state.view);
  if (state.reading) put('read', `${encodeURIComponent(state.reading.doc)}@${state.reading.start}-${state.reading.end}`);
  if (state.camera) {
    const c = state.camera;
    put('cam', `${c.x.toFixed(4)},${c.y.toFixed(4)},${c.ratio.toFixed(4)}`);
  }
  return parts.length ? `#${parts.join('&')}` : '';
}

export function decodeState(hash: string): ViewState {
  const state = emptyState();
  const params = new Map<string, string>();
  for (const part of hash.replace(/^#/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const open = params.get('open');
  state.open = open ? decodeURIComponent(open) : null;
  state.expanded = unlist(params.get('x') ?? null);
  state.removed = unlist(params.get('rm') ?? null);
  state.pinned = (params.get('pin') ?? '')
    .split(',')
    .filter(Boolean)
    .flatMap((entry) => {
      const [id, x, y] = entry.split('@');
      const px = Number(x);
      const py = Number(y);
      return id && Number.isFinite(px) && Number.isFinite(py) ? [{ id: decodeURIComponent(id), x: px, y: py }] : [];
    });
  const sel = params.get('sel');
  if (sel?.startsWith('n:')) state.selected = { kind: 'node', id: decodeURIComponent(sel.slice(2)) };
  if (sel?.startsWith('e:')) state.selected = { kind: 'edge', key: decodeURIComponent(sel.slice(2)) };
  state.hiddenNodeTypes = (params.get('hn') ?? '').split(',').filter(Boolean);
  state.hiddenRelTypes = (params.get('hr') ?? '').split(',').filter(Boolean);
  const from = params.get('from');
  const to = params.get('to');
  state.from = from && DATE.test(from) ? from : null;
  state.to = to && DATE.test(to) ? to : null;
  const path = unlist(params.get('path') ?? null);
  state.path = path.length === 2 ? [path[0]!, path[1]!] : null;
  state.pathAbsences = state.path !== null && params.get('pa') === '1';
  const view = params.get('view');
  state.view = view === 'timeline' || view === 'table' || view === 'ledger' ? view : 'graph';
  const read = /^(.+)@(\d+)-(\d+)$/.exec(params.get('read') ?? '');
  if (read && Number(read[3]) >= Number(read[2])) {
    try {
      state.reading = { doc: decodeURIComponent(read[1]!), start: Number(read[2]), end: Number(read[3]) };
    } catch {
      state.reading = null;
    }
  }
  const cam = (params.get('cam') ?? '').split(',').map(Number);
  if (cam.length === 3 && cam.every(Number.isFinite) && cam[2]! > 0) {
    state.camera = { x: cam[0]!, y: cam[1]!, ratio: cam[2]! };
  }
  return state;
}

/** Whether a (possibly partial) date falls inside an inclusive range of partial dates. */
export function inDateRange(date: string | null, from: string | null, to: string | null): boolean {
  if (!date) return true;
  // Compare on the shared prefix so '2024-03' is inside a range ending '2024-03-15'.
  if (from && date.slice(0, from.length) < from.slice(0, date.length)) return false;
  if (to && date.slice(0, to.length) > to.slice(0, date.length)) return false;
  return true;
}
