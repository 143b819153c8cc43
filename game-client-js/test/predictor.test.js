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
  const p = new Predictor(game, { leadTicks: 0 });
  p.apply(right(1));
  assert.equal(p.ready, false);
  assert.equal(p.pending.length, 0);
  p.reconcile({ x: 100, y: 100, vx: 0, vy: 0, seq: 0 });
  assert.deepEqual(p.presentPosition(0), { x: 100, y: 100 });
});

test('an agreeing server drops acked inputs and causes no correction', () => {
  const p = new Predictor(game);
  const start = { x: 100, y: 100, vx: 0, vy: 0 };
  p.reconcile({ ...start, seq: 0 });
  const inputs = [1, 2, 3, 4, 5].map(right);
  inputs.forEach((i) => p.apply(i));
  const predicted = p.state;
  const r = p.reconcile(serverAfter(start, inputs, 3));
  assert.deepEqual(p.pending.map((i) => i.seq), [4, 5]);
  assert.deepEqual(p.state, predicted, 'replay reproduces the prediction exactly');
  assert.equal(p.corrections, 0);
  assert.deepEqual(r, { dx: 0, dy: 0, corrected: false });
});

test('a disagreement is replayed, counted, and reported as the shift to blend', () => {
  const p = new Predictor(game);
  p.reconcile({ x: 100, y: 100, vx: 0, vy: 0, seq: 0 });
  [1, 2, 3].map(right).forEach((i) => p.apply(i));
  const before = p.state;
  // The server saw the ship 5 units lower (say, pushed by something the client did not know).
  const server = serverAfter({ x: 100, y: 105, vx: 0, vy: 0 }, [1, 2].map(right), 2);
  const r = p.reconcile(server);
  assert.equal(p.corrections, 1);
  assert.deepEqual(p.pending.map((i) => i.seq), [3]);
  const expected = stepShip(server, 1, 0, game.physics, game.map, 1 / 30);
  assert.ok(Math.abs(p.state.y - expected.y) < 1e-9, 'state is the replayed server state');
  assert.equal(r.corrected, true);
  assert.ok(Math.abs(r.dy - (expected.y - before.y)) < 1e-9 && Math.abs(r.dy - 5) < 1e-9);
});

test('partial tick: the held controls move the ship in the next frame, before any input is sent', () => {
  const p = new Predictor(game, { leadTicks: 0.5 });
  p.reconcile({ x: 100, y: 100, vx: 0, vy: 0, seq: 0 });
  const idle = p.presentPosition(0, { moveX: 0, moveY: 0 });
  assert.deepEqual(idle, { x: 100, y: 100 });
  // A key goes down just after an input left (alpha 0): the very next frame shows it.
  const pressed = p.presentPosition(0, { moveX: 1, moveY: 0 });
  assert.ok(pressed.x - 100 > 0.5, `moved ${pressed.x - 100} units at once`);
  assert.equal(p.pending.length, 0, 'nothing was sent');
  // Further into the tick, further along.
  assert.ok(p.presentPosition(0.8, { moveX: 1, moveY: 0 }).x > pressed.x);
});

test('partial tick: no seam when the input with the same controls is applied', () => {
  const p = new Predictor(game, { leadTicks: 0.5 });
  p.reconcile({ x: 100, y: 100, vx: 50, vy: 0, seq: 0 });
  const c = { moveX: 1, moveY: 1 };
  const end = p.presentPosition(1, c);
  p.apply({ seq: 1, ...c, aim: 0, fire: false });
  const start = p.presentPosition(0, c);
  assert.ok(Math.abs(end.x - start.x) < 1e-9 && Math.abs(end.y - start.y) < 1e-9);
});

test('partial tick across reconciliation: an agreeing snapshot does not move the drawn ship', () => {
  const p = new Predictor(game, { leadTicks: 0.5 });
  const start = { x: 100, y: 100, vx: 0, vy: 0 };
  p.reconcile({ ...start, seq: 0 });
  const inputs = [1, 2, 3, 4].map(right);
  inputs.forEach((i) => p.apply(i));
  const drawn = p.presentPosition(0.3, right(5));
  p.reconcile(serverAfter(start, inputs, 2));
  assert.deepEqual(p.presentPosition(0.3, right(5)), drawn);
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
