// Browser end-to-end check of the invite flow against a running server:
//   node e2e/invite.e2e.mjs --url http://127.0.0.1:PORT --out <dir>
// Alice creates a private room, Bob opens the invite link, Alice holds D and Bob must see her ship
// move right within a second. Exits 0 on PASS. Uses Debian's chromium through playwright-core.
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const CHROMIUM = '/usr/bin/chromium';
const STEP_TIMEOUT_MS = 15000;
const MOVE_WITHIN_MS = 1000;
const MOVE_MARGIN = 40; // world units; a ship at full thrust covers ~250 in a second

const { values: args } = parseArgs({
  options: { url: { type: 'string' }, out: { type: 'string', default: 'e2e-out' } },
});
if (!args.url) fail('usage: node e2e/invite.e2e.mjs --url http://127.0.0.1:PORT [--out DIR]');
if (!existsSync(CHROMIUM)) fail(`${CHROMIUM} is missing: install it with \`apt-get install chromium\``);
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
let pageA;
let pageB;
try {
  pageA = await openPage('A');
  pageB = await openPage('B');
  await run();
  if (problems.length) throw new Error(`console errors:\n  ${problems.join('\n  ')}`);
  console.log('PASS invite e2e: Bob saw Alice fly right');
} catch (err) {
  console.log(`FAIL invite e2e: ${err.message}`);
  process.exitCode = 1;
} finally {
  for (const [name, page] of [['A', pageA], ['B', pageB]]) {
    if (page) await page.screenshot({ path: join(outDir, `${name}.png`) }).catch(() => {});
  }
  await browser.close();
}

async function openPage(name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`${name}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`${name}: ${err.message}`));
  return page;
}

async function step(what, promise) {
  try {
    return await promise;
  } catch (err) {
    throw new Error(`${what}: ${err.message.split('\n')[0]}`);
  }
}

async function run() {
  const wait = (page, fn, arg, timeout = STEP_TIMEOUT_MS) => page.waitForFunction(fn, arg, { timeout, polling: 'raf' });

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
  await step('Alice sees her own ship', wait(pageA,
    (id) => window.skirmish.players.some((p) => p.id === id), aliceId));
  await step('Bob sees Alice\'s ship', wait(pageB,
    (id) => window.skirmish.players.some((p) => p.id === id), aliceId));
  // Let Bob's interpolation settle so the start position is a steady one.
  await step('Bob\'s clock syncs', wait(pageB, () => window.skirmish.rtt !== null && window.skirmish.snapshotHz > 10));
  const startX = await pageB.evaluate((id) => window.skirmish.players.find((p) => p.id === id).x, aliceId);

  await pageA.bringToFront();
  await pageA.keyboard.down('KeyD');
  const t0 = Date.now();
  await step(`Bob sees Alice move right by ${MOVE_MARGIN} within ${MOVE_WITHIN_MS} ms (from x=${startX})`,
    wait(pageB, ({ id, x }) => window.skirmish.players.find((p) => p.id === id)?.x > x,
      { id: aliceId, x: startX + MOVE_MARGIN }, MOVE_WITHIN_MS));
  const seenAfter = Date.now() - t0;
  const endX = await pageB.evaluate((id) => window.skirmish.players.find((p) => p.id === id).x, aliceId);
  console.log(`Bob saw Alice go from x=${startX.toFixed(1)} to x=${endX.toFixed(1)} after ${seenAfter} ms`);
  // Fly a little further so the screenshots show motion; not a check (a wall may be in the way).
  await wait(pageA, ({ id, x }) => window.skirmish.players.find((p) => p.id === id)?.x > x,
    { id: aliceId, x: endX + 40 }, 3000).catch(() => {});
  await pageA.keyboard.up('KeyD');
}

function fail(message) {
  console.log(`FAIL invite e2e: ${message}`);
  process.exit(1);
}
