/**
 * ForceAtlas2 layout. Small and mid-size views settle synchronously in a bounded number of
 * iterations (a 300-node view takes a few tens of ms, so the first picture is already final);
 * large views are drawn at once and refined in a web worker for a bounded time, so the page
 * never blocks on a 5,000-node expansion.
 */
import * as fa2Module from 'graphology-layout-forceatlas2';
import * as fa2WorkerModule from 'graphology-layout-forceatlas2/worker.js';
import type { ViewGraph } from './model.ts';

// CommonJS packages: under NodeNext typing the default export sits on `.default`, while the
// bundler hands over module.exports itself; accept either.
type FA2 = typeof import('graphology-layout-forceatlas2').default;
type FA2Supervisor = typeof import('graphology-layout-forceatlas2/worker.js').default;
const forceAtlas2 = ((fa2Module as { default?: unknown }).default ?? fa2Module) as FA2;
const FA2LayoutSupervisor = ((fa2WorkerModule as { default?: unknown }).default ?? fa2WorkerModule) as FA2Supervisor;
type FA2LayoutSupervisor = InstanceType<FA2Supervisor>;

const SYNC_LIMIT = 1200;
const WORKER_MS = 4000;

function settings(graph: ViewGraph) {
  return {
    ...forceAtlas2.inferSettings(graph),
    barnesHutOptimize: graph.order > 600,
    // Strong gravity keeps disconnected bits (after removals) from drifting off screen.
    strongGravityMode: true,
    gravity: 0.05,
    scalingRatio: 12,
    adjustSizes: false,
  };
}

export interface LayoutRun {
  /** Resolves when positions are final (immediately for synchronous runs). */
  done: Promise<void>;
  stop(): void;
}

let current: FA2LayoutSupervisor | null = null;

export function isLayoutRunning(): boolean {
  return current?.isRunning() ?? false;
}

export function stopLayout(): void {
  current?.kill();
  current = null;
}

export function runLayout(graph: ViewGraph, effort: 'full' | 'touch-up'): LayoutRun {
  stopLayout();
  if (graph.order < 2) return { done: Promise.resolve(), stop() {} };
  if (graph.order <= SYNC_LIMIT) {
    // A fixed budget of pair interactions (n² per iteration without Barnes-Hut): small views
    // get many iterations, a 300-node view about a hundred, which is where FA2 has settled.
    const budget = effort === 'full' ? 9e6 : 3e6;
    const pairs = graph.order > 600 ? graph.order * Math.log2(graph.order) * 8 : graph.order * graph.order;
    const iterations = Math.round(Math.min(200, Math.max(30, budget / pairs)));
    forceAtlas2.assign(graph, { iterations, settings: settings(graph) });
    return { done: Promise.resolve(), stop() {} };
  }
  const supervisor = new FA2LayoutSupervisor(graph, { settings: settings(graph) });
  current = supervisor;
  supervisor.start();
  let timer = 0;
  const done = new Promise<void>((resolve) => {
    timer = window.setTimeout(() => {
      if (current === supervisor) stopLayout();
      resolve();
    }, WORKER_MS);
  });
  return {
    done,
    stop() {
      window.clearTimeout(timer);
      if (current === supervisor) stopLayout();
    },
  };
}
