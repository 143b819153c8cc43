import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputSampler, ControlState } from '../src/game/input.js';

const idle = { moveX: 0, moveY: 0, aim: 0, fire: false };

test('inputs come at the tick rate whatever the frame rate', () => {
  for (const frameMs of [7, 16.7, 33.3, 50]) {
    const s = new InputSampler(30);
    let sent = 0;
    for (let t = 0; t <= 3000; t += frameMs) sent += s.sample(t, idle).length;
    assert.ok(Math.abs(sent - 90) <= 1, `frame ${frameMs} ms: ${sent} inputs in 3 s`);
  }
});

test('sequence numbers increase by one and survive restart', () => {
  const s = new InputSampler(30);
  s.sample(0, idle);
  const a = s.sample(100, idle);
  assert.deepEqual(a.map((i) => i.seq), [1, 2, 3]);
  s.restart();
  s.sample(5000, idle);
  assert.deepEqual(s.sample(5034, idle).map((i) => i.seq), [4]);
});

test('a long pause sends at most maxCatchUp inputs', () => {
  const s = new InputSampler(30, { maxCatchUp: 4 });
  s.sample(0, idle);
  assert.equal(s.sample(2010, idle).length, 4);
  assert.equal(s.sample(2020, idle).length, 0, 'the skipped time is dropped, not owed');
});

test('inputs carry the controls of the moment they are sampled', () => {
  const s = new InputSampler(30);
  s.sample(0, idle);
  const [i] = s.sample(34, { moveX: 1, moveY: 0, aim: 1.5, fire: true });
  assert.deepEqual(i, { seq: 1, moveX: 1, moveY: 0, aim: 1.5, fire: true });
});

test('keys map to world axes: D and right arrow are +x, W is -y', () => {
  const c = new ControlState();
  c.keys.add('KeyD');
  assert.equal(c.current().moveX, 1);
  c.keys.add('ArrowRight');
  assert.equal(c.current().moveX, 1, 'clamped to 1');
  c.keys.add('KeyW');
  assert.deepEqual([c.current().moveX, c.current().moveY], [1, -1]);
  c.keys.add('KeyA');
  c.keys.delete('ArrowRight');
  assert.equal(c.current().moveX, 0);
  c.clear();
  assert.deepEqual(c.current(), { moveX: 0, moveY: 0, aim: 0, fire: false });
});

test('a touch stick overrides keys; aim is rounded to 3 decimals', () => {
  const c = new ControlState();
  c.keys.add('KeyD');
  c.stick = [-0.5, 0.25];
  c.aim = 1.23456;
  assert.deepEqual(c.current(), { moveX: -0.5, moveY: 0.25, aim: 1.235, fire: false });
});

test('alphaAt tells how far into the next step a moment is', () => {
  const s = new InputSampler(30);
  assert.equal(s.alphaAt(0), 1, 'before any step, draw the latest state');
  s.sample(0, idle);
  s.sample(40, idle); // one step due, 6.67 ms into the next
  assert.ok(Math.abs(s.alphaAt(40) - 0.2) < 1e-9);
  assert.ok(Math.abs(s.alphaAt(55) - 0.65) < 1e-9, 'time since the last sample counts too');
  assert.equal(s.alphaAt(500), 1);
});
