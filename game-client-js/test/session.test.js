import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GameSession } from '../src/games/arena/session.js';
import { ClockSync } from '../src/net/clock.js';
import { stepShip } from '../src/game/movement.js';

const TICK = 1000 / 30;
const T0 = 1_000_000;
const game = {
  tickRate: 30,
  snapshotRate: 30,
  map: { id: 'arena', width: 1600, height: 1000, walls: [] },
  physics: { accel: 1400, drag: 4, maxSpeed: 320, shipRadius: 18, maxHp: 100 },
};
const room = {
  code: 'H7KQP', private: true, phase: 'lobby', round: 0, phaseEndsAt: null,
  players: [{ id: 1, name: 'ada' }, { id: 2, name: 'bob' }],
};
const join = (you = { id: 1, seatToken: 'tok', spectator: false }) => ({ room, you, game });
const ship = (id, x, y, extra = {}) => ({ id, x, y, vx: 0, vy: 0, a: 0, hp: 100, seq: 0, st: 0, sc: 0, k: 0, d: 0, c: 1, ...extra });
const snap = (tick, players) => ({ tick, time: T0 + tick * TICK, phase: 'lobby', round: 0, phaseEndsAt: null, players, shots: [] });
const right = { moveX: 1, moveY: 0, aim: 0, fire: false };

// A clock that knows the server is exactly 0 ms off and 0 ms away.
function syncedClock() {
  const c = new ClockSync();
  c.addSample(0, 0, 0);
  return c;
}

test('own ship is drawn where the predictor has it now; others are interpolated', () => {
  const s = new GameSession(join(), syncedClock());
  s.onSnapshot(snap(0, [ship(1, 100, 100), ship(2, 500, 500)]), 0);
  s.onSnapshot(snap(1, [ship(1, 100, 100), ship(2, 510, 500)]), TICK);
  s.takeInputs(0, right);
  const inputs = s.takeInputs(TICK + 1, right);
  assert.equal(inputs.length, 1);
  const predicted = stepShip({ x: 100, y: 100, vx: 0, vy: 0 }, 1, 0, game.physics, game.map, 1 / 30);
  const next = stepShip(stepShip(predicted, 1, 0, game.physics, game.map, 1 / 30), 1, 0, game.physics, game.map, 1 / 30);

  // Render tick 0.5: the arrival line puts tick 0 at local 0, the delay is behind it.
  const at = 0.5 * TICK + s.buffer.delay;
  const f = s.frame(at, 16, 1.2, right);
  const me = f.players.find((p) => p.id === 1);
  const other = f.players.find((p) => p.id === 2);
  assert.ok(Math.abs(other.x - 505) < 1e-6, `other at ${other.x}`);
  assert.ok(me.x > predicted.x && me.x < next.x, `own ship carried on past the newest step along the held keys: ${me.x}`);
  assert.equal(me.a, 1.2, 'own ship faces the local aim at once');
});

test('inputs carry the render tick of the latest frame, never past the newest snapshot', () => {
  const s = new GameSession(join(), syncedClock());
  s.onSnapshot(snap(0, [ship(1, 100, 100)]), 0);
  s.onSnapshot(snap(1, [ship(1, 100, 100)]), TICK);
  s.takeInputs(0, right);
  assert.equal(s.takeInputs(TICK + 1, right)[0].rt, undefined, 'no frame drawn yet');
  s.frame(0.25 * TICK + s.buffer.delay, 16, 0, right);
  const [input] = s.takeInputs(2 * TICK + 1, right);
  assert.equal(input.rt, 0.25);
  s.frame(5 * TICK + s.buffer.delay, 16, 0, right); // extrapolating past tick 1
  assert.equal(s.takeInputs(3 * TICK + 1, right)[0].rt, 1);
  // A room's first frames draw before tick 0: the server takes no negative render tick.
  s.frame(-3 * TICK + s.buffer.delay, 16, 0, right);
  assert.equal(s.takeInputs(4 * TICK + 1, right)[0].rt, 0);
});

test('a respawn restarts the prediction and is drawn as a teleport, not counted as a correction', () => {
  const s = new GameSession(join(), syncedClock());
  s.onSnapshot(snap(0, [ship(1, 100, 100)]), 0);
  s.takeInputs(0, right);
  s.takeInputs(TICK + 1, right);
  s.frame(s.buffer.delay, 16, 0, right);
  s.onSnapshot(snap(1, [ship(1, 100, 100, { st: 2, r: 3 })]), TICK);
  s.onSnapshot(snap(4, [ship(1, 1400, 800, { st: 1, seq: 1 })]), 4 * TICK);
  assert.equal(s.predictor.corrections, 0);
  const f = s.frame(4 * TICK + s.buffer.delay, 16, 0, { moveX: 0, moveY: 0 });
  const me = f.players.find((p) => p.id === 1);
  assert.equal(me.tp, true);
  assert.ok(Math.abs(me.x - 1400) < 1e-6);
});

test('own shots: predicted at once, the server\'s copy is not drawn a second time', () => {
  const armed = { ...game, physics: { ...game.physics, shotRadius: 4, shotSpeed: 720, shotTtlTicks: 30, fireCooldownTicks: 6 } };
  const s = new GameSession({ room, you: { id: 1, seatToken: 'tok' }, game: armed }, syncedClock());
  s.onSnapshot(snap(0, [ship(1, 100, 100), ship(2, 1500, 900)]), 0);
  s.onSnapshot(snap(1, [ship(1, 100, 100), ship(2, 1500, 900)]), TICK);
  s.takeInputs(0, right);
  s.frame(0.5 * TICK + s.buffer.delay, 16, 0, right);
  const [input] = s.takeInputs(TICK + 1, { ...right, fire: true });
  const own = () => s.frame(0.6 * TICK + s.buffer.delay, 16, 0, right).shots.filter((x) => x.owner === 1);
  assert.equal(own().length, 1, 'the shot is drawn before any snapshot has it');
  // The server fired it in tick 4: the snapshot carries it.
  s.onSnapshot({ ...snap(4, [ship(1, 110, 100, { seq: input.seq }), ship(2, 1500, 900)]), shots: [[1, 400, 100, 720, 0, 1]] }, 4 * TICK);
  s.onSnapshot({ ...snap(5, [ship(1, 120, 100, { seq: input.seq }), ship(2, 1500, 900)]), shots: [[1, 424, 100, 720, 0, 1]] }, 5 * TICK);
  const drawn = s.frame(4.5 * TICK + s.buffer.delay, 16, 0, right).shots.filter((x) => x.owner === 1);
  assert.equal(drawn.length, 1, 'one copy');
  assert.equal(drawn[0].id, 1, 'paired with the server\'s shot');
});

test('no inputs before the own ship is known, or while it is dead', () => {
  const s = new GameSession(join(), syncedClock());
  assert.deepEqual(s.takeInputs(0, right), []);
  s.onSnapshot(snap(0, [ship(1, 100, 100, { st: 2, r: 30 })]), 0);
  s.takeInputs(0, right);
  assert.deepEqual(s.takeInputs(500, right), []);
});

test('spectators never send inputs', () => {
  const s = new GameSession(join({ id: null, spectator: true }), syncedClock());
  s.onSnapshot(snap(0, [ship(1, 100, 100)]), 0);
  s.takeInputs(0, right);
  assert.deepEqual(s.takeInputs(500, right), []);
  assert.equal(s.playerId, null);
});

test('game events are released when the render tick reaches their tick', () => {
  const s = new GameSession(join(), syncedClock());
  s.onSnapshot(snap(10, [ship(1, 100, 100), ship(2, 500, 500)]), 0);
  s.onGameEvent({ type: 'hit', tick: 12, target: 2, attacker: 1, damage: 20, hp: 80, x: 500, y: 500 }, 0);
  s.onGameEvent({ type: 'kill', tick: 12, victim: 2, killer: 1 }, 0);
  const at = (tick) => (tick - 10) * TICK + s.buffer.delay + 0.01;
  assert.equal(s.frame(at(11), 16, 0).effects.length, 0);
  assert.deepEqual(s.frame(at(12), 16, 0).effects.map((e) => e.type), ['hit', 'kill']);
  assert.equal(s.frame(at(13), 16, 0).effects.length, 0, 'each effect once');
  assert.deepEqual(s.feed.map((f) => [f.killer, f.victim]), [[1, 2]]);
  assert.equal(s.nameOf(2), 'bob');
});

test('round end is kept for the scoreboard until the next round starts', () => {
  const s = new GameSession(join(), syncedClock());
  const end = { type: 'round:end', tick: 5, round: 1, winner: 1, scoreboard: [] };
  s.onGameEvent(end, 0);
  assert.equal(s.roundEnd, end);
  s.onGameEvent({ type: 'round:start', tick: 9, round: 2, endsAt: 0 }, 0);
  assert.equal(s.roundEnd, null);
});

test('resetNet forgets the ship but keeps input numbering', () => {
  const s = new GameSession(join(), syncedClock(), { firstSeq: 41 });
  s.onSnapshot(snap(0, [ship(1, 100, 100)]), 0);
  s.takeInputs(0, right);
  assert.deepEqual(s.takeInputs(TICK + 1, right).map((i) => i.seq), [41]);
  s.resetNet();
  assert.equal(s.predictor.ready, false);
  assert.equal(s.nextSeq, 42);
});

test('firing flashes at once, as often as the fire cooldown allows', () => {
  const slowGun = { ...game, physics: { ...game.physics, fireCooldownTicks: 3 } };
  const s = new GameSession({ room, you: { id: 1, seatToken: 'tok' }, game: slowGun }, syncedClock());
  s.onSnapshot(snap(0, [ship(1, 100, 100)]), 0);
  s.takeInputs(0, right);
  const fire = { ...right, fire: true, aim: 0.5 };
  let flashes = 0;
  for (let i = 1; i <= 7; i++) {
    s.takeInputs(i * TICK + 1, fire);
    flashes += s.frame(T0, 16, 0).flashes.length;
  }
  assert.equal(flashes, 3, 'ticks 1, 4 and 7');
});

test('game:info swaps the map the own ship is predicted against', () => {
  const session = new GameSession(join(), syncedClock());
  const wall = [[400, 0, 40, 1000]]; // a wall right in front of a ship at x=380 moving right
  session.setGame({ ...game, map: { ...game.map, id: 'pillars', walls: wall } });
  assert.equal(session.game.map.id, 'pillars');
  assert.deepEqual(session.predictor.map.walls, wall);
  const moved = stepShip({ x: 380, y: 500, vx: 300, vy: 0 }, 1, 0, session.predictor.physics, session.predictor.map, 1 / 30);
  assert.ok(moved.x <= 400 - 18 + 1e-9, `stopped by the new wall at ${moved.x}`);
});
