// Remote ships and shots are drawn in the past, between two snapshots that bracket a render tick.
//
// Timeline: the server ticks on absolute deadlines and stamps each snapshot with its tick, so the
// most punctual recent arrival gives a local time for every tick (`arrival`: local ms of tick 0).
// A snapshot's lateness is how long after that punctual line it arrived: the link's jitter. The
// render tick runs `delay` ms behind the punctual line, and the delay aims for one snapshot interval
// plus a high percentile of lateness, so the next snapshot is almost always there. The one-way
// latency is outside the delay (it is in `arrival`); `renderLag` is the whole distance to the server.
//
// Both the punctual line and the delay move at a bounded rate (rendering runs a few per cent faster
// or slower than real time, which the eye does not see), never in one step. A stall (no snapshot
// for a while, then a burst) is not jitter: its late burst is left out of the percentile, and while
// no newer snapshot is there entities are extrapolated along their velocity for a bounded time.

const DEFAULTS = Object.freeze({
  minDelayMs: 40, // floor of the delay (and its value until lateness has been measured)
  maxDelayMs: 1000,
  safetyMs: 4,
  latePercentile: 0.95,
  lateWindowMs: 3000,
  // The punctual line is the earliest arrival over this window: short enough that a lasting shift
  // (a server that fell behind and skipped ticks, a route change) is learnt within seconds.
  arrivalWindowMs: 3000,
  // How fast the playout point may move, as a fraction of elapsed time: up (more delay) quickly,
  // down (less delay) slowly, so the delay shrinks smoothly when the link calms down.
  riseRate: 0.2,
  fallRate: 0.04,
  // Further than this from where it should be (joining, a spectator's 2 s, a reconnect) the
  // playout point is set at once: nothing was being drawn from the old one.
  resetMs: 600,
  // Extrapolation past the newest snapshot: displacement v*T*(1-exp(-t/T)), bounded by v*T.
  extrapolateMs: 150,
  // A gap between arrivals longer than 2 intervals + this (+ 2x jitter) is a stall.
  stallSlackMs: 60,
  maxSnapshots: 120,
});

export class SnapshotBuffer {
  /**
   * @param {{tickRate:number, snapshotRate:number, physics?:{maxSpeed:number}}} game join ack `game`
   * @param {Partial<typeof DEFAULTS>} [options]
   */
  constructor(game, options = {}) {
    this.opts = { ...DEFAULTS, ...options };
    this.tickMs = 1000 / game.tickRate;
    this.intervalMs = 1000 / (game.snapshotRate || game.tickRate);
    this.maxSpeed = game.physics?.maxSpeed ?? Infinity;
    this.clear();
  }

  clear() {
    this.snaps = [];
    this.arrivals = []; // [localNow, localNow - tick*tickMs]
    this.lates = []; // [localNow, lateness]
    this.arrival = null; // punctual line estimate: local ms of tick 0
    this.playout = null; // local ms of tick 0 on the render timeline (arrival + delay, slewed)
    this.lastArrival = null;
    this.recovering = false; // after a stall, until arrivals are punctual again
    this.stalls = [];
    this.stallCount = 0;
    this.clockAt = null;
    this.extrapolatedMs = 0;
  }

  get latest() {
    return this.snaps.length ? this.snaps[this.snaps.length - 1] : null;
  }

  /** The delay behind the punctual arrival line, ms (what the netcode report calls interp delay). */
  get delay() {
    if (this.playout === null || this.arrival === null) return this.opts.minDelayMs;
    return this.playout - this.arrival;
  }

  /** High-percentile lateness of recent snapshots (stall bursts aside), ms. */
  get jitter() {
    if (this.lates.length < 5) return 0;
    const sorted = this.lates.map((a) => a[1]).sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * this.opts.latePercentile))];
  }

  /** The delay the buffer aims for: a snapshot interval plus the jitter. */
  targetDelay() {
    if (this.lates.length < 5) return Math.max(this.opts.minDelayMs, this.intervalMs + this.opts.safetyMs);
    const want = this.intervalMs + this.jitter + this.opts.safetyMs;
    return Math.min(this.opts.maxDelayMs, Math.max(this.opts.minDelayMs, want));
  }

  /**
   * Adds a snapshot as it arrives.
   * @param {object} snap a decoded `snapshot` ({tick, players, shots, ...})
   * @param {number} localNow local time of arrival, ms
   */
  push(snap, localNow) {
    const last = this.latest;
    if (last && snap.tick <= last.tick) return;
    this.snaps.push(snap);
    if (this.snaps.length > this.opts.maxSnapshots) this.snaps.shift();

    const line = localNow - snap.tick * this.tickMs;
    const gap = this.lastArrival === null ? 0 : localNow - this.lastArrival;
    this.lastArrival = localNow;
    pushWindowed(this.arrivals, localNow, line, this.opts.arrivalWindowMs);
    const punctual = Math.min(...this.arrivals.map((a) => a[1]));
    if (this.arrival === null || Math.abs(punctual - this.arrival) > this.opts.resetMs) {
      this.arrival = punctual;
      this.playout = punctual + this.targetDelay();
      this.clockAt = localNow;
    }
    this.arrivalTarget = punctual;

    // Lateness against the window's punctual line itself, not the slewed one, so that a lasting
    // shift of the line is not mistaken for jitter while the playout point catches up.
    const late = Math.max(0, line - punctual);
    if (gap > 2 * this.intervalMs + 2 * this.jitter + this.opts.stallSlackMs) {
      this.stalls.push(localNow);
      this.stallCount++;
      while (this.stalls.length && this.stalls[0] < localNow - 5000) this.stalls.shift();
      // Frequent "stalls" are the link's normal behaviour: then they count as jitter.
      this.recovering = this.stalls.length < 3;
    }
    if (this.recovering && late > this.jitter + this.intervalMs) return;
    this.recovering = false;
    pushWindowed(this.lates, localNow, late, this.opts.lateWindowMs);
  }

  /**
   * Moves the punctual line and the playout point towards their targets at a bounded rate. Call
   * once per frame before sampling.
   */
  advance(localNow) {
    if (this.arrival === null) return;
    const elapsed = Math.max(0, localNow - (this.clockAt ?? localNow));
    this.clockAt = localNow;
    // The punctual line follows its estimate: later (snapshots now come later for their tick: the
    // server fell behind, the route got longer) at the fast rate, earlier at the slow one.
    const lineRate = this.arrivalTarget > this.arrival ? this.opts.riseRate : this.opts.fallRate;
    this.arrival = approach(this.arrival, this.arrivalTarget, elapsed * lineRate);
    const want = this.arrival + this.targetDelay();
    const rate = want > this.playout ? this.opts.riseRate : this.opts.fallRate;
    this.playout = approach(this.playout, want, elapsed * rate);
  }

  /** The (fractional) tick drawn at `localNow`, or null before the first snapshot. */
  renderTick(localNow) {
    if (this.playout === null) return null;
    return (localNow - this.playout) / this.tickMs;
  }

  /** The local time at which tick `tick` is drawn. */
  localTimeOfTick(tick) {
    return this.playout + tick * this.tickMs;
  }

  /**
   * Entities as they were at `tick` (fractional).
   * @returns {{players: object[], shots: object[], extrapolatedMs: number}|null}
   */
  sample(tick) {
    const snaps = this.snaps;
    if (!snaps.length) return null;
    // Drop what can no longer be needed: keep the last snapshot at or before the tick.
    while (snaps.length > 2 && snaps[1].tick <= tick) snaps.shift();

    const newer = snaps.findIndex((s) => s.tick > tick);
    if (newer === 0) return this.frame(snaps[0], snaps[0], 0, 0);
    if (newer === -1) {
      const last = snaps[snaps.length - 1];
      return this.frame(last, last, 0, Math.max(0, (tick - last.tick) * this.tickMs));
    }
    const s0 = snaps[newer - 1];
    const s1 = snaps[newer];
    return this.frame(s0, s1, (tick - s0.tick) / (s1.tick - s0.tick), 0);
  }

  frame(s0, s1, alpha, aheadMs) {
    const spanS = (s1.tick - s0.tick) * this.tickMs / 1000;
    const extra = extrapolation(aheadMs, this.opts.extrapolateMs) / 1000; // seconds of velocity
    const before = new Map(s0.players.map((p) => [p.id, p]));
    const players = s1.players.map((p1) => {
      const p0 = before.get(p1.id) ?? p1;
      const out = { ...p1 };
      if (this.isTeleport(p0, p1, spanS)) {
        Object.assign(out, alpha < 0.5 ? pick(p0) : pick(p1));
        out.teleport = true;
      } else {
        out.x = lerp(p0.x, p1.x, alpha);
        out.y = lerp(p0.y, p1.y, alpha);
        out.a = lerpAngle(p0.a, p1.a, alpha);
      }
      if (extra > 0 && p1.st !== 2) {
        out.x += p1.vx * extra;
        out.y += p1.vy * extra;
      }
      return out;
    });

    const shotsBefore = new Map(s0.shots.map((s) => [s[0], s]));
    const shots = s1.shots.map(([id, x1, y1, vx, vy, owner]) => {
      const old = shotsBefore.get(id);
      // A shot born after s0 is run backwards from s1 along its straight line.
      const x = old ? lerp(old[1], x1, alpha) : x1 - vx * (1 - alpha) * spanS;
      const y = old ? lerp(old[2], y1, alpha) : y1 - vy * (1 - alpha) * spanS;
      return { id, owner, vx, vy, x: x + vx * extra, y: y + vy * extra };
    });
    return { players, shots, extrapolatedMs: aheadMs };
  }

  // A respawn (state to or from dead, or spawn protection starting), or a jump no ship can fly in
  // the time between two snapshots, is not interpolated: it is a teleport.
  isTeleport(p0, p1, spanS) {
    if (p0 === p1) return false;
    if ((p0.st === 2) !== (p1.st === 2)) return true;
    if (p1.st === 1 && p0.st !== 1) return true;
    const dx = p1.x - p0.x;
    const dy = p1.y - p0.y;
    const reach = this.maxSpeed * spanS * 1.5 + 20;
    return dx * dx + dy * dy > reach * reach;
  }
}

/** Extrapolated time for `aheadMs` past the newest snapshot: ~aheadMs at first, never above `capMs`. */
export function extrapolation(aheadMs, capMs) {
  if (aheadMs <= 0) return 0;
  return capMs * (1 - Math.exp(-aheadMs / capMs));
}

function approach(value, target, step) {
  const diff = target - value;
  return Math.abs(diff) <= step ? target : value + Math.sign(diff) * step;
}

function pushWindowed(list, now, value, windowMs) {
  list.push([now, value]);
  while (list.length && list[0][0] < now - windowMs) list.shift();
}

function pick(p) {
  return { x: p.x, y: p.y, a: p.a };
}

function lerp(a, b, t) {
  return a + (b - a) * t;
}

/** Interpolates angles the short way round. */
export function lerpAngle(a, b, t) {
  let d = (b - a) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  if (d < -Math.PI) d += 2 * Math.PI;
  return a + d * t;
}
