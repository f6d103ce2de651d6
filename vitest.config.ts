import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Kuzu and Chromium are heavy: two workers match the two cores CI has.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
