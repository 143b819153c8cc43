// Browser end-to-end check of the operator's console:
//   node e2e/admin.e2e.mjs --url http://127.0.0.1:PORT --token TOKEN --out <dir>
// A player (page A) joins by quick play; the operator (page B) logs in at /admin, sees the room in
// the rooms table (filters and sorts it), opens it, sees the player and the live view, and kicks
// the player: the player is back in the lobby, told the operator removed them, and the room's page
// no longer lists them. The player's row shows its heartbeat round trip and a clean record; a Tag
// room (page C) is drawn by Tag's renderer. Screenshots: console-rooms.png, console-room.png,
// console-room-tag.png, A.png, B.png.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { step, wait } from './harness.mjs';

const { values: args } = parseArgs({
  options: { url: { type: 'string' }, token: { type: 'string' }, out: { type: 'string', default: 'e2e-out' },
    'keep-player': { type: 'boolean', default: false } },
});
if (!args.url || !args.token) {
  console.log('FAIL admin e2e: usage: node e2e/admin.e2e.mjs --url http://127.0.0.1:PORT --token TOKEN [--out DIR]');
  process.exit(1);
}
const base = args.url.replace(/\/+$/, '');
const out = resolve(args.out);
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
});
const problems = [];
async function open(name, viewport) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`${name}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`${name}: ${e.message}`));
  return page;
}

const player = await open('A', { width: 1000, height: 700 });
const admin = await open('B', { width: 1280, height: 760 });
try {
  await player.goto(`${base}/?name=Zed`);
  await step('the player connects', wait(player, () => window.skirmish?.connection === 'connected'));
  await player.click('#quickplay');
  await step('the player is in a room', wait(player, () => window.skirmish?.state === 'playing'));
  const playerId = await player.evaluate(() => window.skirmish.playerId);

  await admin.goto(`${base}/admin`);
  await step('the console asks for the token', admin.waitForSelector('#login:not(.hidden)', { timeout: 15000 }));
  await admin.fill('#token', 'wrong-token');
  await admin.click('#login-button');
  await step('a wrong token is refused', admin.waitForFunction(
    () => /Wrong token/.test(document.getElementById('login-message').textContent), null, { timeout: 15000 }));
  await admin.fill('#token', args.token);
  await admin.click('#login-button');
  await step('the console shows the rooms table', admin.waitForSelector('#app:not(.hidden)', { timeout: 15000 }));
  const roomRow = '#rooms-table tbody tr';
  await step('the player\'s room is listed', admin.waitForFunction(
    () => (window.adminConsole?.rooms ?? []).some((r) => r.players >= 1), null, { timeout: 15000 }));
  const roomId = await admin.evaluate(() => window.adminConsole.rooms.find((r) => r.players >= 1).id);

  await admin.fill('#filter', 'no-such-room');
  await step('the filter hides rooms', admin.waitForFunction(
    (sel) => document.querySelectorAll(sel).length === 0, roomRow, { timeout: 5000 }));
  await admin.fill('#filter', roomId);
  await step('the filter finds the room', admin.waitForFunction(
    (sel) => document.querySelectorAll(sel).length === 1, roomRow, { timeout: 5000 }));
  await admin.click('#rooms-table th[data-key="players"]');
  await admin.click('#rooms-table th[data-key="players"]');
  await step('sorted by players, descending', admin.waitForSelector('#rooms-table th.sorted-desc[data-key="players"]'));
  await admin.screenshot({ path: join(out, 'console-rooms.png') });

  await admin.click(`${roomRow}[data-room="${roomId}"]`);
  await step('the room page lists the player', admin.waitForSelector(`#players tr[data-player="${playerId}"]`,
    { timeout: 15000 }));
  await step('the live view draws the room', admin.waitForFunction(() => {
    const c = document.getElementById('live');
    const px = c.getContext('2d').getImageData(Math.floor(c.width / 2), Math.floor(c.height / 2), 1, 1).data;
    return px[3] > 0 && (px[0] + px[1] + px[2]) > 0;
  }, null, { timeout: 15000 }));
  await step('the tick sparkline has data', admin.waitForFunction(
    () => (window.adminConsole.detail?.tickMicros?.length ?? 0) > 10, null, { timeout: 15000 }));
  const cell = (col) => `#players tr[data-player="${playerId}"] td[data-col="${col}"]`;
  await step('the player\'s heartbeat round trip is shown', admin.waitForFunction(
    (sel) => /^\d+\.\d$/.test(document.querySelector(sel)?.textContent ?? ''), cell('rtt'), { timeout: 15000 }));
  const figures = {};
  for (const col of ['rtt', 'queue', 'rejected', 'cut', 'limit']) figures[col] = await admin.textContent(cell(col));
  if (figures.limit !== 'ok' || figures.rejected !== '0') throw new Error(`a calm player shown as misbehaving: ${JSON.stringify(figures)}`);
  console.log(`the player's row: ${JSON.stringify(figures)}`);
  await admin.screenshot({ path: join(out, 'console-room.png') });

  // A Tag room: the live view draws it with Tag's renderer.
  const tagger = await open('C', { width: 1000, height: 700 });
  await tagger.goto(`${base}/?name=Tess`);
  await step('a Tag player connects', wait(tagger, () => window.skirmish?.connection === 'connected'));
  await tagger.waitForSelector('#lobby-game option[value="tag"]', { state: 'attached' });
  await tagger.selectOption('#lobby-game', 'tag');
  await tagger.click('#create');
  await step('the Tag player is in a Tag room', wait(tagger, () => window.skirmish?.game === 'tag'));
  await step('the Tag room is listed', admin.waitForFunction(
    () => (window.adminConsole?.rooms ?? []).some((r) => r.game === 'tag'), null, { timeout: 15000 }));
  const tagRoom = await admin.evaluate(() => window.adminConsole.rooms.find((r) => r.game === 'tag').id);
  await admin.evaluate((id) => { location.hash = `#/room/${id}`; }, tagRoom);
  await step('the live view draws the Tag room with Tag\'s renderer', admin.waitForFunction(() => {
    if (window.adminConsole.drawnGame !== 'tag') return false;
    const c = document.getElementById('live');
    const px = c.getContext('2d').getImageData(Math.floor(c.width / 2), Math.floor(c.height / 2), 1, 1).data;
    return px[3] > 0 && (px[0] + px[1] + px[2]) > 0;
  }, null, { timeout: 15000 }));
  await admin.screenshot({ path: join(out, 'console-room-tag.png') });
  await tagger.close();
  await admin.evaluate(() => { location.hash = '#/server'; });
  await step('the server view shows the recorders\' time per tick', admin.waitForFunction(
    () => /KB · \d+(\.\d)? µs/.test(document.getElementById('server-facts')?.textContent ?? ''), null, { timeout: 15000 }));
  await admin.evaluate((id) => { location.hash = `#/room/${id}`; }, roomId);
  await step('back on the first room', admin.waitForSelector(`#players tr[data-player="${playerId}"]`, { timeout: 15000 }));

  if (!args['keep-player']) {
    await admin.click(`#players tr[data-player="${playerId}"] button.kick`);
    await step('the player is back in the lobby', wait(player, () => window.skirmish.state === 'lobby'));
    const message = await player.textContent('#lobby-message');
    if (!/operator/i.test(message)) throw new Error(`the player was not told: "${message}"`);
    await step('the room page no longer lists the player', admin.waitForFunction(
      (id) => !document.querySelector(`#players tr[data-player="${id}"]`), playerId, { timeout: 15000 }));
    console.log(`the player saw: "${message}"`);
  }
  if (problems.length) throw new Error(`console errors:\n  ${problems.join('\n  ')}`);
  console.log('PASS admin e2e');
} catch (err) {
  console.log(`FAIL admin e2e: ${err.message}`);
  process.exitCode = 1;
} finally {
  await player.screenshot({ path: join(out, 'A.png') }).catch(() => {});
  await admin.screenshot({ path: join(out, 'B.png') }).catch(() => {});
  await browser.close();
}
