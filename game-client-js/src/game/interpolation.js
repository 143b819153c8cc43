// Remote ships and shots are drawn in the past, between two snapshots that bracket
// renderTime = serverNow - delay. The delay follows the measured age of arriving snapshots (one-way
// latency plus jitter) so that a newer snapshot is almost always there; when none is (a stall),
// entities are extrapolated along their velocity for a short while and then held.

const DEFAULTS = Object.freeze({
  defaultDelayMs: 100, // floor, and the delay until ages have been measured
  maxDelayMs: 1000,
  safetyMs: 10,
  agePercentile: 0.9,
  ageWindowMs: 3000,
  baseWindowMs: 5000,
  maxExtrapolateMs: 150,
  // How fast the delay may follow its target, as a fraction of elapsed time: rendering runs at
  // most this much faster or slower than real time, which the eye does not notice.
  delayRiseRate: 0.25,
  delayFallRate: 0.05,
  // A target this far off (joining as a spectator, whose snapshots come seconds late) is taken
  // at once rather than crawled towards while nothing can be shown.
  delaySnapMs: 500,
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
    this.delay = this.opts.defaultDelayMs;
    this.clear();
  }

  clear() {
    this.snaps = [];
    this.bases = []; // [arrivalLocal, time - tick*tickMs]
    this.ages = []; // [arrivalLocal, age]
    this.base = null;
  }

  get latest() {
    return this.snaps.length ? this.snaps[this.snaps.length - 1] : null;
  }

  /**
   * Server time of a snapshot's tick. The server ticks on absolute deadlines, so the most punctual
   * recent snapshot gives the tick-to-time mapping; this spaces snapshots exactly one tick apart and
   * keeps the server's scheduling jitter out of the motion.
   */
  timeOf(snap) {
    return this.base + snap.tick * this.tickMs;
  }

  /**
   * Adds a snapshot as it arrives.
   * @param {object} snap the `snapshot` payload
   * @param {number} localNow local time of arrival, ms
   * @param {number|null} serverNow estimated server time of arrival (null before clock sync)
   */
  push(snap, localNow, serverNow) {
    const last = this.latest;
    if (last && snap.tick <= last.tick) return;
    this.snaps.push(snap);
    if (this.snaps.length > this.opts.maxSnapshots) this.snaps.shift();

    pushWindowed(this.bases, localNow, snap.time - snap.tick * this.tickMs, this.opts.baseWindowMs);
    this.base = Math.min(...this.bases.map((b) => b[1]));
    if (serverNow !== null) {
      pushWindowed(this.ages, localNow, serverNow - this.timeOf(snap), this.opts.ageWindowMs);
    }
  }

  /** The delay the buffer aims for: a snapshot interval plus a high percentile of snapshot age. */
  targetDelay() {
    if (this.ages.length < 5) return this.opts.defaultDelayMs;
    const sorted = this.ages.map((a) => a[1]).sort((a, b) => a - b);
    const p = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * this.opts.agePercentile))];
    const want = this.intervalMs + p + this.opts.safetyMs;
    return Math.min(this.opts.maxDelayMs, Math.max(this.opts.defaultDelayMs, want));
  }

  /** Moves the delay towards its target; call once per frame. */
  advance(frameMs) {
    const diff = this.targetDelay() - this.delay;
    if (Math.abs(diff) > this.opts.delaySnapMs) {
      this.delay += diff;
      return;
    }
    const rate = diff > 0 ? this.opts.delayRiseRate : this.opts.delayFallRate;
    const step = frameMs * rate;
    this.delay += Math.abs(diff) <= step ? diff : Math.sign(diff) * step;
  }

  /**
   * Entities as they were at `renderTime` (server clock).
   * @returns {{players: object[], shots: object[], extrapolatedMs: number}|null}
   */
  sample(renderTime) {
    const snaps = this.snaps;
    if (!snaps.length) return null;
    // Drop what can no longer be needed: keep the last snapshot at or before renderTime.
    while (snaps.length > 2 && this.timeOf(snaps[1]) <= renderTime) snaps.shift();

    const newer = snaps.findIndex((s) => this.timeOf(s) > renderTime);
    if (newer === 0) return this.frame(snaps[0], snaps[0], 0, 0);
    if (newer === -1) {
      const last = snaps[snaps.length - 1];
      const ahead = Math.min(renderTime - this.timeOf(last), this.opts.maxExtrapolateMs);
      return this.frame(last, last, 0, ahead);
    }
    const s0 = snaps[newer - 1];
    const s1 = snaps[newer];
    const t0 = this.timeOf(s0);
    return this.frame(s0, s1, (renderTime - t0) / (this.timeOf(s1) - t0), 0);
  }

  frame(s0, s1, alpha, extrapolateMs) {
    const spanS = (s1.tick - s0.tick) * this.tickMs / 1000;
    const before = new Map(s0.players.map((p) => [p.id, p]));
    const players = s1.players.map((p1) => {
      const p0 = before.get(p1.id) ?? p1;
      const out = { ...p1 };
      if (this.isTeleport(p0, p1, spanS)) {
        Object.assign(out, alpha < 0.5 ? pick(p0) : pick(p1));
      } else {
        out.x = lerp(p0.x, p1.x, alpha);
        out.y = lerp(p0.y, p1.y, alpha);
        out.a = lerpAngle(p0.a, p1.a, alpha);
      }
      if (extrapolateMs > 0 && p1.st !== 2) {
        out.x += (p1.vx * extrapolateMs) / 1000;
        out.y += (p1.vy * extrapolateMs) / 1000;
      }
      return out;
    });

    const shotsBefore = new Map(s0.shots.map((s) => [s[0], s]));
    const shots = s1.shots.map(([id, x1, y1, vx, vy, owner]) => {
      const old = shotsBefore.get(id);
      // A shot born after s0 is run backwards from s1 along its straight line.
      const x = old ? lerp(old[1], x1, alpha) : x1 - vx * (1 - alpha) * spanS;
      const y = old ? lerp(old[2], y1, alpha) : y1 - vy * (1 - alpha) * spanS;
      return {
        id, owner, vx, vy,
        x: x + (vx * extrapolateMs) / 1000,
        y: y + (vy * extrapolateMs) / 1000,
      };
    });
    return { players, shots, extrapolatedMs: extrapolateMs };
  }

  // A respawn, or a jump no ship can fly in the time between two snapshots, is not interpolated.
  isTeleport(p0, p1, spanS) {
    if (p0 === p1) return false;
    if ((p0.st === 2) !== (p1.st === 2)) return true;
    const dx = p1.x - p0.x;
    const dy = p1.y - p0.y;
    const reach = this.maxSpeed * spanS * 1.5 + 20;
    return dx * dx + dy * dy > reach * reach;
  }
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
