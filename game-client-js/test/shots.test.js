import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OwnShots } from '../src/game/shots.js';

const game = {
  tickRate: 30,
  physics: { shipRadius: 18, shotRadius: 4, shotSpeed: 720, shotTtlTicks: 30 },
  map: { width: 1600, height: 1000, walls: [[700, 0, 40, 1000]] },
};
const DT = 1 / 30;
const ME = 1;

test('a predicted shot leaves the gun at once and flies on the render timeline', () => {
  const o = new OwnShots(game);
  const shot = o.fire({ x: 100, y: 500 }, 0, 7, 40);
  assert.equal(shot.x0, 100 + 23);
  const first = o.draw(40, 16, []).shots;
  assert.equal(first.length, 1);
  assert.ok(Math.abs(first[0].x - (123 + 720 * DT)) < 1e-9, 'age 1 at the tick it was fired in');
  const later = o.draw(42, 16, []).shots;
  assert.ok(Math.abs(later[0].x - (123 + 3 * 720 * DT)) < 1e-9);
});

test('no prediction without a render tick, nor with the muzzle in a wall', () => {
  const o = new OwnShots(game);
  assert.equal(o.fire({ x: 100, y: 500 }, 0, 1, null), null);
  assert.equal(o.fire({ x: 690, y: 500 }, 0, 2, 10), null);
});

test('the server\'s copy replaces the prediction: one copy, no jump', () => {
  const o = new OwnShots(game);
  o.fire({ x: 100, y: 500 }, 0, 7, 40);
  const before = o.draw(41, 16, []).shots[0];
  // Tick 45 applied input 7; with compensation the shot is at age 1 + 45 - 40 = 6, 0.3 units off.
  const sx = 123 + 720 * DT * 6 + 0.3;
  o.onSnapshot({ tick: 45, shots: [[99, sx, 500, 720, 0, ME], [5, 10, 10, 0, 720, 2]] }, ME, 7);
  assert.equal(o.isPredicted(99), true, 'drawn from the prediction, not from the snapshot');
  assert.equal(o.isPredicted(5), false);
  const same = o.draw(41, 0, []).shots;
  assert.equal(same.length, 1);
  assert.ok(Math.abs(same[0].x - before.x) < 1e-9, 'no visible jump at the pairing');
  assert.equal(same[0].id, 99);
  // The 0.3 unit difference blends away.
  const settled = o.draw(50, 1000, []).shots[0];
  assert.ok(Math.abs(settled.x - (sx + 720 * DT * 5)) < 1e-3);
});

test('a shot the server did not fire ends; a shot the server ended ends when drawn there', () => {
  const o = new OwnShots(game);
  o.fire({ x: 100, y: 500 }, 0, 7, 40);
  o.fire({ x: 100, y: 300 }, 0, 13, 46);
  // Inputs up to 9 applied: no shot of ours appeared (cooldown disagreed): it ends at age 1 + 44 - 40.
  o.onSnapshot({ tick: 44, shots: [] }, ME, 9);
  assert.equal(o.draw(43, 16, []).shots.length, 2);
  assert.equal(o.draw(45, 16, []).shots.length, 1);
  // The second is paired, then missing from tick 55: it hit something there.
  o.onSnapshot({ tick: 50, shots: [[3, 123 + 720 * DT * 5, 300, 720, 0, ME]] }, ME, 13);
  o.onSnapshot({ tick: 55, shots: [] }, ME, 18);
  assert.equal(o.draw(54, 16, []).shots.length, 1);
  assert.equal(o.draw(56, 16, []).shots.length, 0);
});

test('a server shot fired an input later than predicted (two inputs in one tick) is still the same shot', () => {
  const o = new OwnShots(game);
  o.fire({ x: 100, y: 500 }, 0, 7, 40);
  o.onSnapshot({ tick: 44, shots: [] }, ME, 7); // the server has not fired yet
  assert.equal(o.draw(41, 16, []).shots.length, 1, 'still waiting');
  o.onSnapshot({ tick: 45, shots: [[4, 123 + 720 * DT * 6, 500, 720, 0, ME]] }, ME, 8);
  assert.equal(o.isPredicted(4), true);
  assert.equal(o.draw(41, 16, []).shots.length, 1, 'one copy');
});

test('a shot that touches a drawn ship hits on screen at once; a protected ship absorbs it', () => {
  const o = new OwnShots(game);
  o.fire({ x: 100, y: 500 }, 0, 1, 10);
  o.draw(10, 16, []);
  const r = o.draw(11, 16, [{ id: 2, x: 123 + 720 * DT * 2 - 10, y: 510, st: 0 }]);
  assert.equal(r.shots.length, 0);
  assert.deepEqual(r.hits.map((h) => h.target), [2]);
  assert.equal(o.screenHits, 1);

  o.fire({ x: 100, y: 500 }, 0, 2, 20);
  o.draw(20, 16, []);
  const p = o.draw(21, 16, [{ id: 2, x: 123 + 720 * DT * 2, y: 500, st: 1 }]);
  assert.equal(p.shots.length, 0);
  assert.equal(p.hits.length, 0, 'protected: gone, but no hit');
  o.fire({ x: 100, y: 500 }, 0, 3, 30);
  assert.equal(o.draw(31, 16, [{ id: 2, x: 123 + 720 * DT * 2, y: 500, st: 2 }]).shots.length, 1, 'dead ships are not there');
});

test('walls and the lifetime end predicted shots', () => {
  const o = new OwnShots(game);
  o.fire({ x: 600, y: 500 }, 0, 1, 10);
  assert.equal(o.draw(11, 16, []).shots.length, 1);
  assert.equal(o.draw(13, 16, []).shots.length, 0, 'into the wall at x=700');
  o.fire({ x: 100, y: 100 }, Math.PI / 2, 2, 10);
  assert.equal(o.draw(30, 16, []).shots.length, 1);
  assert.equal(o.draw(41, 16, []).shots.length, 0, 'past shotTtlTicks');
});
