/**
 * The playground as a new user meets it: Debian's Chromium, headless, opens /graphql on a
 * server over the real Kuzu store, runs the preloaded headline query and sees the items.
 * Nothing may be fetched from anywhere but the server itself (the playground works offline).
 * The screenshot lands in test-artifacts/api/playground.png.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PLAYGROUND_DIR, type RunningServer, startHttpServer } from '../../src/api/http.ts';
import { createApi, type Api } from '../../src/api/server.ts';
import { kuzuCase, type OpenedStore } from './harness.ts';
import { silentLogger } from '../../src/api/logger.ts';
import { EXAMPLES } from '../../src/playground/examples.ts';

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].find((p) => p && existsSync(p)) ?? null;
const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'api');
if (!CHROMIUM) {
  console.warn('SKIPPED playground browser test: no Chromium at /usr/bin/chromium (or $CHROMIUM_PATH). Install it with `apt-get install -y chromium`.');
}

describe.skipIf(!CHROMIUM)('the GraphQL playground in headless Chromium', () => {
  let opened: OpenedStore;
  let api: Api;
  let server: RunningServer;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    if (!existsSync(join(DEFAULT_PLAYGROUND_DIR, 'index.html'))) {
      // A clone where `npm install` has not run the prepare step yet.
      const { build } = await import('vite');
      await build({ configFile: 'vite.playground.config.ts', logLevel: 'warn' });
    }
    opened = await kuzuCase.open();
    api = await createApi(opened.store, { logger: silentLogger() });
    server = await startHttpServer(api, { port: 0 });
    profile = mkdtempSync(join(tmpdir(), 'councilgraph-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM!,
      headless: true,
      viewport: { width: 1440, height: 900 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await server?.close();
    await api?.stop();
    await opened?.close();
  });

  it('opens with the headline query, runs it, and shows the items Helen Sweaton presented', async () => {
    const page = await context.newPage();
    const foreign: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));

    await page.goto(`${server.url}/graphql`);
    const editor = page.locator('.graphiql-query-editor');
    await expect.poll(() => editor.innerText(), { timeout: 30_000 }).toContain('Which items did Helen Sweaton present?');
    // One tab per example, the headline one first and active.
    await expect.poll(() => page.locator('.graphiql-tab').count()).toBe(EXAMPLES.length);
    await expect.poll(() => page.locator('section.graphiql-editor-tool').innerText()).toContain('Helen Sweaton');

    const response = page.waitForResponse((r) => r.url() === `${server.url}/graphql` && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('ItemsPresentedBy'));
    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await expect.poll(() => result.innerText(), { timeout: 30_000 }).toContain('Draft SEND Sufficiency Strategy 2026-2029 Update');
    const text = await result.innerText();
    expect(text).toContain("Children's and Young People's Service Annual Outturn Performance Report 2024-2025");
    expect(text).toContain("The Looked After Children's Sufficiency Strategy 2023-2027 Update");
    expect(text).toContain('Improving Lives Select Commission');
    // The editor only renders the lines in view; the evidence further down is in the response.
    const body = await (await response).json();
    expect(body.errors).toBeUndefined();
    expect(body.data.person.presented).toHaveLength(3);
    expect(JSON.stringify(body.data.person.itemParticipation)).toContain('Mark Cummins and Helen Sweatton presented the update.');

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'playground.png') });

    // The other examples run too: a meeting with its attendees.
    await page.locator('.graphiql-tab').nth(1).click();
    await expect.poll(() => editor.innerText()).toContain('MeetingWithAttendees');
    await expect.poll(() => page.locator('section.graphiql-editor-tool').innerText()).toContain('meeting:');
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => result.innerText(), { timeout: 30_000 }).toContain('Mark Cummins');
    await page.screenshot({ path: join(ARTIFACTS, 'playground-meeting.png') });

    // …and the Popolo-shaped one: people with their posts and dates.
    await page.locator('.graphiql-tab').nth(EXAMPLES.length - 1).click();
    await expect.poll(() => editor.innerText()).toContain('PopoloPeople');
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => result.innerText(), { timeout: 30_000 }).toContain('peopleCount');

    expect(foreign, 'the playground must not fetch from any other origin').toEqual([]);
    expect(problems).toEqual([]);
  });
});
