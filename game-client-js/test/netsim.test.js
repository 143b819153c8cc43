import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NetSim, conditionsFromParams } from '../src/net/netsim.js';

// A manual clock and timer queue: tests advance time by hand and never sleep.
function manualEnv(randoms = []) {
  let now = 0;
  const timers = [];
  let r = 0;
  return {
    now: () => now,
    setTimer: (fn, ms) => timers.push({ at: now + ms, fn }),
    random: () => (randoms.length ? randoms[r++ % randoms.length] : 0),
    advance(to) {
      while (true) {
        timers.sort((a, b) => a.at - b.at);
        if (!timers.length || timers[0].at > to) break;
        const t = timers.shift();
        now = t.at;
        t.fn();
      }
      now = to;
    },
  };
}

test('without conditions messages pass at once', () => {
  const sim = new NetSim(manualEnv());
  const got = [];
  sim.send(() => got.push('out'));
  sim.receive(() => got.push('in'));
  assert.deepEqual(got, ['out', 'in']);
});

test('lag delays each direction by half the round trip', () => {
  const env = manualEnv();
  const sim = new NetSim(env, { lag: 150 });
  const got = [];
  sim.send(() => got.push(['out', env.now()]));
  sim.receive(() => got.push(['in', env.now()]));
  env.advance(74);
  assert.equal(got.length, 0);
  env.advance(1000);
  assert.deepEqual(got, [['out', 75], ['in', 75]]);
});

test('jitter never reorders messages', () => {
  const env = manualEnv([0.9, 0.1, 0.5, 0.0, 0.99, 0.3]);
  const sim = new NetSim(env, { lag: 100, jitter: 60 });
  const got = [];
  for (let i = 0; i < 12; i++) {
    env.advance(i * 5);
    sim.receive(() => got.push([i, env.now()]));
  }
  env.advance(1000);
  assert.deepEqual(got.map((g) => g[0]), [...Array(12).keys()]);
  for (let i = 1; i < got.length; i++) assert.ok(got[i][1] >= got[i - 1][1]);
  assert.ok(got.some((g, i) => g[1] - i * 5 > 50 + 30), 'jitter adds delay');
});

test('a stall holds both directions, then releases in order', () => {
  // random() = 0.5: the first stall comes after -ln(0.5) * 1000 = 693 ms.
  const env = manualEnv([0.5]);
  const sim = new NetSim(env, { stall: 400, stallEvery: 1000 });
  const got = [];
  sim.send(() => got.push('a'));
  assert.deepEqual(got, ['a']);
  env.advance(700);
  sim.send(() => got.push('b'));
  sim.receive(() => got.push('c'));
  env.advance(1099);
  assert.deepEqual(got, ['a']);
  env.advance(1100);
  assert.deepEqual(got, ['a', 'b', 'c']);
});

test('changing conditions keeps earlier messages ahead', () => {
  const env = manualEnv();
  const sim = new NetSim(env, { lag: 200 });
  const got = [];
  sim.receive(() => got.push(1));
  sim.set({ lag: 0 });
  sim.receive(() => got.push(2));
  assert.deepEqual(got, []);
  env.advance(100);
  assert.deepEqual(got, [1, 2]);
});

test('conditions are read from URL parameters, ignoring junk', () => {
  const c = conditionsFromParams(new URLSearchParams('lag=150&jitter=30&stall=abc&stallEvery=-5'));
  assert.deepEqual(c, { lag: 150, jitter: 30, stall: 0, stallEvery: 10000 });
});
