// A bad-network simulator for the client's own traffic: added latency, jitter and occasional
// stalls on what it sends and on what it receives. Each direction is a FIFO, so messages are
// delayed but never reordered, as on the real ordered transport.

/** Conditions: all in ms; `lag` is round-trip (half each way), `jitter` is added per message
 * and direction as a uniform random 0..jitter, a stall of `stall` ms starts on average every
 * `stallEvery` ms and holds both directions. */
export const NO_CONDITIONS = Object.freeze({ lag: 0, jitter: 0, stall: 0, stallEvery: 10000 });

/** Reads conditions from URL parameters (`?lag=150&jitter=30&stall=500&stallEvery=8000`). */
export function conditionsFromParams(params) {
  const out = { ...NO_CONDITIONS };
  for (const key of Object.keys(out)) {
    const v = Number(params.get(key));
    if (params.has(key) && Number.isFinite(v) && v >= 0) out[key] = v;
  }
  return out;
}

export class NetSim {
  /**
   * @param {{now:()=>number, setTimer:(fn:Function, ms:number)=>unknown, random?:()=>number}} env
   *   injected clock, timer and randomness, so tests run on a manual clock
   * @param {Partial<typeof NO_CONDITIONS>} [conditions]
   */
  constructor(env, conditions = {}) {
    this.env = { random: Math.random, ...env };
    this.conditions = { ...NO_CONDITIONS };
    this.stallUntil = 0;
    this.nextStallAt = null;
    this.out = new Lane(this.env);
    this.in = new Lane(this.env);
    this.set(conditions);
  }

  set(conditions) {
    Object.assign(this.conditions, conditions);
    this.nextStallAt = null;
  }

  get active() {
    const c = this.conditions;
    return c.lag > 0 || c.jitter > 0 || c.stall > 0;
  }

  /** Runs `fn` when a sent message would reach the server. */
  send(fn) {
    this.out.push(fn, this.delay());
  }

  /** Runs `fn` when a received message would reach the client. */
  receive(fn) {
    this.in.push(fn, this.delay());
  }

  /** Messages held in either direction. */
  get queued() {
    return this.out.queue.length + this.in.queue.length;
  }

  delay() {
    const c = this.conditions;
    const now = this.env.now();
    if (c.stall > 0) {
      if (this.nextStallAt === null) this.nextStallAt = now + this.stallGap();
      if (now >= this.nextStallAt) {
        this.stallUntil = now + c.stall;
        this.nextStallAt = this.stallUntil + this.stallGap();
      }
    }
    const wait = c.lag / 2 + this.env.random() * c.jitter;
    return Math.max(wait, this.stallUntil - now);
  }

  // Exponential gaps make stalls come at random, on average every `stallEvery` ms.
  stallGap() {
    return -Math.log(1 - this.env.random()) * this.conditions.stallEvery;
  }
}

/** One direction: a FIFO whose items leave no earlier than their time and never overtake. */
class Lane {
  constructor(env) {
    this.env = env;
    this.queue = [];
    this.lastAt = -Infinity;
    this.timerFor = null;
  }

  push(fn, delayMs) {
    const now = this.env.now();
    const at = Math.max(now + delayMs, this.lastAt);
    this.lastAt = at;
    if (at <= now && this.queue.length === 0) {
      fn();
      return;
    }
    this.queue.push({ at, fn });
    this.arm();
  }

  arm() {
    if (!this.queue.length) return;
    const head = this.queue[0];
    if (this.timerFor === head) return;
    this.timerFor = head;
    this.env.setTimer(() => this.flush(), Math.max(0, head.at - this.env.now()));
  }

  flush() {
    this.timerFor = null;
    const now = this.env.now();
    while (this.queue.length && this.queue[0].at <= now) this.queue.shift().fn();
    this.arm();
  }
}
