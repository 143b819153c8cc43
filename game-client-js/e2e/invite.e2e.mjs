// Browser end-to-end check of the invite flow against a running server:
//   node e2e/invite.e2e.mjs --url http://127.0.0.1:PORT --out <dir>
// Alice creates a private room, Bob opens the invite link, Alice holds D and Bob must see her ship
// move right within a second. Exits 0 on PASS. Uses Debian's chromium through playwright-core.
import { runE2E, step, wait, createAndInvite } from './harness.mjs';

// Within a second at the full 30 Hz on an idle machine. On a loaded one the bound scales with the rate
// Bob actually observes (and his round trip is added), so a slow machine does not fail it; a client that
// needs several times its own snapshot interval more than that still does.
const MOVE_WITHIN_MS = 1000;
const NOMINAL_HZ = 30;
const MOVE_MARGIN = 40; // world units; a ship at full thrust covers ~250 in a second

await runE2E('invite', async ({ pageA, pageB, base }) => {
  const { aliceId } = await createAndInvite(pageA, pageB, base);
  await step('Alice sees her own ship', wait(pageA,
    (id) => window.skirmish.players.some((p) => p.id === id), aliceId));
  await step('Bob sees Alice\'s ship', wait(pageB,
    (id) => window.skirmish.players.some((p) => p.id === id), aliceId));
  // Let Bob's interpolation settle so the start position is a steady one.
  await step('Bob\'s clock syncs', wait(pageB, () => window.skirmish.rtt !== null && window.skirmish.snapshotHz > 10));
  const startX = await pageB.evaluate((id) => window.skirmish.players.find((p) => p.id === id).x, aliceId);
  const seen = await pageB.evaluate(() => ({ hz: window.skirmish.snapshotHz, rtt: window.skirmish.rtt }));
  const within = Math.round(MOVE_WITHIN_MS * Math.max(1, NOMINAL_HZ / seen.hz) + Math.max(0, seen.rtt));

  await pageA.bringToFront();
  await pageA.keyboard.down('KeyD');
  const t0 = Date.now();
  await step(`Bob sees Alice move right by ${MOVE_MARGIN} within ${within} ms (from x=${startX}; Bob sees `
    + `${seen.hz.toFixed(1)} Hz, rtt ${seen.rtt} ms)`,
    wait(pageB, ({ id, x }) => window.skirmish.players.find((p) => p.id === id)?.x > x,
      { id: aliceId, x: startX + MOVE_MARGIN }, within));
  const seenAfter = Date.now() - t0;
  const endX = await pageB.evaluate((id) => window.skirmish.players.find((p) => p.id === id).x, aliceId);
  console.log(`Bob saw Alice go from x=${startX.toFixed(1)} to x=${endX.toFixed(1)} after ${seenAfter} ms`);
  // Fly a little further so the screenshots show motion; not a check (a wall may be in the way).
  await wait(pageA, ({ id, x }) => window.skirmish.players.find((p) => p.id === id)?.x > x,
    { id: aliceId, x: endX + 40 }, 3000).catch(() => {});
  await pageA.keyboard.up('KeyD');
});
