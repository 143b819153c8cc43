import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PredictedKills } from '../src/game/kills.js';

const alive = (hp) => ({ tick: 10, players: [{ id: 2, hp, st: 0 }] });

test('the own hits seen on screen take hp until a snapshot reflects them', () => {
  const k = new PredictedKills(20);
  k.onSnapshot(alive(60), new Set());
  const a = { sid: null, abandoned: false };
  const b = { sid: null, abandoned: false };
  k.screenHit(a, 2);
  k.screenHit(b, 2);
  assert.equal(k.hp(2), 20);
  assert.equal(k.isDeadAhead(2, 10), false);
  // a was fired and hit at tick 12: from the snapshot of tick 12 its damage is in the hp.
  a.sid = 5;
  k.onHit({ shot: 5, tick: 12 });
  k.onSnapshot({ tick: 11, players: [{ id: 2, hp: 60, st: 0 }] }, new Set([5]));
  assert.equal(k.hp(2), 20, 'not yet reflected');
  k.onSnapshot({ tick: 12, players: [{ id: 2, hp: 40, st: 0 }] }, new Set());
  assert.equal(k.hp(2), 20, 'reflected once, not counted twice');
});

test('a target is drawn dead when its hp as seen reaches 0, until the render tick reaches its death', () => {
  const k = new PredictedKills(20);
  k.onSnapshot(alive(20), new Set());
  k.screenHit({ sid: 9, abandoned: false }, 2);
  assert.equal(k.isDeadAhead(2, 11), true);
  k.onHit({ shot: 9, tick: 14 });
  k.onSnapshot({ tick: 14, players: [{ id: 2, hp: 0, st: 2 }] }, new Set());
  assert.equal(k.isDeadAhead(2, 13.5), true);
  assert.equal(k.isDeadAhead(2, 14), false);
  assert.equal(k.isDeadAhead(2, 13), false, 'forgotten once over');
});

test('a shot the server did not count gives the hp back: the target is drawn again', () => {
  const k = new PredictedKills(20);
  k.onSnapshot(alive(20), new Set());
  const shot = { sid: null, abandoned: false };
  k.screenHit(shot, 2);
  assert.equal(k.isDeadAhead(2, 11), true);
  shot.abandoned = true; // the server never fired it
  k.onSnapshot({ tick: 13, players: [{ id: 2, hp: 20, st: 0 }] }, new Set());
  assert.equal(k.hp(2), 20);
  assert.equal(k.isDeadAhead(2, 12), false);
});

test('a missed shot (gone from snapshots, no hit) and protected or unknown targets', () => {
  const k = new PredictedKills(20);
  const shot = { sid: 4, abandoned: false };
  k.screenHit(shot, 3);
  assert.equal(k.hp(3), null, 'a target never seen');
  assert.equal(k.isDeadAhead(3, 1), false);
  k.onSnapshot(alive(40), new Set([4]));
  k.screenHit(shot, 2);
  assert.equal(k.hp(2), 20);
  k.onSnapshot(alive(40), new Set());
  assert.equal(k.hp(2), 40, 'its copy is gone without a hit: it missed');
});
