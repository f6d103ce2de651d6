/**
 * Debian's Chromium, headless, through playwright-core (never a downloaded browser). Tests
 * call `chromiumPath()` first and skip with its message when there is none.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];

export const CHROMIUM = CANDIDATES.find((p) => existsSync(p)) ?? null;

export const NO_CHROMIUM_MESSAGE =
  'SKIPPED dashboard browser tests: no Chromium at /usr/bin/chromium (or $CHROMIUM_PATH). Install it with `apt-get install -y chromium`; .ci/run does this in CI.';

export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'dashboard');

export interface Session {
  browser: Browser;
  context: BrowserContext;
  close(): Promise<void>;
}

/** A fresh headless browser with its own profile folder, 1440×900 like an analyst's laptop. */
export async function launch(extraArgs: string[] = []): Promise<Session> {
  if (!CHROMIUM) throw new Error(NO_CHROMIUM_MESSAGE);
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'councilgraph-chromium-'));
  // launchPersistentContext is how playwright takes a --user-data-dir of our choosing.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
  const browser = context.browser() as Browser;
  return {
    browser,
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
