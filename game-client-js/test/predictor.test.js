import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Predictor } from '../src/game/predictor.js';
import { stepShip } from '../src/game/movement.js';

const game = {
  tickRate: 30,
  physics: { accel: 1400, drag: 4, maxSpeed: 320, shipRadius: 18 },
  map: { width: 1600, height: 1000, walls: [[700, 420, 200, 160]] },
};
const right = (seq) => ({ seq, moveX: 1, moveY: 0, aim: 0, fire: false });

// What the server would hold after applying `n` of the inputs from `start`.
function serverAfter(start, inputs, n) {
  let s = start;
  for (const i of inputs.slice(0, n)) s = stepShip(s, i.moveX, i.moveY, game.physics, game.map, 1 / 30);
  return { ...s, seq: n ? inputs[n - 1].seq : 0 };
}

test('the first snapshot seeds the state; inputs before it are not predicted', () => {
  const p = new Predictor(game);
  p.apply(right(1));
  assert.equal(p.ready, false);
  assert.equal(p.pending.length, 0);
  p.reconcile({ x: 100, y: 100, vx: 0, vy: 0, seq: 0 });
  assert.deepEqual(p.renderPosition(), { x: 100, y: 100 });
});

test('an agreeing server drops acked inputs and causes no correction', () => {
  const p = new Predictor(game);
  const start = { x: 100, y: 100, vx: 0, vy: 0 };
  p.reconcile({ ...start, seq: 0 });
  const inputs = [1, 2, 3, 4, 5].map(right);
  inputs.forEach((i) => p.apply(i));
  const predicted = p.state;
  p.reconcile(serverAfter(start, inputs, 3));
  assert.deepEqual(p.pending.map((i) => i.seq), [4, 5]);
  assert.deepEqual(p.state, predicted, 'replay reproduces the prediction exactly');
  assert.equal(p.corrections, 0);
  assert.equal(p.offsetX, 0);
});

test('a small disagreement is replayed and smoothed, not jumped', () => {
  const p = new Predictor(game);
  p.reconcile({ x: 100, y: 100, vx: 0, vy: 0, seq: 0 });
  [1, 2, 3].map(right).forEach((i) => p.apply(i));
  const shown = p.renderPosition();
  // The server saw the ship 5 units lower (say, pushed by something the client did not know).
  const server = serverAfter({ x: 100, y: 105, vx: 0, vy: 0 }, [1, 2].map(right), 2);
  p.reconcile(server);
  assert.equal(p.corrections, 1);
  assert.deepEqual(p.pending.map((i) => i.seq), [3]);
  const expected = stepShip(server, 1, 0, game.physics, game.map, 1 / 30);
  assert.ok(Math.abs(p.state.y - expected.y) < 1e-9, 'state is the replayed server state');
  const after = p.renderPosition();
  assert.ok(Math.abs(after.x - shown.x) < 1e-9 && Math.abs(after.y - shown.y) < 1e-9, 'no visible jump');
  p.decay(100);
  const decayed = p.renderPosition();
  assert.ok(Math.abs(decayed.y - expected.y) < 5 * 0.4, 'offset decays over ~100 ms');
  p.decay(1000);
  assert.ok(Math.abs(p.renderPosition().y - expected.y) < 0.01);
});

test('a large error (respawn) snaps', () => {
  const p = new Predictor(game);
  p.reconcile({ x: 100, y: 100, vx: 0, vy: 0, seq: 0 });
  p.apply(right(1));
  p.reconcile({ x: 1400, y: 800, vx: 0, vy: 0, seq: 1 });
  assert.deepEqual(p.renderPosition(), { x: 1400, y: 800 });
  assert.equal(p.corrections, 1);
});

test('renderPosition blends the last two steps', () => {
  const p = new Predictor(game);
  p.reconcile({ x: 100, y: 100, vx: 0, vy: 0, seq: 0 });
  p.apply(right(1));
  const half = p.renderPosition(0.5);
  assert.ok(Math.abs(half.x - (100 + (p.state.x - 100) / 2)) < 1e-9);
});

test('reset forgets state and pending inputs', () => {
  const p = new Predictor(game);
  p.reconcile({ x: 100, y: 100, vx: 0, vy: 0, seq: 0 });
  p.apply(right(1));
  p.reset();
  assert.equal(p.ready, false);
  assert.equal(p.pending.length, 0);
});

test('pending inputs are bounded', () => {
  const p = new Predictor(game, { maxPending: 8 });
  p.reconcile({ x: 100, y: 100, vx: 0, vy: 0, seq: 0 });
  for (let s = 1; s <= 20; s++) p.apply(right(s));
  assert.equal(p.pending.length, 8);
  assert.equal(p.pending[0].seq, 13);
});
