// Shared plumbing of the browser end-to-end scripts: arguments, Debian's Chromium through
// playwright-core, two pages that fail the run on any console error, screenshots, PASS/FAIL.
//   node e2e/<name>.e2e.mjs --url http://127.0.0.1:PORT --out <dir>
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const CHROMIUM = '/usr/bin/chromium';
export const STEP_TIMEOUT_MS = 15000;

/**
 * Runs `scenario({pageA, pageB, base, step, wait})` and exits 0 only if it passed with no console
 * error on either page. Screenshots `A.png` and `B.png` are written into `--out` either way.
 */
export async function runE2E(name, scenario, { viewport = { width: 1280, height: 800 } } = {}) {
  const { values: args } = parseArgs({
    options: { url: { type: 'string' }, out: { type: 'string', default: 'e2e-out' } },
    strict: false, // a script may take options of its own
  });
  if (!args.url) fail(name, `usage: node e2e/${name}.e2e.mjs --url http://127.0.0.1:PORT [--out DIR]`);
  if (!existsSync(CHROMIUM)) fail(name, `${CHROMIUM} is missing: install it with \`apt-get install chromium\``);
  const base = args.url.replace(/\/+$/, '');
  const outDir = resolve(args.out);
  mkdirSync(outDir, { recursive: true });

  // playwright-core's launch() gives the browser a fresh temporary --user-data-dir of its own.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const problems = [];
  const pages = {};
  try {
    pages.A = await openPage(browser, 'A', problems, viewport);
    pages.B = await openPage(browser, 'B', problems, viewport);
    await scenario({ pageA: pages.A, pageB: pages.B, base, step, wait });
    if (problems.length) throw new Error(`console errors:\n  ${problems.join('\n  ')}`);
    console.log(`PASS ${name} e2e`);
  } catch (err) {
    console.log(`FAIL ${name} e2e: ${err.message}`);
    process.exitCode = 1;
  } finally {
    for (const [label, page] of Object.entries(pages)) {
      await page.screenshot({ path: join(outDir, `${label}.png`) }).catch(() => {});
    }
    await browser.close();
  }
}

async function openPage(browser, name, problems, viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${name}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`${name}: ${err.message}`));
  return page;
}

/** Awaits `promise`, naming the step in the error if it fails. */
export async function step(what, promise) {
  try {
    return await promise;
  } catch (err) {
    throw new Error(`${what}: ${err.message.split('\n')[0]}`);
  }
}

/** Polls `fn(arg)` in the page on every animation frame until it is truthy. */
export function wait(page, fn, arg, timeout = STEP_TIMEOUT_MS) {
  return page.waitForFunction(fn, arg, { timeout, polling: 'raf' });
}

/**
 * Alice (page A) creates a private room; Bob (page B) opens her invite link and joins it.
 * Returns {code, link, aliceId, bobId}.
 */
export async function createAndInvite(pageA, pageB, base) {
  await pageA.goto(`${base}/?name=Alice`);
  await step('Alice connects', wait(pageA, () => window.skirmish?.connection === 'connected'));
  await pageA.click('#create');
  const link = await step('Alice gets an invite link',
    pageA.waitForSelector('#invite-link', { timeout: STEP_TIMEOUT_MS }).then((el) => el.inputValue()));
  const code = new URL(link).searchParams.get('room');
  if (!code) throw new Error(`invite link without a room: ${link}`);
  const aliceId = await pageA.evaluate(() => window.skirmish.playerId);
  console.log(`room ${code}, invite ${link}, Alice is player ${aliceId}`);

  const invite = new URL(link);
  invite.searchParams.set('name', 'Bob');
  await pageB.goto(`${base}/${invite.search}`);
  await step('Bob joins the same room', wait(pageB,
    (c) => window.skirmish?.state === 'playing' && window.skirmish.roomCode === c, code));
  const bobId = await pageB.evaluate(() => window.skirmish.playerId);
  return { code, link, aliceId, bobId };
}

function fail(name, message) {
  console.log(`FAIL ${name} e2e: ${message}`);
  process.exit(1);
}
