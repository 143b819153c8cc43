// The netcode report: how the game feels through the client's own network simulator, measured in
// two real Chromium pages as docs/measuring.md ("Netcode feel in a real browser") says.
//   node e2e/netcode.e2e.mjs --url http://127.0.0.1:PORT --out <dir> [--scale 1] [--no-assert]
//
// Alice and Bob open a private room with `&lag=150&jitter=20`. Three parts, every rendered frame
// of both pages recorded (keyed by window.skirmish.frameTime):
//   move   Alice flies a scripted course of held keys (four directions, pauses); Bob watches.
//   stall  the same with a 300 ms stall about every 10 s (the simulator's `stall`/`stallEvery`).
//   fight  the round runs; Bob flies the course, Alice aims exactly at Bob's drawn ship and fires.
// It prints and writes report.md / report.json into --out and fails unless the figures meet the
// bounds of issue 12 (unless --no-assert, used to measure old code).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runE2E, step, wait, STEP_TIMEOUT_MS } from './harness.mjs';
import { analyse, renderMarkdown, verdicts } from './netcodeReport.mjs';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' }, out: { type: 'string', default: 'e2e-out' },
    scale: { type: 'string', default: '1' }, 'no-assert': { type: 'boolean', default: false },
  },
});
const SCALE = Number(args.scale) > 0 ? Number(args.scale) : 1;
const LINK = { lag: 150, jitter: 20 };
const STALL = { stall: 300, stallEvery: 10000 };
// The fight is longer: its judged figure is a share of on-screen hits (about one every 2 s), and a sample
// of 30-40 keeps one unlucky miss from deciding it.
const PARTS_S = { move: 45 * SCALE, stall: 45 * SCALE, fight: 75 * SCALE };
const KEYS = ['KeyD', 'KeyS', 'KeyA', 'KeyW'];
const OVERLOAD_SKIPPED_TICKS = 30; // one second of simulation the server could not keep up with

// Records every frame once, and every keydown, into window.__rec (installed before the page runs).
function recorder() {
  const rec = { frames: [], keys: [], part: null };
  window.__rec = rec;
  window.addEventListener('keydown', (e) => {
    if (!e.repeat && rec.part) rec.keys.push({ t: performance.now(), code: e.code, part: rec.part });
  }, true);
  let last = null;
  const loop = () => {
    const s = window.skirmish;
    if (s && rec.part && s.frameTime !== last && (s.state === 'playing')) {
      last = s.frameTime;
      rec.frames.push({
        t: s.frameTime,
        part: rec.part,
        p: s.players.map((p) => [p.id, p.x, p.y, p.st ?? 0, p.tp ? 1 : 0]),
        s: (s.shots ?? []).map((x) => [x.key ?? x.id, x.id ?? null, x.owner, x.x, x.y]),
        c: s.corrections,
        d: s.interpDelay,
        j: s.snapshotJitter ?? null,
        lag: s.renderLag ?? null,
      });
    }
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}

// Page A aims at the drawn ship `targetId` on every frame through the canvas's pointer events.
function aimer(targetId) {
  const canvas = document.getElementById('arena');
  const loop = () => {
    if (!window.__aim) return;
    const s = window.skirmish;
    const t = s.players.find((p) => p.id === targetId);
    if (t && s.worldToScreen) {
      const p = s.worldToScreen(t.x, t.y);
      canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: p.x, clientY: p.y, pointerType: 'mouse', bubbles: true }));
    }
    requestAnimationFrame(loop);
  };
  window.__aim = true;
  requestAnimationFrame(loop);
}

// A seeded course: keys held 0.4-1.6 s in turn round the four directions, pauses 0.2-0.8 s.
function course(seed, seconds) {
  let x = seed >>> 0;
  const rnd = () => {
    x = (x * 1664525 + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
  const out = [];
  let total = 0;
  for (let i = 0; total < seconds * 1000; i++) {
    const hold = 400 + rnd() * 1200;
    const pause = 200 + rnd() * 600;
    out.push({ key: KEYS[i % 4], hold, pause });
    total += hold + pause;
  }
  return out;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function fly(page, seed, seconds) {
  for (const { key, hold, pause } of course(seed, seconds)) {
    await page.keyboard.down(key);
    await sleep(hold);
    await page.keyboard.up(key);
    await sleep(pause);
  }
}

// Alice keeps within shot range of Bob (shots fly 720 units): held keys towards him while far.
async function chase(page, me, target, state) {
  const held = new Set();
  const hold = async (key, on) => {
    if (on && !held.has(key)) { held.add(key); await page.keyboard.down(key); }
    if (!on && held.has(key)) { held.delete(key); await page.keyboard.up(key); }
  };
  // Stuck against a wall (no progress for 0.6 s while far): go round it along the other axis for
  // a second, the other way each time.
  let mark = null;
  let detour = null;
  let side = 1;
  while (state.on) {
    const pos = await page.evaluate(([a, b]) => {
      const ps = window.skirmish.players;
      return [ps.find((p) => p.id === a), ps.find((p) => p.id === b)];
    }, [me, target]);
    const [a, b] = pos;
    const dx = a && b ? b.x - a.x : 0;
    const dy = a && b ? b.y - a.y : 0;
    const far = Math.sqrt(dx * dx + dy * dy) > 260;
    const now = Date.now();
    if (!far || !a || (mark && Math.hypot(a.x - mark.x, a.y - mark.y) > 20)) mark = a && far ? { x: a.x, y: a.y, t: now } : null;
    else if (!mark) mark = { x: a.x, y: a.y, t: now };
    else if (now - mark.t > 600 && !detour) {
      side = -side;
      detour = { horizontal: Math.abs(dx) < Math.abs(dy), sign: side, until: now + 1000 };
      mark = { x: a.x, y: a.y, t: now + 1000 };
    }
    if (detour && now > detour.until) detour = null;
    let mx = far && dx > 60 ? 1 : far && dx < -60 ? -1 : 0;
    let my = far && dy > 60 ? 1 : far && dy < -60 ? -1 : 0;
    if (detour && detour.horizontal) mx = detour.sign;
    if (detour && !detour.horizontal) my = detour.sign;
    await hold('KeyD', mx > 0);
    await hold('KeyA', mx < 0);
    await hold('KeyS', my > 0);
    await hold('KeyW', my < 0);
    await sleep(100);
  }
  for (const key of [...held]) await hold(key, false);
}

const setPart = (page, part) => page.evaluate((p) => { window.__rec.part = p; }, part);
const setNet = (page, c) => page.evaluate((x) => window.skirmish.setNetConditions(x), c);

// The server's own view of the run: ticks it skipped (it fell behind: a loaded machine) and
// inputs it dropped from a backlog (each one a correction on the client).
async function serverHealth(base) {
  try {
    const text = await (await fetch(`${base}/metrics`)).text();
    const read = (re) => Number(text.match(re)?.[1] ?? NaN);
    return {
      skippedTicks: read(/^skirmish_skipped_ticks_total (\S+)/m),
      backlogDrops: read(/^skirmish_rejected_total\{event="input",reason="backlog"\} (\S+)/m) || 0,
    };
  } catch {
    return null;
  }
}

await runE2E('netcode', async ({ pageA, pageB, base }) => {
  const healthBefore = await serverHealth(base);
  const query = `lag=${LINK.lag}&jitter=${LINK.jitter}`;
  for (const page of [pageA, pageB]) await page.addInitScript(recorder);

  await pageA.goto(`${base}/?name=Alice&${query}`);
  await step('Alice connects', wait(pageA, () => window.skirmish?.connection === 'connected'));
  await pageA.click('#create');
  const link = await step('Alice gets an invite link',
    pageA.waitForSelector('#invite-link', { timeout: STEP_TIMEOUT_MS }).then((el) => el.inputValue()));
  const invite = new URL(link);
  invite.searchParams.set('name', 'Bob');
  await pageB.goto(`${base}/${invite.search}&${query}`);
  await step('Bob joins', wait(pageB, () => window.skirmish?.state === 'playing'));
  const aliceId = await pageA.evaluate(() => window.skirmish.playerId);
  const bobId = await pageB.evaluate(() => window.skirmish.playerId);
  for (const page of [pageA, pageB]) {
    await step('clock synced and snapshots flowing', wait(page,
      (ids) => window.skirmish.rtt !== null && window.skirmish.snapshotHz > 20
        && ids.every((id) => window.skirmish.players.some((p) => p.id === id)), [aliceId, bobId]));
  }
  console.log(`room ${invite.searchParams.get('room')}: Alice ${aliceId}, Bob ${bobId}; parts ${JSON.stringify(PARTS_S)} s`);

  // move: Alice flies, Bob watches (lobby warm-up: no damage).
  await sleep(2000); // let the interpolation delay settle before the part starts
  for (const page of [pageA, pageB]) await setPart(page, 'move');
  await fly(pageA, 12, PARTS_S.move);

  // stall: the same link with a 300 ms stall about every 10 s, both ways, on both pages.
  for (const page of [pageA, pageB]) await setNet(page, STALL);
  for (const page of [pageA, pageB]) await setPart(page, 'stall');
  await fly(pageA, 34, PARTS_S.stall);
  for (const page of [pageA, pageB]) await setNet(page, { stall: 0 });
  for (const page of [pageA, pageB]) await setPart(page, null);

  // fight: the round starts; Bob flies, Alice aims at Bob's drawn ship and holds fire.
  await pageA.click('#start');
  await step('the round is on', wait(pageA, () => window.skirmish.phase === 'playing', undefined, 10000));
  await step('Bob sees the round', wait(pageB, () => window.skirmish.phase === 'playing', undefined, 10000));
  await sleep(1500); // the round's respawns reach both screens (a teleport, drawn as such)
  for (const page of [pageA, pageB]) await setPart(page, 'fight');
  await pageA.evaluate(aimer, bobId);
  const box = await pageA.locator('#arena').boundingBox();
  await pageA.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await pageA.mouse.down();
  const chasing = { on: true };
  const chaser = chase(pageA, aliceId, bobId, chasing);
  await fly(pageB, 56, PARTS_S.fight);
  chasing.on = false;
  await chaser;
  await pageA.mouse.up();
  await pageA.evaluate(() => { window.__aim = false; });
  for (const page of [pageA, pageB]) await setPart(page, null);

  const pull = (page) => page.evaluate(() => ({
    frames: window.__rec.frames, keys: window.__rec.keys, hits: window.skirmish.hits,
    pairErrors: window.skirmish.shotPairErrors ?? [],
    pairLog: window.skirmish.shotPairLog ?? [],
    screenHits: (window.skirmish.screenHitLog ?? []).map((h) => ({ key: h.key, target: h.target, t: h.t })),
    sids: [...(window.skirmish.ownShotSids ?? new Map())],
  }));
  const recA = await pull(pageA);
  const recB = await pull(pageB);
  if (process.env.NETCODE_RAW) writeFileSync(join(args.out, 'raw.json'), JSON.stringify({ recA, recB }));
  const report = analyse({ a: recA, b: recB, aliceId, bobId, link: LINK, stall: STALL, parts: PARTS_S });
  const healthAfter = await serverHealth(base);
  if (healthBefore && healthAfter) {
    report.server = {
      skippedTicks: healthAfter.skippedTicks - healthBefore.skippedTicks,
      backlogDrops: healthAfter.backlogDrops - healthBefore.backlogDrops,
    };
  }
  const md = renderMarkdown(report);
  writeFileSync(join(args.out, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(args.out, 'report.md'), md);
  console.log(md);
  const failed = verdicts(report).filter((v) => !v.ok && v.asserted !== false);
  // A server that fell behind by more than a second of ticks measures the machine, not the
  // netcode: the report is written, but the figures are not judged.
  const overloaded = report.server && report.server.skippedTicks > OVERLOAD_SKIPPED_TICKS;
  if (failed.length && overloaded && !args['no-assert']) {
    console.log(`NOT JUDGED: machine overloaded (the server skipped ${report.server.skippedTicks} ticks, frames p99 ${report.frameP99Ms} ms); `
      + `out of bounds: ${failed.map((v) => `${v.name} = ${v.value}`).join('; ')}`);
  } else if (failed.length && !args['no-assert']) {
    throw new Error(`figures out of bounds: ${failed.map((v) => `${v.name} = ${v.value} (want ${v.want})`).join('; ')}`
      + ` [machine: frames p99 ${report.frameP99Ms} ms, server skipped ${report.server?.skippedTicks ?? '?'} ticks]`);
  }
}, { viewport: { width: 800, height: 520 } }); // small pages: two software-rendered canvases at 60 fps
