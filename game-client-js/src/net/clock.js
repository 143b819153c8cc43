// Estimates the offset between the local clock and the server's from `time:sync` round trips.
// A sample's offset is exact up to the asymmetry of its round trip, and that error is bounded by
// half its RTT, so the estimate comes from the samples with the lowest RTT among recent ones.

const DEFAULTS = Object.freeze({
  burst: 5, // samples taken back to back after (re)connecting
  burstGapMs: 50,
  intervalMs: 2000, // then one every interval, so the estimate follows drift and route changes
  window: 15, // recent samples considered (30 s at the steady interval)
  best: 3, // of which the lowest-RTT ones are averaged
  rttAlpha: 0.2, // smoothing of the displayed RTT
  // The offset used for rendering moves towards the estimate by at most this fraction of the
  // elapsed time, so a better estimate never makes remote ships jump; larger errors snap.
  slewRate: 0.05,
  snapMs: 250,
});

export class ClockSync {
  /** @param {Partial<typeof DEFAULTS>} [options] */
  constructor(options = {}) {
    this.opts = { ...DEFAULTS, ...options };
    this.samples = [];
    this.target = null; // offset estimated from the samples: serverTime - localTime
    this.offset = null; // offset in use, slewed towards target
    this.rtt = null; // smoothed RTT
    this.lastRtt = null;
    this.slewedAt = null;
    this.burstLeft = this.opts.burst;
  }

  /** Starts a new burst, keeping what was learnt (called after reconnecting). */
  restartBurst() {
    this.burstLeft = this.opts.burst;
  }

  /** Milliseconds to wait before sending the next `time:sync`. */
  nextDelay() {
    return this.burstLeft > 0 ? this.opts.burstGapMs : this.opts.intervalMs;
  }

  /**
   * Records one round trip.
   * @param {number} sentAt local time the request was sent (the `t` echoed back)
   * @param {number} serverTime the server's clock when it answered
   * @param {number} receivedAt local time the answer arrived
   */
  addSample(sentAt, serverTime, receivedAt) {
    const rtt = receivedAt - sentAt;
    if (!(rtt >= 0) || !Number.isFinite(serverTime)) return;
    if (this.burstLeft > 0) this.burstLeft--;
    this.samples.push({ rtt, offset: serverTime + rtt / 2 - receivedAt });
    if (this.samples.length > this.opts.window) this.samples.shift();

    const best = [...this.samples].sort((a, b) => a.rtt - b.rtt).slice(0, this.opts.best);
    this.target = best.reduce((sum, s) => sum + s.offset, 0) / best.length;
    this.lastRtt = rtt;
    this.rtt = this.rtt === null ? rtt : this.rtt + (rtt - this.rtt) * this.opts.rttAlpha;
    if (this.offset === null) {
      this.offset = this.target;
      this.slewedAt = receivedAt;
    }
  }

  /** The server's clock now, estimated; null before the first sample. */
  serverNow(localNow) {
    if (this.offset === null) return null;
    this.slew(localNow);
    return localNow + this.offset;
  }

  slew(localNow) {
    const elapsed = Math.max(0, localNow - this.slewedAt);
    this.slewedAt = localNow;
    const diff = this.target - this.offset;
    const step = elapsed * this.opts.slewRate;
    if (Math.abs(diff) > this.opts.snapMs || Math.abs(diff) <= step) this.offset = this.target;
    else this.offset += Math.sign(diff) * step;
  }
}
