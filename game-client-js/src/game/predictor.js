// Client-side prediction of the own ship, reconciled with each authoritative snapshot
// (Gambetta: numbered inputs, a pending list, replay after each server state).
import { stepShip, stepSeconds } from './movement.js';

const DEFAULTS = Object.freeze({
  // Errors above this many world units are not smoothed but snapped (respawn, long stall).
  snapDistance: 120,
  // Time constant of the visual correction's exponential decay, ms.
  smoothingMs: 100,
  // Errors below this count as agreement, not as a correction (snapshots round to 0.01).
  correctionEpsilon: 0.05,
  // The server queues at most 32 inputs per player; keep a little more than that.
  maxPending: 64,
});

export class Predictor {
  /**
   * @param {{tickRate:number, physics:object, map:object}} game the join ack's `game`
   * @param {Partial<typeof DEFAULTS>} [options]
   */
  constructor(game, options = {}) {
    this.physics = game.physics;
    this.map = game.map;
    this.dt = stepSeconds(game.tickRate);
    this.opts = { ...DEFAULTS, ...options };
    this.reset();
  }

  /** Forgets everything; the next snapshot re-seeds the state (used on reconnect). */
  reset() {
    this.state = null;
    // State before the latest step: frames between two steps draw a blend of the two, so the
    // ship moves smoothly on displays faster than the tick rate.
    this.prev = null;
    this.pending = [];
    this.offsetX = 0;
    this.offsetY = 0;
    this.corrections = 0;
    this.lastError = 0;
  }

  get ready() {
    return this.state !== null;
  }

  /** Applies an input that is being sent to the server: one step, remembered until acked. */
  apply(input) {
    if (!this.state) return;
    this.prev = this.state;
    this.state = stepShip(this.state, input.moveX, input.moveY, this.physics, this.map, this.dt);
    this.pending.push(input);
    if (this.pending.length > this.opts.maxPending) this.pending.shift();
  }

  /**
   * Reconciles with the server's view of the own ship: drops the inputs it has applied, restarts
   * from its state and replays the rest. A small disagreement is kept as a render offset that
   * decays, so the ship glides to the corrected place instead of jumping.
   * @param {{x:number,y:number,vx:number,vy:number,seq:number}} server the snapshot's own player
   */
  reconcile(server) {
    const before = this.state;
    let i = 0;
    while (i < this.pending.length && this.pending[i].seq <= server.seq) i++;
    if (i > 0) this.pending.splice(0, i);

    let s = { x: server.x, y: server.y, vx: server.vx, vy: server.vy };
    for (const input of this.pending) {
      s = stepShip(s, input.moveX, input.moveY, this.physics, this.map, this.dt);
    }
    this.state = s;
    if (!before) {
      this.prev = s;
      return;
    }
    this.prev = { ...this.prev, x: this.prev.x + s.x - before.x, y: this.prev.y + s.y - before.y };

    const ex = before.x + this.offsetX - s.x;
    const ey = before.y + this.offsetY - s.y;
    const error = Math.sqrt((before.x - s.x) ** 2 + (before.y - s.y) ** 2);
    this.lastError = error;
    if (error <= this.opts.correctionEpsilon) return;
    this.corrections++;
    if (Math.sqrt(ex * ex + ey * ey) > this.opts.snapDistance) {
      this.offsetX = 0;
      this.offsetY = 0;
      this.prev = s;
    } else {
      this.offsetX = ex;
      this.offsetY = ey;
    }
  }

  /** Decays the visual correction; call once per rendered frame. */
  decay(frameMs) {
    const f = Math.exp(-frameMs / this.opts.smoothingMs);
    this.offsetX *= f;
    this.offsetY *= f;
    if (Math.abs(this.offsetX) < 0.01) this.offsetX = 0;
    if (Math.abs(this.offsetY) < 0.01) this.offsetY = 0;
  }

  /**
   * Where to draw the own ship: between the last two predicted steps, plus the decaying correction.
   * @param {number} alpha fraction of a tick elapsed since the latest step, [0, 1]
   */
  renderPosition(alpha = 1) {
    if (!this.state) return null;
    const { prev, state } = this;
    return {
      x: prev.x + (state.x - prev.x) * alpha + this.offsetX,
      y: prev.y + (state.y - prev.y) * alpha + this.offsetY,
    };
  }
}
