import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SnapshotBuffer, lerpAngle, extrapolation } from '../src/game/interpolation.js';

const game = { tickRate: 30, snapshotRate: 30, physics: { maxSpeed: 320 } };
const TICK = 1000 / 30;
const near = (got, want, msg, eps = 1e-6) => assert.ok(Math.abs(got - want) < eps, msg ?? `${got} vs ${want}`);

// A ship flying right at 300 units/s, one snapshot per tick.
function snap(tick, { x = 100 + tick * 10, extra = {} } = {}) {
  return {
    tick,
    time: 1_000_000 + tick * TICK,
    players: [{ id: 1, x, y: 200, vx: 300, vy: 0, a: 0, hp: 100, st: 0, seq: tick, ...extra }],
    shots: [],
  };
}

// Snapshots arriving 75 ms after their tick plus `late(t)` ms; frames every 16 ms in between.
function run(b, fromTick, toTick, late = () => 0, onFrame = () => {}) {
  let frameAt = fromTick * TICK + 75;
  for (let t = fromTick; t <= toTick; t++) {
    const at = t * TICK + 75 + late(t);
    while (frameAt < at) {
      b.advance(frameAt);
      onFrame(frameAt);
      frameAt += 16;
    }
    b.push(snap(t), at);
  }
  return frameAt;
}

test('positions are interpolated between the bracketing snapshots', () => {
  const b = new SnapshotBuffer(game);
  for (let t = 0; t <= 5; t++) b.push(snap(t), t * TICK);
  const f = b.sample(2.5);
  near(f.players[0].x, 125);
  assert.equal(f.extrapolatedMs, 0);
});

test('the render tick runs the delay behind the most punctual arrival line, latency left out', () => {
  const b = new SnapshotBuffer(game);
  run(b, 0, 30, (t) => (t % 3) * 5); // 75 ms away, 0-10 ms late
  // The punctual line puts tick n at n*TICK + 75 locally; the delay is behind that.
  const now = 30 * TICK + 75;
  near(b.renderTick(now), 30 - b.delay / TICK, undefined, 1e-9);
  assert.ok(b.delay < 2 * TICK + 10 + 1, `delay ${b.delay} excludes the 75 ms latency`);
});

test('the delay adapts to jitter: one interval plus the high-percentile lateness', () => {
  const calm = new SnapshotBuffer(game, { safetyMs: 4 });
  run(calm, 0, 120);
  near(calm.jitter, 0);
  near(calm.delay, Math.max(40, TICK + 4), 'a punctual link: one interval and the safety margin (floor 40)', 0.01);

  const rough = new SnapshotBuffer(game, { safetyMs: 4 });
  run(rough, 0, 120, (t) => (t * 8) % 21); // 0..20 ms late
  assert.ok(rough.jitter >= 18 && rough.jitter <= 20, `jitter ${rough.jitter}`);
  near(rough.targetDelay(), TICK + rough.jitter + 4);
});

test('the delay shrinks smoothly when the link calms down, never in one step', () => {
  const b = new SnapshotBuffer(game, { fallRate: 0.04 });
  run(b, 0, 100, (t) => (t * 13) % 81); // up to 80 ms late
  const high = b.delay;
  assert.ok(high > 90, `delay ${high}`);
  const delays = [];
  run(b, 101, 400, () => 0, () => delays.push(b.delay));
  for (let i = 1; i < delays.length; i++) {
    assert.ok(delays[i - 1] - delays[i] <= 16 * 0.04 + 1e-9, `fell ${delays[i - 1] - delays[i]} ms in one 16 ms frame`);
  }
  assert.ok(b.delay < TICK + 10, `settled at ${b.delay}`);
});

test('a stall is not jitter: its late burst is left out of the delay', () => {
  const b = new SnapshotBuffer(game);
  run(b, 0, 90, (t) => (t * 7) % 11);
  const before = b.targetDelay();
  // Ticks 91..99 held back by a 300 ms stall, then delivered together.
  run(b, 91, 150, (t) => (t < 100 ? 100 * TICK + 300 - t * TICK : (t * 7) % 11));
  assert.equal(b.stallCount, 1);
  assert.ok(Math.abs(b.targetDelay() - before) < 5, `target ${b.targetDelay()} vs ${before}`);
});

test('extrapolation past the newest snapshot is bounded and eases out', () => {
  assert.equal(extrapolation(0, 150), 0);
  near(extrapolation(10, 150), 10, undefined, 0.5); // at first almost the elapsed time
  assert.ok(extrapolation(300, 150) < 150 && extrapolation(300, 150) > extrapolation(200, 150));
  assert.ok(extrapolation(1e6, 150) <= 150);

  const b = new SnapshotBuffer(game, { extrapolateMs: 100 });
  for (let t = 0; t <= 3; t++) b.push(snap(t), t * TICK);
  const f = b.sample(3 + 60 / TICK);
  near(f.extrapolatedMs, 60, undefined, 1e-9);
  near(f.players[0].x, 130 + 300 * extrapolation(60, 100) / 1000);
  const far = b.sample(3 + 5000 / TICK);
  assert.ok(far.players[0].x <= 130 + 300 * 0.1 + 1e-9, 'never more than 100 ms of velocity');
});

test('a respawn is not interpolated across the map, and is marked a teleport', () => {
  const b = new SnapshotBuffer(game);
  b.push(snap(0, { x: 100, extra: { st: 2 } }), 0);
  b.push(snap(1, { x: 1400, extra: { st: 1 } }), TICK);
  assert.equal(b.sample(0.3).players[0].x, 100);
  assert.equal(b.sample(0.7).players[0].x, 1400);
  assert.equal(b.sample(0.7).players[0].teleport, true);
  // A round's reset: spawn protection starts, no death in between.
  const c = new SnapshotBuffer(game);
  c.push(snap(0, { x: 100 }), 0);
  c.push(snap(1, { x: 110, extra: { st: 1 } }), TICK);
  assert.equal(c.sample(0.7).players[0].teleport, true);
});

test('shots are interpolated; a new shot is traced back along its line', () => {
  const b = new SnapshotBuffer(game);
  b.push({ ...snap(0), shots: [[7, 300, 300, 720, 0, 1]] }, 0);
  b.push({ ...snap(1), shots: [[7, 324, 300, 720, 0, 1], [8, 500, 500, 0, -720, 2]] }, TICK);
  const shots = b.sample(0.5).shots;
  near(shots[0].x, 312);
  near(shots[1].y, 512);
  assert.equal(shots[1].owner, 2);
});

test('a punctual line far off (a spectator\'s 2 s, a reconnect) is taken at once', () => {
  const b = new SnapshotBuffer(game, { maxDelayMs: 5000 });
  run(b, 0, 30, () => 2000);
  near(b.renderTick(30 * TICK + 2075), 30 - b.delay / TICK, undefined, 1e-9);
  assert.ok(b.delay < 100);
});

test('older and repeated ticks are ignored; old snapshots are dropped', () => {
  const b = new SnapshotBuffer(game);
  for (let t = 0; t < 10; t++) b.push(snap(t), t * TICK);
  b.push(snap(4), 10 * TICK);
  assert.equal(b.latest.tick, 9);
  b.sample(8.5);
  assert.deepEqual(b.snaps.map((s) => s.tick), [8, 9]);
});

test('angles interpolate the short way round', () => {
  assert.ok(Math.abs(lerpAngle(3, -3, 0.5) - (3 + (2 * Math.PI - 6) / 2)) < 1e-12);
  assert.equal(lerpAngle(0, 1, 0.5), 0.5);
});

test('a lasting shift (the server fell behind and skipped ticks) is learnt, not kept as jitter', () => {
  const b = new SnapshotBuffer(game);
  const ticks = [];
  run(b, 0, 300, (t) => (t > 60 ? 100 : 0), (at) => ticks.push(b.renderTick(at)));
  assert.ok(b.jitter < 5, `jitter ${b.jitter} ms after the window`);
  assert.ok(b.delay < TICK + 10, `delay ${b.delay}`);
  for (let i = 1; i < ticks.length; i++) {
    const rate = (ticks[i] - ticks[i - 1]) * TICK / 16;
    assert.ok(rate >= 0.8 - 1e-9 && rate <= 1.04 + 1e-9, `render time ran at ${rate}x`);
  }
});
