// Turns held controls into numbered inputs at the server's tick rate. A fixed-step accumulator,
// driven by a timer rather than by animation frames, decides how many inputs are due, so the
// send rate does not depend on the display's refresh rate.

export class InputSampler {
  /**
   * @param {number} tickRate inputs per second (`game.tickRate`)
   * @param {{maxCatchUp?:number, firstSeq?:number}} [options] maxCatchUp bounds the inputs sent
   *   at once after a pause (the server's per-player step budget is 4)
   */
  constructor(tickRate, { maxCatchUp = 4, firstSeq = 1 } = {}) {
    this.stepMs = 1000 / tickRate;
    this.maxCatchUp = maxCatchUp;
    this.seq = firstSeq - 1;
    this.acc = 0;
    this.last = null;
  }

  /** Fraction of a step elapsed at `now` since the last input, for drawing between steps. */
  alphaAt(now) {
    if (this.last === null) return 1;
    return Math.max(0, Math.min(1, (this.acc + now - this.last) / this.stepMs));
  }

  /** Restarts timing without reusing sequence numbers (they continue across a rejoin). */
  restart() {
    this.acc = 0;
    this.last = null;
  }

  /**
   * Advances to `now` and returns the inputs that are due, each a copy of `controls` with the
   * next `seq`. Time beyond `maxCatchUp` steps (a background tab, a long frame) is dropped.
   * @param {number} now ms
   * @param {{moveX:number, moveY:number, aim:number, fire:boolean}} controls
   */
  sample(now, controls) {
    if (this.last === null || now < this.last) {
      this.last = now;
      return [];
    }
    this.acc += now - this.last;
    this.last = now;
    let due = Math.floor(this.acc / this.stepMs);
    this.acc -= due * this.stepMs;
    if (due > this.maxCatchUp) due = this.maxCatchUp;
    const out = [];
    for (let i = 0; i < due; i++) {
      out.push({ seq: ++this.seq, ...controls });
    }
    return out;
  }
}

/** Movement keys to world axes (+x right, +y down). */
const MOVE_KEYS = Object.freeze({
  KeyW: [0, -1], ArrowUp: [0, -1],
  KeyS: [0, 1], ArrowDown: [0, 1],
  KeyA: [-1, 0], ArrowLeft: [-1, 0],
  KeyD: [1, 0], ArrowRight: [1, 0],
});

/** Held keys, pointer and touch stick; knows nothing of the DOM (see ui/controls.js). */
export class ControlState {
  constructor() {
    this.keys = new Set();
    this.aim = 0;
    this.pointer = null; // {x, y} in screen pixels; aim is derived from it each frame
    this.firing = false;
    this.stick = null; // [x, y] from a touch joystick, length <= 1
  }

  static isMoveKey(code) {
    return code in MOVE_KEYS;
  }

  clear() {
    this.keys.clear();
    this.firing = false;
    this.stick = null;
  }

  /** Current controls; the server scales a diagonal to length 1. */
  current() {
    let mx = 0;
    let my = 0;
    for (const code of this.keys) {
      const dir = MOVE_KEYS[code];
      if (dir) {
        mx += dir[0];
        my += dir[1];
      }
    }
    if (this.stick) [mx, my] = this.stick;
    return {
      moveX: Math.max(-1, Math.min(1, mx)),
      moveY: Math.max(-1, Math.min(1, my)),
      aim: Math.round(this.aim * 1000) / 1000,
      fire: this.firing,
    };
  }
}
