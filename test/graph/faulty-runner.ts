import type { Params, Row, Runner, Tx } from '../../src/graph/stores/runner.ts';

/** Wraps a real runner; can make the Nth statement of the next write transaction throw. */
export class FaultyRunner implements Runner {
  private failAt = 0;
  constructor(private readonly inner: Runner) {}

  failNextWriteAt(n: number): void {
    this.failAt = n;
  }

  run(statement: string, params?: Params): Promise<Row[]> {
    return this.inner.run(statement, params);
  }

  write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const failAt = this.failAt;
    this.failAt = 0;
    let n = 0;
    return this.inner.write((tx) =>
      work({
        run: async (statement, params) => {
          if (++n === failAt) throw new Error(`injected failure at statement ${n}`);
          return tx.run(statement, params);
        },
      }),
    );
  }

  schema(statements: string[]): Promise<void> {
    return this.inner.schema(statements);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
