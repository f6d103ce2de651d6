/**
 * Builds the browser bundles (GraphQL playground, dashboard) with Vite. Runs from `prepare`,
 * so `npm install` leaves them ready; a bundle whose sources are absent is skipped.
 */
import { existsSync } from 'node:fs';
import { build } from 'vite';

const BUNDLES = ['vite.playground.config.ts', 'vite.dashboard.config.ts'];

for (const config of BUNDLES) {
  if (!existsSync(config)) continue;
  await build({ configFile: config, logLevel: 'warn' });
  console.log(`built ${config.replace(/^vite\.|\.config\.ts$/g, '')}`);
}
