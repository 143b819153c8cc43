// Where each ship is drawn, given where the netcode says it is (the target). The target's own
// motion is passed through at once, so smoothing adds no latency; a discontinuity in the target (a
// prediction correction, snapshots coming back after a stall, the playout point moving) is not
// shown as a jump but blended away over several frames, and the drawn ship never moves faster than
// a bound. Only a teleport (a respawn, a round's reset) is drawn at once, and is marked as such.

const DEFAULTS = Object.freeze({
  // The drawn speed bound, as a multiple of the ships' top speed.
  speedFactor: 1.6,
  // A target step longer than top speed x this (plus `slackUnits`) in a frame is a discontinuity.
  plausibleFactor: 1.3,
  slackUnits: 0.5,
  // Time constant of the blend that closes the gap between the drawn ship and the target, ms.
  blendMs: 90,
});

export class Smoother {
  /**
   * @param {number} maxSpeed the ships' top speed, world units per second (`game.physics.maxSpeed`)
   * @param {Partial<typeof DEFAULTS>} [options]
   */
  constructor(maxSpeed, options = {}) {
    this.maxSpeed = maxSpeed;
    this.opts = { ...DEFAULTS, ...options };
    this.entries = new Map(); // key -> {x, y, tx, ty}
  }

  /**
   * Treats a change of the target by (dx, dy) that is about to happen as a discontinuity to blend
   * (called by the predictor's owner when a correction moves the own ship's target).
   */
  shift(key, dx, dy) {
    const e = this.entries.get(key);
    if (!e) return;
    e.tx += dx;
    e.ty += dy;
  }

  /**
   * The drawn position of `key` this frame.
   * @param {string|number} key
   * @param {{x:number, y:number}} target where the netcode has it now
   * @param {number} frameMs time since the previous frame
   * @param {boolean} [teleport] draw it at the target at once
   * @returns {{x:number, y:number, teleported:boolean, gap:number}}
   */
  follow(key, target, frameMs, teleport = false) {
    const e = this.entries.get(key);
    if (!e || teleport) {
      this.entries.set(key, { x: target.x, y: target.y, tx: target.x, ty: target.y });
      return { x: target.x, y: target.y, teleported: true, gap: 0 };
    }
    const dt = Math.max(0, frameMs) / 1000;
    let fx = target.x - e.tx;
    let fy = target.y - e.ty;
    if (Math.sqrt(fx * fx + fy * fy) > this.maxSpeed * this.opts.plausibleFactor * dt + this.opts.slackUnits) {
      fx = 0; // a discontinuity: the whole step goes into the gap
      fy = 0;
    }
    let x = e.x + fx;
    let y = e.y + fy;
    const k = 1 - Math.exp(-Math.max(0, frameMs) / this.opts.blendMs);
    x += (target.x - x) * k;
    y += (target.y - y) * k;
    const mx = x - e.x;
    const my = y - e.y;
    const moved = Math.sqrt(mx * mx + my * my);
    const cap = this.maxSpeed * this.opts.speedFactor * dt;
    if (moved > cap) {
      x = e.x + (mx / moved) * cap;
      y = e.y + (my / moved) * cap;
    }
    let gap = Math.sqrt((target.x - x) ** 2 + (target.y - y) ** 2);
    if (gap < 0.01) {
      x = target.x;
      y = target.y;
      gap = 0;
    }
    e.x = x;
    e.y = y;
    e.tx = target.x;
    e.ty = target.y;
    return { x, y, teleported: false, gap };
  }

  /** Forgets keys not in `alive` (ships that left). */
  retain(alive) {
    for (const key of this.entries.keys()) if (!alive.has(key)) this.entries.delete(key);
  }

  forget(key) {
    this.entries.delete(key);
  }

  clear() {
    this.entries.clear();
  }
}
