// Browser end-to-end check of a cluster drain that moves a room (docs/protocol.md, "Drain that moves rooms"):
//   node e2e/drain.e2e.mjs --url http://127.0.0.1:PORT_A --pid PID_A --out <dir>
// Alice (page A) creates a private room on node A and Bob (page B) spectates it by its code. The
// script then sends SIGTERM to node A (process PID_A) and waits for it to exit. Both pages must follow
// the room to another node without reloading: same document, Alice keeps her player id, snapshots
// keep coming (node A is gone, so they come from the new node), and Bob sees Alice move there.
import { parseArgs } from 'node:util';
import { runE2E, step, wait, STEP_TIMEOUT_MS } from './harness.mjs';

const { values: args } = parseArgs({ options: { pid: { type: 'string' } }, strict: false });
const pid = Number(args.pid);
const MOVE_MARGIN = 40; // world units

function alive(p) {
  try {
    process.kill(p, 0);
    return true;
  } catch {
    return false;
  }
}

async function exited(p, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (alive(p)) {
    if (Date.now() > until) throw new Error(`process ${p} still runs after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50)); // polling another process's life: there is no event for it
  }
}

await runE2E('drain', async ({ pageA, pageB, base }) => {
  if (!pid || !alive(pid)) throw new Error(`--pid must name node A's running process (got ${args.pid})`);
  await pageA.goto(`${base}/?name=Alice`);
  await step('Alice connects', wait(pageA, () => window.skirmish?.connection === 'connected'));
  await pageA.click('#create');
  const code = await step('Alice is in her room', wait(pageA,
    () => window.skirmish.state === 'playing' && window.skirmish.roomCode).then((h) => h.jsonValue()));
  const aliceId = await pageA.evaluate(() => window.skirmish.playerId);

  await pageB.goto(`${base}/?name=Bob`);
  await step('Bob connects', wait(pageB, () => window.skirmish?.connection === 'connected'));
  await pageB.fill('#code', code);
  await pageB.click('#spectate');
  await step('Bob spectates the room', wait(pageB,
    (c) => window.skirmish.state === 'spectating' && window.skirmish.roomCode === c, code));
  await step('Bob sees Alice\'s ship', wait(pageB,
    (id) => window.skirmish.players.some((p) => p.id === id), aliceId));
  for (const page of [pageA, pageB]) await page.evaluate(() => { window.sameDocument = true; });
  console.log(`room ${code} on node A (pid ${pid}); Alice is player ${aliceId}, Bob spectates`);

  const t0 = Date.now();
  process.kill(pid, 'SIGTERM');
  await step('node A drains and exits', exited(pid, 15000));
  console.log(`node A exited ${Date.now() - t0} ms after SIGTERM`);
  const ticks = await Promise.all([pageA, pageB].map((p) => p.evaluate(() => window.skirmish.tick)));
  for (const [name, page, state, tick] of [['Alice', pageA, 'playing', ticks[0]], ['Bob', pageB, 'spectating', ticks[1]]]) {
    await step(`${name}'s page follows the room without reloading`, wait(page,
      ({ s, c, t }) => window.sameDocument === true && window.skirmish.state === s && window.skirmish.roomCode === c
        && window.skirmish.connection === 'connected' && window.skirmish.tick > t + 15,
      { s: state, c: code, t: tick }));
  }
  const idNow = await pageA.evaluate(() => window.skirmish.playerId);
  if (idNow !== aliceId) throw new Error(`Alice was player ${aliceId} and is ${idNow} after the move`);
  console.log(`both pages resumed ${Date.now() - t0} ms after SIGTERM (same document, same player id)`);

  const startX = await pageB.evaluate((id) => window.skirmish.players.find((p) => p.id === id)?.x, aliceId);
  if (startX === undefined) throw new Error('Bob no longer sees Alice after the move');
  await pageA.bringToFront();
  await pageA.keyboard.down(startX < 800 ? 'KeyD' : 'KeyA');
  await step('Bob sees Alice fly on the new node', wait(pageB,
    ({ id, x, m }) => Math.abs((window.skirmish.players.find((p) => p.id === id)?.x ?? x) - x) > m,
    { id: aliceId, x: startX, m: MOVE_MARGIN }, STEP_TIMEOUT_MS));
  await pageA.keyboard.up(startX < 800 ? 'KeyD' : 'KeyA');
});
