import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ClockSync } from '../src/net/clock.js';

test('offset comes from the lowest-RTT samples', () => {
  const c = new ClockSync({ best: 2 });
  const trueOffset = 50_000;
  // [sentAt, outbound ms, inbound ms]: asymmetric slow trips would bias the estimate.
  const trips = [[0, 10, 10], [100, 80, 5], [200, 12, 12], [300, 5, 90], [400, 150, 150]];
  for (const [t, up, down] of trips) c.addSample(t, t + up + trueOffset, t + up + down);
  assert.equal(c.target, trueOffset);
  assert.equal(c.serverNow(1000), 1000 + trueOffset);
});

test('the offset in use slews towards a new estimate and snaps on a large one', () => {
  const c = new ClockSync({ window: 1, best: 1, slewRate: 0.1, snapMs: 250 });
  c.addSample(0, 1000, 20); // offset 990
  assert.equal(c.serverNow(20), 1010);
  c.addSample(20, 1120, 40); // offset 1090 (+100)
  assert.equal(c.serverNow(140) - 140, 1002, 'moved 0.1 x 120 ms elapsed = 12 ms');
  c.addSample(140, 5000, 160); // offset 4850: far off, snap
  assert.equal(c.serverNow(160) - 160, 4850);
});

test('burst first, then the steady interval; restartBurst starts again', () => {
  const c = new ClockSync({ burst: 3, burstGapMs: 50, intervalMs: 2000 });
  const delays = [];
  for (let i = 0; i < 5; i++) {
    delays.push(c.nextDelay());
    c.addSample(i * 100, i * 100 + 5, i * 100 + 10);
  }
  assert.deepEqual(delays, [50, 50, 50, 2000, 2000]);
  c.restartBurst();
  assert.equal(c.nextDelay(), 50);
});

test('old samples leave the window so the estimate follows a changed clock', () => {
  const c = new ClockSync({ window: 4, best: 2 });
  for (let i = 0; i < 4; i++) c.addSample(i * 10, i * 10 + 1000 + 1, i * 10 + 2);
  assert.equal(c.target, 1000);
  for (let i = 4; i < 8; i++) c.addSample(i * 10, i * 10 + 2000 + 5, i * 10 + 10);
  assert.equal(c.target, 2000);
});

test('nothing is known before the first sample; bad samples are ignored', () => {
  const c = new ClockSync();
  assert.equal(c.serverNow(5), null);
  c.addSample(10, 100, 5);
  assert.equal(c.serverNow(20), null);
  assert.equal(c.rtt, null);
});
