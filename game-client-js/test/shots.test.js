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

test('a shot that hit on screen is kept for the pairing: the server\'s copy is not drawn a second time', () => {
  const o = new OwnShots(game);
  const first = o.fire({ x: 100, y: 500 }, 0, 1, 10);
  o.draw(10, 16, []);
  assert.equal(o.draw(11, 16, [{ id: 2, x: 123 + 720 * DT * 2 - 10, y: 510, st: 0 }]).hits.length, 1);
  const second = o.fire({ x: 100, y: 300 }, 0, 7, 16);
  // The server's copy of the first shot (it missed there) arrives after the hit on screen.
  o.onSnapshot({ tick: 14, shots: [[3, 123 + 720 * DT * 5, 500, 720, 0, ME]] }, ME, 1);
  assert.equal(o.isPredicted(3), true, 'paired with the shot that hit on screen, not drawn from snapshots');
  assert.equal(o.sidOfKey.get(first.key), 3);
  assert.deepEqual(o.draw(16, 16, []).shots.map((x) => x.key), [second.key], 'the first is not drawn again');
  // The next server shot pairs with the next prediction, in order.
  o.onSnapshot({ tick: 20, shots: [[3, 123 + 720 * DT * 11, 500, 720, 0, ME], [4, 123 + 720 * DT * 5, 300, 720, 0, ME]] }, ME, 7);
  assert.equal(o.sidOfKey.get(second.key), 4);
  assert.equal(o.draw(17, 16, []).shots.length, 1);
});

test('a shot the server ended in its first tick is paired from its hit event and ends where it hit', () => {
  const o = new OwnShots(game);
  const shot = o.fire({ x: 100, y: 500 }, 0, 7, 40);
  // Compensated first step: the server's shot hit at age 5 and never appeared in a snapshot.
  o.onHit({ type: 'hit', attacker: ME, target: 2, shot: 9, x: 123 + 720 * DT * 5, y: 500 }, ME);
  o.onHit({ type: 'hit', attacker: 2, target: ME, shot: 8, x: 0, y: 0 }, ME); // not ours
  o.onSnapshot({ tick: 46, shots: [] }, ME, 7);
  assert.equal(o.isPredicted(9), true);
  assert.equal(o.isPredicted(8), false);
  assert.equal(o.sidOfKey.get(shot.key), 9);
  assert.equal(o.draw(43, 16, []).shots.length, 1, 'drawn up to where it hit');
  assert.equal(o.draw(44.5, 16, []).shots.length, 0, 'gone past it');
  // A later hit event for a shot already seen in a snapshot changes nothing.
  o.onHit({ type: 'hit', attacker: ME, target: 2, shot: 9, x: 0, y: 0 }, ME);
  assert.equal(o.bornEnded.length, 0);
});

test('a predicted kill: the victim is drawn dead from the shot that took its last hp on screen', () => {
  const o = new OwnShots({ ...game, physics: { ...game.physics, shotDamage: 20 } });
  o.onSnapshot({ tick: 40, shots: [], players: [{ id: 2, hp: 20, st: 0 }] }, ME, 6);
  const bob = { id: 2, x: 123 + 720 * DT * 3, y: 500, st: 0 };
  o.fire({ x: 100, y: 500 }, 0, 7, 40);
  o.draw(40, 16, [bob]);
  assert.equal(o.kills.isDeadAhead(2, 42), false);
  assert.equal(o.draw(42.5, 16, [bob]).hits.length, 1, 'touched on screen');
  assert.equal(o.kills.isDeadAhead(2, 42.5), true, 'dead at once');
  // A second shot does not hit the ship drawn dead.
  o.fire({ x: 100, y: 500 }, 0, 13, 43);
  assert.equal(o.draw(46, 16, [bob]).hits.length, 0);
  // The server confirms: its shot killed Bob at tick 48; snapshots show him dead from there.
  o.onHit({ type: 'hit', tick: 48, attacker: ME, target: 2, shot: 9, hp: 0, x: bob.x, y: 500 }, ME);
  o.onSnapshot({ tick: 48, shots: [], players: [{ id: 2, hp: 0, st: 2 }] }, ME, 7);
  assert.equal(o.kills.isDeadAhead(2, 47), true, 'still ahead of the render tick');
  assert.equal(o.kills.isDeadAhead(2, 48), false, 'the snapshots take over');
});
