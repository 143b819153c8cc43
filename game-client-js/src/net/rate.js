// Rates over a sliding window (snapshots/s, bytes/s, frames/s) for the net overlay.

export class RateMeter {
  /** @param {number} [windowMs] how far back events count */
  constructor(windowMs = 1000) {
    this.windowMs = windowMs;
    this.events = []; // [time, amount], oldest first
    this.sum = 0;
  }

  add(now, amount = 1) {
    this.events.push([now, amount]);
    this.sum += amount;
    this.expire(now);
  }

  /** Amount per second over the window ending at `now`. */
  rate(now) {
    this.expire(now);
    return (this.sum * 1000) / this.windowMs;
  }

  expire(now) {
    const cutoff = now - this.windowMs;
    let i = 0;
    while (i < this.events.length && this.events[i][0] <= cutoff) this.sum -= this.events[i++][1];
    if (i > 0) this.events.splice(0, i);
  }
}
