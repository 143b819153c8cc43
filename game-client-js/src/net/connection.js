// The only module that talks to socket.io-client. Everything it sends and receives passes
// through the network simulator and is counted (approximately, as JSON length) for the overlay.
import { io } from 'socket.io-client';
import { ClientErrorCode, S2C } from '../protocol.js';
import { RateMeter } from './rate.js';
import { COMPACT_EVENT, PROTOCOL_VERSION, SnapshotDecoder } from './snapshotCodec.js';

/** Connection states shown to the player. */
export const Status = Object.freeze({
  CONNECTING: 'connecting',
  CONNECTED: 'connected',
  RECONNECTING: 'reconnecting',
  UNREACHABLE: 'unreachable', // never connected yet; still retrying
  REFUSED: 'refused', // the server said no (e.g. SERVER_FULL) or dropped us on purpose
});

const REQUEST_TIMEOUT_MS = 8000;

export class Connection {
  /**
   * @param {{netsim: import('./netsim.js').NetSim, now: () => number, url?: string}} options
   *   url defaults to the page's own origin
   */
  constructor({ netsim, now, url }) {
    this.netsim = netsim;
    this.now = now;
    this.bytesIn = new RateMeter(2000);
    this.bytesOut = new RateMeter(2000);
    this.handlers = new Map();
    this.statusListeners = [];
    this.status = Status.CONNECTING;
    this.statusDetail = '';
    this.everConnected = false;

    // Compact snapshots (docs/protocol.md): stated at connect; each arrives as the `s` event and is
    // decoded here, in arrival order, into the snapshot object the rest of the client reads.
    this.snapshots = new SnapshotDecoder();
    this.moving = false;
    this.open(url);
  }

  /** Makes the socket.io socket for `url` (the page's origin when absent) and listens on it. */
  open(url) {
    const options = {
      auth: { protocol: PROTOCOL_VERSION },
      autoConnect: false,
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    };
    this.url = url;
    if (url) {
      // A node behind a path-routing proxy (cluster: --public-url http://entry/n1) serves Socket.IO at
      // /n1/socket.io/; a URL's path would otherwise be read as a Socket.IO namespace.
      const u = new URL(url, globalThis.location?.href);
      const prefix = u.pathname.replace(/\/+$/, '');
      if (prefix) options.path = `${prefix}/socket.io/`;
      this.socket = io(u.origin, options);
    } else {
      this.socket = io(options);
    }
    this.socket.on('connect', () => {
      this.snapshots.reset(); // a new connection starts from a keyframe
      // A move to another server (cluster) is not a reconnect: the caller repeats its own request there.
      const reconnected = this.everConnected && !this.moving;
      this.everConnected = true;
      this.setStatus(Status.CONNECTED, '', { reconnected });
    });
    this.socket.on('disconnect', (reason) => {
      // Only a disconnect the server asked for is not retried by socket.io.
      if (reason === 'io server disconnect') this.setStatus(Status.REFUSED, 'disconnected by the server');
      else if (reason !== 'io client disconnect') this.setStatus(Status.RECONNECTING, reason);
    });
    this.socket.on('connect_error', (err) => {
      if (!this.socket.active) this.setStatus(Status.REFUSED, err.message || 'refused');
      else this.setStatus(this.everConnected ? Status.RECONNECTING : Status.UNREACHABLE, err.message);
    });
    this.socket.onAny((event, payload) => {
      this.bytesIn.add(this.now(), jsonLength([event, payload]));
      if (event === COMPACT_EVENT) {
        const snap = this.snapshots.decode(payload);
        if (snap) this.netsim.receive(() => this.dispatch(S2C.SNAPSHOT, snap));
        return;
      }
      this.netsim.receive(() => this.dispatch(event, payload));
    });
  }

  /**
   * Cluster: moves this connection to another server (`moveTo.url` of a `MOVED` answer or of
   * `server:shutdown`) without reloading the page. Resolves true once connected there.
   */
  moveTo(url, timeoutMs = REQUEST_TIMEOUT_MS) {
    const old = this.socket;
    this.moving = true;
    old.offAny();
    old.removeAllListeners();
    old.disconnect();
    this.open(url);
    const connected = this.whenConnected(timeoutMs);
    this.socket.connect();
    return connected.then((ok) => {
      this.moving = false;
      return ok;
    });
  }

  connect() {
    this.socket.connect();
  }

  /** Starts connecting again after the server refused or dropped us. */
  retry() {
    if (!this.socket.connected && !this.socket.active) {
      this.setStatus(Status.CONNECTING, '');
      this.socket.connect();
    }
  }

  /** Closes the transport as a network failure would; socket.io then reconnects (for tests). */
  dropTransport() {
    this.socket.io.engine?.close();
  }

  get connected() {
    return this.socket.connected;
  }

  /** 'websocket' or 'polling' while connected. */
  get transport() {
    return this.socket.io.engine?.transport?.name ?? '-';
  }

  /** Listens to a server event; the payload arrives after the simulated network delay. */
  on(event, handler) {
    if (!this.handlers.has(event)) this.handlers.set(event, []);
    this.handlers.get(event).push(handler);
  }

  /** `listener(status, detail, {reconnected})` on every status change. */
  onStatus(listener) {
    this.statusListeners.push(listener);
  }

  /** Sends an event without ack (`input`); dropped while disconnected rather than buffered. */
  send(event, payload) {
    if (!this.socket.connected) return false;
    this.bytesOut.add(this.now(), jsonLength([event, payload]));
    this.netsim.send(() => this.socket.emit(event, payload));
    return true;
  }

  /**
   * Sends a request and resolves with its ack. Never rejects: failures that never reached the
   * server resolve as `{ok:false, error:{code: TIMEOUT | DISCONNECTED}}` like a server refusal.
   */
  request(event, payload, timeoutMs = REQUEST_TIMEOUT_MS) {
    return this.requestOnce(event, payload, timeoutMs).then(async (ack) => {
      // Cluster: the room is on another server. Go there and repeat the request with the reservation.
      if (ack?.ok !== false || ack.error?.code !== 'MOVED' || !ack.moveTo?.url) return ack;
      if (!(await this.moveTo(ack.moveTo.url, timeoutMs))) {
        return failure(ClientErrorCode.DISCONNECTED, 'could not reach the server the room is on');
      }
      const again = ack.moveTo.reservation ? { ...payload, reservation: ack.moveTo.reservation } : payload;
      return this.requestOnce(event, again, timeoutMs);
    });
  }

  /**
   * One request and its ack (or a TIMEOUT / DISCONNECTED failure). Made while the socket is still
   * connecting (the page just opened, a reconnect), it waits for the connection within its timeout
   * rather than failing at once: a click on Quick play as the page loads then plays.
   */
  requestOnce(event, payload, timeoutMs) {
    if (!this.socket.connected) {
      if (!this.socket.active) {
        return Promise.resolve(failure(ClientErrorCode.DISCONNECTED, 'not connected to the server'));
      }
      const started = this.now();
      return this.whenConnected(timeoutMs).then((connected) => (connected
        ? this.requestOnce(event, payload, Math.max(1, timeoutMs - (this.now() - started)))
        : failure(ClientErrorCode.DISCONNECTED, 'not connected to the server')));
    }
    return new Promise((resolve) => {
      const timer = setTimeout(
        () => resolve(failure(ClientErrorCode.TIMEOUT, 'the server did not answer')),
        timeoutMs,
      );
      this.bytesOut.add(this.now(), jsonLength([event, payload]));
      this.netsim.send(() =>
        this.socket.emit(event, payload, (ack) => {
          this.bytesIn.add(this.now(), jsonLength(ack));
          this.netsim.receive(() => {
            clearTimeout(timer);
            resolve(decode(ack));
          });
        }),
      );
    });
  }

  /** Resolves true once this socket connects, false if it has not within `timeoutMs`. */
  whenConnected(timeoutMs) {
    const socket = this.socket;
    return new Promise((resolve) => {
      const connected = () => {
        clearTimeout(timer);
        resolve(true);
      };
      const timer = setTimeout(() => {
        socket.off('connect', connected);
        resolve(false);
      }, timeoutMs);
      socket.once('connect', connected);
    });
  }

  dispatch(event, payload) {
    for (const handler of this.handlers.get(event) ?? []) handler(decode(payload));
  }

  setStatus(status, detail, extra = {}) {
    this.status = status;
    this.statusDetail = detail;
    for (const listener of this.statusListeners) listener(status, detail, extra);
  }
}

function failure(code, message) {
  return { ok: false, error: { code, message } };
}

// A server may hand over pre-serialised JSON as a string; accept both forms.
function decode(payload) {
  if (typeof payload !== 'string') return payload;
  try {
    return JSON.parse(payload);
  } catch {
    return payload;
  }
}

function jsonLength(value) {
  return value === undefined ? 0 : JSON.stringify(value)?.length ?? 0;
}
