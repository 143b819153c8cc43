// Client-side prediction of the own ship, reconciled with each authoritative snapshot
// (Gambetta: numbered inputs, a pending list, replay after each server state).
//
// Drawing: `presentPosition` applies the controls held right now to the partial tick, so a key
// press shows in the next rendered frame although inputs leave only at the tick rate. The ship is
// drawn `leadTicks` plus the elapsed part of the current tick past the newest predicted step, along
// the current controls; when the next input is sampled with the same controls the drawn path goes
// on without a seam. Corrections are not drawn here: `reconcile` says by how much the drawn target
// moved, and the Smoother (smoothing.js) blends that over several frames.
import { stepShip, stepSeconds } from './movement.js';

const DEFAULTS = Object.freeze({
  // Errors below this count as agreement, not as a correction (snapshots round to 0.01).
  correctionEpsilon: 0.05,
  // The server queues at most 32 inputs per player; keep a little more than that.
  maxPending: 64,
  // How far ahead of the newest step the own ship is drawn along the held controls, in ticks. Half
  // a tick moves a ship at rest by 0.67 units in the first frame after a key press.
  leadTicks: 0.5,
});

const IDLE = Object.freeze({ moveX: 0, moveY: 0 });

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
    this.corrections = 0;
    this.lastError = 0;
    this.reset();
  }

  /** Forgets the state; the next snapshot re-seeds it (reconnect, respawn). Counters are kept. */
  reset() {
    this.state = null;
    this.pending = [];
  }

  get ready() {
    return this.state !== null;
  }

  step(s, controls) {
    return stepShip(s, controls.moveX, controls.moveY, this.physics, this.map, this.dt);
  }

  /** Applies an input that is being sent to the server: one step, remembered until acked. */
  apply(input) {
    if (!this.state) return;
    this.state = this.step(this.state, input);
    this.pending.push(input);
    if (this.pending.length > this.opts.maxPending) this.pending.shift();
  }

  /**
   * Reconciles with the server's view of the own ship: drops the inputs it has applied, restarts
   * from its state and replays the rest.
   * @param {{x:number,y:number,vx:number,vy:number,seq:number}} server the snapshot's own player
   * @returns {{dx:number, dy:number, corrected:boolean}} how far the predicted state moved
   */
  reconcile(server) {
    const before = this.state;
    let i = 0;
    while (i < this.pending.length && this.pending[i].seq <= server.seq) i++;
    if (i > 0) this.pending.splice(0, i);

    let s = { x: server.x, y: server.y, vx: server.vx, vy: server.vy };
    for (const input of this.pending) s = this.step(s, input);
    this.state = s;
    if (!before) return { dx: 0, dy: 0, corrected: false };
    const dx = s.x - before.x;
    const dy = s.y - before.y;
    const error = Math.sqrt(dx * dx + dy * dy);
    this.lastError = error;
    const corrected = error > this.opts.correctionEpsilon;
    if (corrected) this.corrections++;
    return { dx, dy, corrected };
  }

  /**
   * Where to draw the own ship now: the newest predicted step, carried on along `controls` for
   * `alpha + leadTicks` ticks.
   * @param {number} alpha fraction of a tick elapsed since the newest step, [0, 1]
   * @param {{moveX:number, moveY:number}} [controls] held now (idle if omitted)
   */
  presentPosition(alpha = 0, controls = IDLE) {
    if (!this.state) return null;
    let s = this.state;
    let ahead = Math.max(0, alpha) + this.opts.leadTicks;
    while (ahead >= 1) {
      s = this.step(s, controls);
      ahead -= 1;
    }
    if (ahead === 0) return { x: s.x, y: s.y };
    const n = this.step(s, controls);
    return { x: s.x + (n.x - s.x) * ahead, y: s.y + (n.y - s.y) * ahead };
  }
}
