// Keeps a ClockSync fed: a burst of `time:sync` round trips after each (re)connect, then one
// every couple of seconds for as long as the page lives.
import { C2S } from '../protocol.js';
import { Status } from './connection.js';

const SYNC_TIMEOUT_MS = 3000;

/**
 * @param {import('./connection.js').Connection} conn
 * @param {import('./clock.js').ClockSync} clock
 * @param {() => number} now the local clock the estimate is relative to
 */
export function keepClockSynced(conn, clock, now) {
  let generation = 0;
  let timer = null;

  async function round(gen) {
    const sentAt = now();
    const ack = await conn.request(C2S.TIME_SYNC, { t: Date.now() }, SYNC_TIMEOUT_MS);
    // A reconnect starts a new loop; a lost connection ends this one until then.
    if (gen !== generation || !conn.connected) return;
    if (typeof ack?.serverTime === 'number') clock.addSample(sentAt, ack.serverTime, now());
    timer = setTimeout(() => round(gen), clock.nextDelay());
  }

  conn.onStatus((status) => {
    if (status !== Status.CONNECTED) return;
    clearTimeout(timer);
    clock.restartBurst();
    round(++generation);
  });
}
