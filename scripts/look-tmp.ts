import { chromium } from 'playwright-core';
const url = process.argv[2] ?? 'http://127.0.0.1:4712/';
const out = process.argv[3] ?? '/tmp/dash/shot.png';
const w = Number(process.argv[4] ?? 1440), hgt = Number(process.argv[5] ?? 900);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: w, height: hgt } });
page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('CONSOLE', m.text()); });
await page.goto(url);
await page.waitForFunction(() => ['home', 'ready', 'error'].includes(document.body.dataset.status ?? ''), null, { timeout: 20000 });
await page.waitForTimeout(Number(process.argv[6] ?? 800));
const script = process.env.LOOK_SCRIPT;
if (script) { await page.evaluate(script); await page.waitForTimeout(1200); }
await page.screenshot({ path: out });
console.log('status', await page.evaluate(() => document.body.dataset.status), page.url());
await browser.close();
