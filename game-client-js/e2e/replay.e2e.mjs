// Browser end-to-end check of the replay viewer (`game-server.jar replay FILE --serve`):
//   node e2e/replay.e2e.mjs --url http://127.0.0.1:PORT --out <dir> [--failed] [--game tag]
// Plays, pauses, steps one tick, changes speed and scrubs; with --failed, the recording is of a room
// whose tick threw, and the viewer shows the exception at the last tick; --game names the game whose
// renderer must draw it (arena by default). Screenshot: replay.png.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { step, wait } from './harness.mjs';

const { values: args } = parseArgs({
  options: { url: { type: 'string' }, out: { type: 'string', default: 'e2e-out' }, failed: { type: 'boolean' },
    game: { type: 'string', default: 'arena' } },
});
if (!args.url) {
  console.log('FAIL replay e2e: usage: node e2e/replay.e2e.mjs --url http://127.0.0.1:PORT [--out DIR] [--failed]');
  process.exit(1);
}
const base = args.url.replace(/\/+$/, '');
const out = resolve(args.out);
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-quic'],
});
const problems = [];
const page = await (await browser.newContext({ viewport: { width: 1280, height: 760 } })).newPage();
page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
page.on('pageerror', (e) => problems.push(e.message));
const R = () => page.evaluate(() => window.replay);
try {
  await page.goto(`${base}/`);
  await step('the viewer loads the frames', wait(page, () => (window.replay?.frames ?? 0) > 60));
  const { frames } = await R();
  await step(`drawn by the ${args.game} renderer`, wait(page, (g) => window.replay.drawnGame === g, args.game));
  await step('the room is drawn', page.waitForFunction(() => {
    const c = document.getElementById('arena');
    const px = c.getContext('2d').getImageData(Math.floor(c.width * 0.6), Math.floor(c.height / 2), 1, 1).data;
    return px[3] > 0 && (px[0] + px[1] + px[2]) > 0;
  }, null, { timeout: 15000 }));
  await page.click('#play');
  await step('it plays', wait(page, () => window.replay.index > 20));
  await page.click('#play');
  const paused = (await R()).index;
  await step('it pauses', wait(page, (i) => !window.replay.playing && window.replay.index === i, paused));
  await page.click('#step');
  await step('one tick forward', wait(page, (i) => window.replay.index === i + 1, paused));
  await page.click('#back');
  await page.click('#back');
  await step('two ticks back', wait(page, (i) => window.replay.index === i - 1, paused));
  await page.selectOption('#speed', '8');
  await page.$eval('#scrub', (el, v) => { el.value = String(v); el.dispatchEvent(new Event('input')); }, Math.floor(frames / 2));
  await step('scrubbed to the middle', wait(page, (f) => window.replay.index === Math.floor(f / 2), frames));
  await page.$eval('#scrub', (el) => { el.value = '0'; el.dispatchEvent(new Event('input')); });
  await step('scrubbed to the start', wait(page, () => window.replay.index === 0));
  await page.click('#play');
  await step('plays to the end at 8x', wait(page, () => window.replay.atEnd && !window.replay.playing, null, 60000));
  if (args.failed) {
    await step('the failure is shown at the failing tick', page.waitForSelector('#failure:not(.hidden)', { timeout: 5000 }));
    const title = await page.textContent('#failure-title');
    console.log(`failure shown: ${title}`);
  }
  const log = await page.$$eval('#log li', (l) => l.length);
  if (log < 2) throw new Error(`the event log has ${log} lines`);
  await page.screenshot({ path: join(out, 'replay.png') });
  if (problems.length) throw new Error(`console errors:\n  ${problems.join('\n  ')}`);
  console.log(`PASS replay e2e (${frames} frames, ${log} log lines)`);
} catch (err) {
  console.log(`FAIL replay e2e: ${err.message}`);
  process.exitCode = 1;
  await page.screenshot({ path: join(out, 'replay.png') }).catch(() => {});
} finally {
  await browser.close();
}
