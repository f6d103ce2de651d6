/**
 * The dashboard's one state and its reducer. Everything on screen is drawn from this state by
 * render.ts; the controller (app.ts) only fetches, changes the on-screen graph, and dispatches
 * what it learned. `url` is the part a link carries (view-state.ts).
 */
import type { LedgerEntry } from '../api/ledger.ts';
import type { Evidence, Features, HomeData, NodeDetails, SourceDoc, TimelineEntry } from '../api/types.ts';
import type { EntityTables } from '../tables/model.ts';
import { emptyState, type ViewState } from './view-state.ts';

export type Status = 'booting' | 'home' | 'loading' | 'ready' | 'error';

export type Loadable<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; value: T };

export const loading = { state: 'loading' } as const;
export const ready = <T>(value: T): Loadable<T> => ({ state: 'ready', value });
export const failed = (err: unknown): Loadable<never> => ({ state: 'error', message: err instanceof Error ? err.message : String(err) });

export interface PathStep {
  node: { id: string; label: string; type: string };
  /** The relation leading to the next node, with its direction as stored. */
  edge: { key: string; type: string; forward: boolean } | null;
}

export interface ReaderState {
  /** The statements the viewer steps through (next, previous), and the one shown. */
  entries: Evidence[];
  index: number;
  /** What the statements are evidence of ("Helen Sweaton · presented · 14. Early Help"). */
  subject: string;
  /** The relation they support, when they came from one (for a correction). */
  relation: { type: string; from: string; to: string } | null;
  doc: Loadable<SourceDoc | null>;
}

export interface CorrectionState {
  evidence: Evidence | null;
  relation: { type: string; from: string; to: string } | null;
  /** The entity the correction starts from (merge, split, rename). */
  subject: { id: string; label: string } | null;
  outcome: { state: 'editing' } | { state: 'sending' } | { state: 'done'; message: string; applied: boolean } | { state: 'error'; message: string };
}

export interface Failure {
  message: string;
  down: boolean;
  code: string | null;
}

export interface AppState {
  url: ViewState;
  status: Status;
  failure: Failure | null;
  home: Loadable<HomeData> | null;
  features: Features;
  /** The server records corrections (Mutation.correct). */
  corrections: boolean;
  /** Bumped whenever the on-screen graph gains or loses nodes or edges. */
  graphVersion: number;
  truncated: boolean;
  details: { id: string; data: Loadable<NodeDetails | null> } | null;
  path: { from: string; to: string; steps: Loadable<PathStep[] | null> } | null;
  /** The path bar is open, asking where a path from this entity should go. */
  pathStart: string | null;
  timeline: { id: string | null; data: Loadable<TimelineEntry[] | null> } | null;
  tables: { id: string; data: Loadable<EntityTables | null> } | null;
  /** Every request and deferral with where it went (the Ledger view), once asked for. */
  ledger: Loadable<LedgerEntry[]> | null;
  reader: ReaderState | null;
  correction: CorrectionState | null;
  toast: { message: string; seq: number } | null;
  /** Table sort orders, by `${entity}|${table}`. */
  sorts: Readonly<Record<string, { key: string; direction: 'asc' | 'desc' }>>;
}

export function initialState(url: ViewState = emptyState()): AppState {
  return {
    url,
    status: 'booting',
    failure: null,
    home: null,
    features: { declarations: false, decisions: false, ledger: false },
    corrections: false,
    graphVersion: 0,
    truncated: false,
    details: null,
    path: null,
    pathStart: null,
    timeline: null,
    tables: null,
    ledger: null,
    reader: null,
    correction: null,
    toast: null,
    sorts: {},
  };
}

export type Action =
  | { type: 'url'; patch: Partial<ViewState> }
  | { type: 'status'; status: Status; failure?: Failure | null }
  | { type: 'home'; home: Loadable<HomeData> }
  | { type: 'capabilities'; features?: Features; corrections?: boolean }
  | { type: 'graph'; truncated?: boolean }
  | { type: 'details'; details: AppState['details'] }
  | { type: 'path'; path: AppState['path'] }
  | { type: 'path-start'; from: string | null }
  | { type: 'timeline'; timeline: AppState['timeline'] }
  | { type: 'tables'; tables: AppState['tables'] }
  | { type: 'ledger'; ledger: AppState['ledger'] }
  | { type: 'reader'; reader: ReaderState | null }
  | { type: 'reader-doc'; doc: Loadable<SourceDoc | null> }
  | { type: 'correction'; correction: CorrectionState | null }
  | { type: 'toast'; message: string | null }
  | { type: 'sort'; table: string; key: string };

export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'url':
      return { ...state, url: { ...state.url, ...action.patch } };
    case 'status':
      return { ...state, status: action.status, failure: action.status === 'error' ? (action.failure ?? null) : null };
    case 'home':
      return { ...state, home: action.home };
    case 'capabilities':
      return { ...state, features: action.features ?? state.features, corrections: action.corrections ?? state.corrections };
    case 'graph':
      return { ...state, graphVersion: state.graphVersion + 1, truncated: action.truncated ?? state.truncated };
    case 'details':
      return { ...state, details: action.details };
    case 'path':
      return { ...state, path: action.path };
    case 'path-start':
      return { ...state, pathStart: action.from };
    case 'timeline':
      return { ...state, timeline: action.timeline };
    case 'tables':
      return { ...state, tables: action.tables };
    case 'ledger':
      return { ...state, ledger: action.ledger };
    case 'reader': {
      const r = action.reader;
      const ev = r?.entries[r.index];
      return { ...state, reader: r, url: { ...state.url, reading: ev ? { doc: ev.sourceId, start: ev.start, end: ev.end } : null } };
    }
    case 'reader-doc':
      return state.reader ? { ...state, reader: { ...state.reader, doc: action.doc } } : state;
    case 'correction':
      return { ...state, correction: action.correction };
    case 'sort': {
      const known = state.sorts[action.table];
      const direction = known?.key === action.key && known.direction === 'asc' ? 'desc' : 'asc';
      return { ...state, sorts: { ...state.sorts, [action.table]: { key: action.key, direction } } };
    }
    case 'toast':
      return { ...state, toast: action.message === null ? null : { message: action.message, seq: (state.toast?.seq ?? 0) + 1 } };
  }
}

export type Listener = (state: AppState, previous: AppState) => void;

/** A small store: one state, one reducer, listeners told after every change. */
export class Store {
  private listeners: Listener[] = [];
  constructor(private current: AppState) {}

  get state(): AppState {
    return this.current;
  }

  dispatch(action: Action): void {
    const previous = this.current;
    const next = reduce(previous, action);
    if (next === previous) return;
    this.current = next;
    for (const l of this.listeners) l(next, previous);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((l) => l !== listener));
  }
}
