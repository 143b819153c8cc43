// One movement step of a ship, exactly as docs/protocol.md "Movement rules" state it. The server
// runs the same rules; the predictor replays them, so every operation here keeps the protocol's
// order and uses plain Math.sqrt (not Math.hypot) to agree with Java to the last bit.

/**
 * Advances a ship by one input.
 * @param {{x:number,y:number,vx:number,vy:number}} ship state before the step (not modified)
 * @param {number} mx movement direction along world x, [-1, 1]
 * @param {number} my movement direction along world y, [-1, 1]
 * @param {{accel:number,drag:number,maxSpeed:number,shipRadius:number}} physics `game.physics`
 * @param {{width:number,height:number,walls:number[][]}} map `game.map`
 * @param {number} dt seconds per step, `1 / game.tickRate`
 * @returns {{x:number,y:number,vx:number,vy:number}} the state after the step
 */
export function stepShip(ship, mx, my, physics, map, dt) {
  let { x, y, vx, vy } = ship;
  const { accel, drag, maxSpeed } = physics;
  const r = physics.shipRadius;

  // 1. a direction longer than 1 is scaled to length 1
  const len = Math.sqrt(mx * mx + my * my);
  if (len > 1) {
    mx /= len;
    my /= len;
  }
  // 2. acceleration
  vx += mx * accel * dt;
  vy += my * accel * dt;
  // 3. drag
  const k = Math.max(0, 1 - drag * dt);
  vx *= k;
  vy *= k;
  // 4. speed cap
  const s = Math.sqrt(vx * vx + vy * vy);
  if (s > maxSpeed) {
    vx = vx / s * maxSpeed;
    vy = vy / s * maxSpeed;
  }
  // 5. integrate
  x += vx * dt;
  y += vy * dt;
  // 6. arena bounds
  if (x < r) {
    x = r;
    if (vx < 0) vx = 0;
  }
  if (x > map.width - r) {
    x = map.width - r;
    if (vx > 0) vx = 0;
  }
  if (y < r) {
    y = r;
    if (vy < 0) vy = 0;
  }
  if (y > map.height - r) {
    y = map.height - r;
    if (vy > 0) vy = 0;
  }
  // 7. walls, in map order
  for (const [wx, wy, ww, wh] of map.walls) {
    const cx = Math.max(wx, Math.min(x, wx + ww));
    const cy = Math.max(wy, Math.min(y, wy + wh));
    const dx = x - cx;
    const dy = y - cy;
    const d2 = dx * dx + dy * dy;
    if (d2 > 0 && d2 < r * r) {
      const d = Math.sqrt(d2);
      const nx = dx / d;
      const ny = dy / d;
      x = cx + nx * r;
      y = cy + ny * r;
      const dot = vx * nx + vy * ny;
      if (dot < 0) {
        vx -= dot * nx;
        vy -= dot * ny;
      }
    } else if (d2 === 0) {
      ({ x, y, vx, vy } = pushOutOfRect(x, y, vx, vy, wx, wy, ww, wh, r));
    }
  }
  // 8. the server keeps (and sends) the state on a grid of 1/32 unit: round the same way
  return { x: snap(x), y: snap(y), vx: snap(vx), vy: snap(vy) };
}

/** Grid steps per world unit of positions and velocities (the server's `Quantum.SCALE`). */
export const GRID = 32;

/** `v` rounded to the 1/32 grid exactly as the server rounds it (halves up, like Java's Math.round). */
export function snap(v) {
  return Math.round(v * GRID) / GRID + 0; // + 0: no -0 (Java has none)
}

// The centre is inside the rectangle: leave through the nearest side (ties: left, right, top,
// bottom) to distance r from it, dropping the velocity component that points into the wall.
function pushOutOfRect(x, y, vx, vy, wx, wy, ww, wh, r) {
  const left = x - wx;
  const right = wx + ww - x;
  const top = y - wy;
  const bottom = wy + wh - y;
  const nearest = Math.min(left, right, top, bottom);
  if (nearest === left) {
    x = wx - r;
    if (vx > 0) vx = 0;
  } else if (nearest === right) {
    x = wx + ww + r;
    if (vx < 0) vx = 0;
  } else if (nearest === top) {
    y = wy - r;
    if (vy > 0) vy = 0;
  } else {
    y = wy + wh + r;
    if (vy < 0) vy = 0;
  }
  return { x, y, vx, vy };
}

/** Seconds per step for a tick rate. */
export function stepSeconds(tickRate) {
  return 1 / tickRate;
}
