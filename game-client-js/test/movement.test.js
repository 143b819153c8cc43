import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { snap, stepShip } from '../src/game/movement.js';

const golden = JSON.parse(readFileSync(new URL('./golden/movement.json', import.meta.url), 'utf8'));
const physics = { accel: 1400, drag: 4, maxSpeed: 320, shipRadius: 18 };
const open = { width: 1600, height: 1000, walls: [] };
const dt = 1 / 30;

test('golden vectors written by the server tests match step by step', () => {
  assert.ok(golden.cases.length > 0, 'golden file has cases');
  const dtGolden = 1 / golden.tickRate;
  for (const c of golden.cases) {
    assert.equal(c.expected.length, c.inputs.length, `${c.name}: one expected state per input`);
    let s = { x: c.start[0], y: c.start[1], vx: c.start[2], vy: c.start[3] };
    c.inputs.forEach(([mx, my], i) => {
      s = stepShip(s, mx, my, golden.physics, golden.map, dtGolden);
      const got = [s.x, s.y, s.vx, s.vy];
      // Exactly: both sides round the state to the same 1/32 grid after every step.
      c.expected[i].forEach((want, j) => {
        assert.equal(got[j], want, `${c.name}, step ${i}, ${['x', 'y', 'vx', 'vy'][j]}`);
      });
    });
  }
});

test('one step from rest follows accel, drag and integration in order', () => {
  const s = stepShip({ x: 100, y: 100, vx: 0, vy: 0 }, 1, 0, physics, open, dt);
  const v = (1400 / 30) * (1 - 4 / 30);
  assert.equal(s.vx, snap(v));
  assert.equal(s.x, snap(100 + v / 30));
  assert.equal(s.vx * 32, Math.round(s.vx * 32), 'on the 1/32 grid');
  assert.equal(s.y, 100);
  assert.equal(s.vy, 0);
});

test('an input longer than 1 moves like a unit vector', () => {
  const diag = stepShip({ x: 500, y: 500, vx: 0, vy: 0 }, 1, 1, physics, open, dt);
  const unit = stepShip({ x: 500, y: 500, vx: 0, vy: 0 }, Math.SQRT1_2, Math.SQRT1_2, physics, open, dt);
  assert.ok(Math.abs(diag.vx - unit.vx) <= 1 / 32 && Math.abs(diag.vy - unit.vy) <= 1 / 32);
});

test('speed is capped at maxSpeed', () => {
  const s = stepShip({ x: 500, y: 500, vx: 600, vy: 800 }, 0, 0, physics, open, dt);
  assert.ok(Math.abs(Math.sqrt(s.vx * s.vx + s.vy * s.vy) - 320) < 1 / 32);
  assert.ok(Math.abs(s.vx / s.vy - 0.75) < 1e-3, 'direction kept');
});

test('arena edges stop the ship and the velocity into them', () => {
  const s = stepShip({ x: 20, y: 990, vx: -300, vy: 300 }, -1, 1, physics, open, dt);
  assert.deepEqual(s, { x: 18, y: 982, vx: 0, vy: 0 });
});

test('a wall face pushes the ship out to its radius and removes the inward velocity', () => {
  const map = { width: 1600, height: 1000, walls: [[700, 420, 200, 160]] };
  const s = stepShip({ x: 680, y: 500, vx: 200, vy: 50 }, 0, 0, physics, map, dt);
  assert.equal(s.x, 682);
  assert.equal(s.vx, 0);
  assert.ok(s.vy > 0, 'sliding along the wall is kept');
});

test('a centre inside a wall leaves through the nearest side', () => {
  const map = { width: 1600, height: 1000, walls: [[700, 420, 200, 160]] };
  const s = stepShip({ x: 890, y: 500, vx: 0, vy: 0 }, 0, 0, physics, map, dt);
  assert.equal(s.x, 918);
  assert.equal(s.y, 500);
});

test('halves round up on the grid, as Java Math.round does', () => {
  assert.equal(snap(1 / 64), 1 / 32);
  assert.equal(snap(-1 / 64), 0);
  assert.equal(snap(-3 / 64), -1 / 32);
  assert.equal(snap(12.34), 395 / 32);
});
