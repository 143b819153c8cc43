import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BacklogControl, expectedPending } from '../src/game/backlog.js';

test('a standing excess of pending inputs leads to one skip per window', () => {
  const b = new BacklogControl({ windowMs: 1000, threshold: 2 });
  const skips = [];
  for (let t = 0; t <= 2500; t += 33) if (b.shouldSkip(t, 9, 5)) skips.push(t);
  assert.equal(skips.length, 2);
  assert.ok(skips[0] >= 1000 && skips[1] - skips[0] >= 1000);
});

test('a burst that drains by itself causes no skip', () => {
  const b = new BacklogControl({ windowMs: 1000, threshold: 2 });
  for (let t = 0; t <= 3000; t += 33) {
    const pending = t % 500 < 100 ? 10 : 5; // jitter: spikes, not a standing queue
    assert.equal(b.shouldSkip(t, pending, 5), false, `t=${t}`);
  }
});

test('expected pending grows with the round trip', () => {
  assert.equal(expectedPending(0, 1000 / 30, 1000 / 30), 3);
  assert.ok(Math.abs(expectedPending(200, 1000 / 30, 1000 / 30) - 9) < 1e-9);
});
