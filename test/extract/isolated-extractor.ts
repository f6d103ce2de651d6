/**
 * Parent side of extract-runner.ts: one child process, one request at a time, and a hard
 * deadline per request after which the child is killed (and restarted for the next request).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunReply } from './extract-runner.ts';

const RUNNER = fileURLToPath(new URL('./extract-runner.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export class DeadlineExceeded extends Error {}

export class IsolatedExtractor {
  private child: ChildProcess | null = null;
  private ready: Promise<void> | null = null;
  private nextId = 0;

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const child = fork(RUNNER, [], {
      cwd: REPO_ROOT,
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child = child;
    this.ready = new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`extract runner exited during start-up (code ${code})`));
      child.once('exit', onExit);
      child.once('message', () => {
        child.off('exit', onExit);
        resolve();
      });
    });
    return this.ready;
  }

  /** Extracts `text`; rejects with DeadlineExceeded when it takes longer than `deadlineMs`. */
  async run(docId: string, text: string, deadlineMs: number): Promise<RunReply> {
    await this.start();
    const child = this.child!;
    const id = this.nextId++;
    return new Promise<RunReply>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onMessage = (reply: RunReply) => {
        if (reply.id !== id) return;
        done();
        resolve(reply);
      };
      const onExit = (code: number | null, signal: string | null) => {
        done();
        this.reset();
        reject(new Error(`extract runner died (code ${code}, signal ${signal}) on a ${text.length}-character input`));
      };
      const timer = setTimeout(() => {
        done();
        this.stop();
        reject(new DeadlineExceeded(`extraction did not finish within ${deadlineMs} ms on a ${text.length}-character input`));
      }, deadlineMs);
      child.on('message', onMessage);
      child.once('exit', onExit);
      child.send({ id, docId, text });
    });
  }

  stop(): void {
    this.child?.kill('SIGKILL');
    this.reset();
  }

  private reset(): void {
    this.child = null;
    this.ready = null;
  }
}
