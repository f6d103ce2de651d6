/**
 * The store contract against a real neo4j:5 server, started by testcontainers. Where no Docker
 * engine answers (as on the development machines), the suite is skipped with a visible reason;
 * the Neo4j Cypher is still checked everywhere by test/cypher/lint.test.ts.
 */
import { describe, it } from 'vitest';
import { CypherStore } from '../../src/graph/stores/cypher-store.ts';
import { connectNeo4j } from '../../src/graph/stores/neo4j.ts';
import { FaultyRunner } from './faulty-runner.ts';
import { recordContract } from './record-contract.ts';
import { storeContract, type ContractStore } from './store-contract.ts';

async function dockerProblem(): Promise<string | null> {
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return null;
  } catch (err) {
    return (err as Error).message.split('\n')[0] ?? 'unknown error';
  }
}

const problem = await dockerProblem();

if (problem) {
  const reason = `SKIPPED Neo4j store contract: no Docker engine answers (${problem}). Run on a machine with Docker to test against neo4j:5.`;
  console.warn(reason);
  describe.skip(reason, () => {
    it('runs the store contract (and its record suite) against neo4j:5', () => undefined);
  });
} else {
  const openNeo4j = async (): Promise<ContractStore> => {
    const { GenericContainer, Wait } = await import('testcontainers');
    const password = 'councilgraph-test';
    const container = await new GenericContainer('neo4j:5')
      .withEnvironment({ NEO4J_AUTH: `neo4j/${password}` })
      .withExposedPorts(7687)
      .withWaitStrategy(Wait.forLogMessage(/Started\./))
      .withStartupTimeout(180_000)
      .start();
    const uri = `bolt://${container.getHost()}:${container.getMappedPort(7687)}`;
    const runner = new FaultyRunner(await connectNeo4j({ uri, username: 'neo4j', password }));
    const store = new CypherStore('neo4j', runner);
    await store.init();
    return {
      store,
      failNextWriteAt: (n) => runner.failNextWriteAt(n),
      cleanup: async () => {
        await store.close();
        await container.stop();
      },
    };
  };
  storeContract('Neo4j', openNeo4j);
  recordContract('Neo4j', openNeo4j);
}
