import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runStep, TagSession } from '../src/games/tag/index.js';
import { gameModule } from '../src/games/index.js';

const game = { id: 'tag', tickRate: 30, snapshotRate: 30, radius: 16, speed: 220, itSpeed: 240,
  map: { id: 'yard', width: 1000, height: 700 } };
const clock = { serverNow: () => null };

test('a step moves at the running speed, faster when it, and stops at the walls', () => {
  assert.deepEqual(runStep({ x: 100, y: 100 }, { moveX: 1, moveY: 0 }, game, false), { x: 100 + 220 / 30, y: 100 });
  assert.deepEqual(runStep({ x: 100, y: 100 }, { moveX: 0, moveY: 1 }, game, true), { x: 100, y: 108 });
  assert.deepEqual(runStep({ x: 17, y: 690 }, { moveX: -1, moveY: 1 }, game, false), { x: 16, y: 684 });
});

test('the own runner is predicted and reconciled with the inputs the server has not applied', () => {
  const s = new TagSession({ room: { players: [] }, you: { id: 1 }, game }, clock);
  s.onSnapshot({ tick: 1, time: 0, phase: 'playing', it: 2, players: [{ id: 1, seq: 0, c: 1, x: 500, y: 300, t: 0 }] }, 0);
  const sent = [...s.takeInputs(0, { moveX: 1, moveY: 0, aim: 0, fire: true }),
    ...s.takeInputs(100, { moveX: 1, moveY: 0, aim: 0, fire: true })];
  assert.equal(sent.length, 3, 'three ticks of inputs in 100 ms');
  assert.deepEqual(Object.keys(sent[0]).sort(), ['moveX', 'moveY', 'seq'], 'only what Tag reads');
  assert.ok(Math.abs(s.own.x - (500 + 3 * 220 / 30)) < 1e-9);
  // The server applied the first: its position plus the two pending ones is where we already are.
  s.onSnapshot({ tick: 2, time: 33, phase: 'playing', it: 2,
    players: [{ id: 1, seq: sent[0].seq, c: 1, x: 500 + 220 / 30, y: 300, t: 0 }] }, 33);
  assert.equal(s.predictor.pending.length, 2);
  assert.equal(s.predictor.corrections, 0);
});

test('the module is chosen by the game id of the join answer', () => {
  assert.equal(gameModule('tag').id, 'tag');
  assert.equal(gameModule('arena').id, 'arena');
  assert.match(gameModule('tag').rules, /IT/);
});
