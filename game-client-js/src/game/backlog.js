// Keeps the server's input queue short. The server applies one queued input per tick once its
// step budget is spent, so inputs that arrived in a burst (a stalled tab, a network hiccup) stay
// queued for good and delay everything the player does by that many ticks. Unacknowledged inputs
// beyond what the round trip explains reveal such a standing queue; leaving out one input lets the
// server's queue shrink by one, and the ship's path is unchanged because the predictor only
// applies inputs that were sent.

export class BacklogControl {
  /**
   * @param {{windowMs?: number, threshold?: number}} [options] a skip happens when the excess of
   *   pending inputs stayed at or above `threshold` for a whole window, at most once per window
   */
  constructor({ windowMs = 1000, threshold = 2 } = {}) {
    this.windowMs = windowMs;
    this.threshold = threshold;
    this.samples = []; // [time, excess]
    this.since = null; // start of the current observation
  }

  /**
   * @param {number} now ms
   * @param {number} pending inputs sent and not yet acknowledged by a snapshot
   * @param {number} expected how many the round trip alone explains
   * @returns {boolean} true if the input due now should be left out
   */
  shouldSkip(now, pending, expected) {
    if (this.since === null) this.since = now;
    this.samples.push([now, pending - expected]);
    while (this.samples.length && this.samples[0][0] < now - this.windowMs) this.samples.shift();
    if (now - this.since < this.windowMs) return false;
    const standing = Math.min(...this.samples.map((s) => s[1]));
    if (standing < this.threshold) return false;
    this.samples = [];
    this.since = now; // watch a whole window again, so one skip can take effect first
    return true;
  }

  reset() {
    this.samples = [];
    this.since = null;
  }
}

/** Inputs a round trip keeps unacknowledged: RTT plus up to a tick and a snapshot interval. */
export function expectedPending(rttMs, tickMs, snapshotMs) {
  return (rttMs + tickMs + snapshotMs) / tickMs + 1;
}
