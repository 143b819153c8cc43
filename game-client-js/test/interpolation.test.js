import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SnapshotBuffer, lerpAngle } from '../src/game/interpolation.js';

const game = { tickRate: 30, snapshotRate: 30, physics: { maxSpeed: 320 } };
const TICK = 1000 / 30;
const T0 = 1_000_000;
const near = (got, want, msg) => assert.ok(Math.abs(got - want) < 1e-6, msg ?? `${got} vs ${want}`);

// A ship flying right at 300 units/s, one snapshot per tick.
function snap(tick, { late = 0, x = 100 + tick * 10, extra = {} } = {}) {
  return {
    tick,
    time: T0 + tick * TICK + late,
    players: [{ id: 1, x, y: 200, vx: 300, vy: 0, a: 0, hp: 100, st: 0, seq: tick, ...extra }],
    shots: [],
  };
}

test('positions are interpolated between the bracketing snapshots', () => {
  const b = new SnapshotBuffer(game);
  for (let t = 0; t <= 5; t++) b.push(snap(t), 0, null);
  const f = b.sample(T0 + 2.5 * TICK);
  near(f.players[0].x, 125);
  assert.equal(f.extrapolatedMs, 0);
});

test('late snapshots do not bend the timeline: times come from ticks', () => {
  const b = new SnapshotBuffer(game);
  b.push(snap(0), 0, null);
  b.push(snap(1, { late: 9 }), 0, null);
  b.push(snap(2, { late: 2 }), 0, null);
  near(b.sample(T0 + 1.5 * TICK).players[0].x, 115);
});

test('past the newest snapshot ships are extrapolated briefly, then held', () => {
  const b = new SnapshotBuffer(game, { maxExtrapolateMs: 100 });
  for (let t = 0; t <= 3; t++) b.push(snap(t), 0, null);
  const newest = T0 + 3 * TICK;
  near(b.sample(newest + 50).players[0].x, 130 + 15);
  near(b.sample(newest + 900).players[0].x, 130 + 30);
});

test('a respawn is not interpolated across the map', () => {
  const b = new SnapshotBuffer(game);
  b.push(snap(0, { x: 100, extra: { st: 2 } }), 0, null);
  b.push(snap(1, { x: 1400, extra: { st: 1 } }), 0, null);
  assert.equal(b.sample(T0 + 0.3 * TICK).players[0].x, 100);
  assert.equal(b.sample(T0 + 0.7 * TICK).players[0].x, 1400);
});

test('shots are interpolated; a new shot is traced back along its line', () => {
  const b = new SnapshotBuffer(game);
  b.push({ ...snap(0), shots: [[7, 300, 300, 720, 0, 1]] }, 0, null);
  b.push({ ...snap(1), shots: [[7, 324, 300, 720, 0, 1], [8, 500, 500, 0, -720, 2]] }, 0, null);
  const shots = b.sample(T0 + 0.5 * TICK).shots;
  near(shots[0].x, 312);
  near(shots[1].y, 512);
  assert.equal(shots[1].owner, 2);
});

test('the delay adapts to measured snapshot age and jitter, with a floor', () => {
  const b = new SnapshotBuffer(game, { defaultDelayMs: 100, safetyMs: 10 });
  assert.equal(b.targetDelay(), 100);
  // LAN: snapshots 2 ms old on arrival, the floor holds.
  for (let t = 0; t < 30; t++) b.push(snap(t), t * TICK, T0 + t * TICK + 2);
  assert.equal(b.targetDelay(), 100);
  // 75 ms one way, up to 60 ms of jitter.
  const c = new SnapshotBuffer(game, { defaultDelayMs: 100, safetyMs: 10 });
  for (let t = 0; t < 60; t++) c.push(snap(t), t * TICK, T0 + t * TICK + 75 + (t % 10) * 6);
  const want = TICK + 75 + 54 + 10;
  near(c.targetDelay(), want);
});

test('the delay follows its target gradually', () => {
  const b = new SnapshotBuffer(game, { defaultDelayMs: 100, delayRiseRate: 0.25 });
  for (let t = 0; t < 30; t++) b.push(snap(t), t * TICK, T0 + t * TICK + 200);
  const target = b.targetDelay();
  assert.ok(target > 200);
  b.advance(100);
  assert.equal(b.delay, 125);
  for (let i = 0; i < 100; i++) b.advance(100);
  assert.equal(b.delay, target);
});

test('a delay target far away is taken at once (spectators see snapshots seconds late)', () => {
  const b = new SnapshotBuffer(game, { defaultDelayMs: 100, delaySnapMs: 500, maxDelayMs: 5000 });
  for (let t = 0; t < 30; t++) b.push(snap(t), t * TICK, T0 + t * TICK + 2000);
  b.advance(16);
  assert.equal(b.delay, b.targetDelay());
  assert.ok(b.delay > 2000);
});

test('older and repeated ticks are ignored; old snapshots are dropped', () => {
  const b = new SnapshotBuffer(game);
  for (let t = 0; t < 10; t++) b.push(snap(t), 0, null);
  b.push(snap(4), 0, null);
  assert.equal(b.latest.tick, 9);
  b.sample(T0 + 8.5 * TICK);
  assert.deepEqual(b.snaps.map((s) => s.tick), [8, 9]);
});

test('angles interpolate the short way round', () => {
  assert.ok(Math.abs(lerpAngle(3, -3, 0.5) - (3 + (2 * Math.PI - 6) / 2)) < 1e-12);
  assert.equal(lerpAngle(0, 1, 0.5), 0.5);
});
