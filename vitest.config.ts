import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Node (and tsx, as the server runs) resolves `graphql` to its CommonJS build, which Apollo
  // loads too; Vite would pick the ES build for our sources, and a schema built by one copy
  // cannot be executed by the other (src/api/schema.ts builds the schema Apollo serves).
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Kuzu and Chromium are heavy: two workers match the two cores CI has.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
