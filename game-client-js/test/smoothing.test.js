import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Smoother } from '../src/game/smoothing.js';

const MAX = 320;
const FRAME = 1000 / 60;
const dist = (a, b) => Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);

test('the target\'s own motion passes through at once: no added latency', () => {
  const s = new Smoother(MAX);
  s.follow(1, { x: 0, y: 0 }, FRAME);
  for (let i = 1; i <= 30; i++) {
    const target = { x: i * 5, y: 0 }; // 300 units/s
    const d = s.follow(1, target, FRAME);
    assert.equal(d.x, target.x);
    assert.equal(d.gap, 0);
  }
});

test('a correction is blended over several frames within the speed bound, then gone', () => {
  const s = new Smoother(MAX, { speedFactor: 1.6, blendMs: 90 });
  let prev = s.follow('own', { x: 100, y: 100 }, FRAME);
  // The predictor moved the target 40 units (a correction), and told us.
  s.shift('own', 40, 0);
  const steps = [];
  for (let i = 0; i < 60; i++) {
    const d = s.follow('own', { x: 140, y: 100 }, FRAME);
    steps.push(dist(d, prev));
    prev = d;
  }
  const bound = MAX * 1.6 * FRAME / 1000;
  assert.ok(Math.max(...steps) <= bound + 1e-9, `largest step ${Math.max(...steps)} > ${bound}`);
  assert.ok(steps.filter((x) => x > 0.01).length >= 5, 'spread over several frames');
  assert.equal(prev.x, 140, 'converged');
});

test('an unannounced discontinuity (snapshots back after a stall) is blended too', () => {
  const s = new Smoother(MAX);
  let prev = s.follow(2, { x: 500, y: 500 }, FRAME);
  let biggest = 0;
  for (let i = 0; i < 90; i++) {
    const target = i === 0 ? { x: 600, y: 560 } : { x: 600, y: 560 };
    const d = s.follow(2, target, FRAME);
    biggest = Math.max(biggest, dist(d, prev));
    prev = d;
  }
  assert.ok(biggest <= MAX * 1.6 * FRAME / 1000 + 1e-9);
  assert.ok(dist(prev, { x: 600, y: 560 }) < 0.01);
});

test('moving on while a gap closes never exceeds the bound', () => {
  const s = new Smoother(MAX);
  let prev = s.follow(3, { x: 0, y: 0 }, FRAME);
  s.shift(3, -30, 0);
  for (let i = 1; i < 60; i++) {
    const d = s.follow(3, { x: -30 + i * (MAX / 60), y: 0 }, FRAME); // full speed the other way
    assert.ok(dist(d, prev) <= MAX * 1.6 * FRAME / 1000 + 1e-9);
    prev = d;
  }
});

test('a teleport is drawn at once and marked', () => {
  const s = new Smoother(MAX);
  s.follow(4, { x: 100, y: 100 }, FRAME);
  const d = s.follow(4, { x: 1400, y: 800 }, FRAME, true);
  assert.deepEqual([d.x, d.y, d.teleported], [1400, 800, true]);
  assert.equal(s.follow(4, { x: 1401, y: 800 }, FRAME).teleported, false);
});

test('ships that left are forgotten', () => {
  const s = new Smoother(MAX);
  s.follow(1, { x: 0, y: 0 }, FRAME);
  s.follow(2, { x: 0, y: 0 }, FRAME);
  s.retain(new Set([2]));
  assert.deepEqual([...s.entries.keys()], [2]);
});
