// Raw WebSocket load generator (issue 10, bench/side-by-side.sh): N clients that speak Engine.IO v4 /
// Socket.IO v5 text frames themselves (no socket.io-client), against Skirmish or the Node peer
// (bench/node-peer). Each client: open packet `0{...}`, `40{"protocol":2}` (compact snapshots; the
// Node peer ignores it), `420["room:quickplay",{name}]` and its ack `430[...]`, answers every ping `2`
// with `3`, and with INPUTS=1 sends one `42["input",{seq,moveX,moveY,aim,fire}]` 30 times a second.
//
// Snapshots are the `s` event: base64 of the compact form (docs/protocol.md, "Compact snapshots"),
// what the browser gets. Only its header is read (flags, then a keyframe's `tickRate, tick, time` or a
// delta's `base, dticks, dtime` on the client's last time), enough for the server's `time`; the Node
// peer writes a keyframe header with its own `time` at the front of its payload, so both are measured
// the same way. Age = receipt (Date.now()) - time, same machine clock, 1 ms bins.
//
// Prints `ready ...` once every client joined (or gave up), counts between SIGUSR1 (window start) and
// SIGUSR2 (window end), then prints one JSON line and exits. Not a test.
//   node bench/ws-load/load.mjs http://127.0.0.1:PORT CLIENTS [INPUTS 0|1] [NAME_PREFIX]
import WebSocket from 'ws';
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const [url, n, inputs, prefix] = [process.argv[2], +process.argv[3], process.argv[4] === '1', process.argv[5] ?? 'b'];
const wsUrl = url.replace(/^http/, 'ws') + '/socket.io/?EIO=4&transport=websocket&protocol=2';
const CONCURRENT_HANDSHAKES = 50; // in flight at once, well under the server's pending-handshake caps
const JOIN_DEADLINE_MS = 60_000;

const MAX_AGE = 10_000;
const ages = new Uint32Array(MAX_AGE + 1); // ms bins; the last one is "10 s or more"
let measuring = false;
let snaps = 0; // `s` events received in the window, all clients
let payloadBytes = 0; // their decoded size, to give the Node peer snapshots of the same size
let joined = 0;
let finished = 0; // clients that joined or failed
const errors = {};
const count = (k) => { errors[k] = (errors[k] ?? 0) + 1; };
const clients = [];

// LEB128 unsigned varint at b[p.i]; numbers up to 2^53 (a time in ms has 41 bits).
function u(b, p) {
  let v = 0, mul = 1, x;
  do {
    if (p.i >= b.length) throw new Error('short header');
    x = b[p.i++];
    v += (x & 0x7f) * mul;
    mul *= 128;
  } while (x & 0x80);
  return v;
}
const s = (b, p) => { const z = u(b, p); return z % 2 ? -(z + 1) / 2 : z / 2; };

// The server time of a compact snapshot, from its header only; `last` is this client's previous one.
function snapshotTime(text, last) {
  const b = Buffer.from(text.slice(0, 32), 'base64'); // 24 bytes: more than any header
  const p = { i: 0 };
  const flags = u(b, p);
  if (flags & 4) u(b, p); // a spectator's delayMs
  if ((flags & 1) === 0) { u(b, p); u(b, p); return u(b, p); } // keyframe: tickRate, tick, time
  u(b, p); u(b, p); // delta: base, dticks
  return last === 0 ? 0 : last + s(b, p);
}

function onSnapshot(c, text) {
  let time;
  try {
    time = snapshotTime(text, c.time);
  } catch {
    count('bad snapshot header');
    return;
  }
  c.time = time;
  if (!measuring) return;
  snaps++;
  payloadBytes += Math.floor((text.length * 3) / 4);
  if (time > 0) ages[Math.min(MAX_AGE, Math.max(0, Date.now() - time))]++;
  else count('delta before a keyframe');
}

function onMessage(c, data) {
  const m = data.toString();
  if (m.startsWith('42["s","')) return onSnapshot(c, m.slice(8, m.indexOf('"', 8)));
  if (m === '2') return c.ws.send('3');
  if (m[0] === '0') return c.ws.send('40{"protocol":2}');
  if (m.startsWith('40')) return c.ws.send(`420["room:quickplay",{"name":"${prefix}${c.i}"}]`);
  if (m.startsWith('430')) {
    if (m.includes('"ok":true')) { c.joined = true; joined++; } else count(`join refused ${m.slice(3, 120)}`);
    return done(c);
  }
  if (m.startsWith('44')) { count(`connect refused ${m.slice(2, 120)}`); return done(c); }
}

function done(c) {
  if (c.done) return;
  c.done = true;
  finished++;
  inFlight--;
  pump();
}

let next = 0, inFlight = 0;
function pump() {
  while (inFlight < CONCURRENT_HANDSHAKES && next < n) {
    const c = { i: next++, time: 0, joined: false, done: false, seq: 0, ws: null };
    inFlight++;
    c.ws = new WebSocket(wsUrl, { perMessageDeflate: false });
    c.ws.on('message', (d) => onMessage(c, d));
    c.ws.on('error', (e) => { count(`error ${e.message}`); done(c); });
    c.ws.on('close', (code) => { if (c.joined) count(`closed ${code}`); done(c); });
    clients.push(c);
  }
}
pump();
const t0 = Date.now();
while (finished < n && Date.now() - t0 < JOIN_DEADLINE_MS) await new Promise((r) => setTimeout(r, 50));
console.log(`ready: ${joined}/${n} joined in ${((Date.now() - t0) / 1000).toFixed(1)} s${Object.keys(errors).length ? ' ' + JSON.stringify(errors) : ''}`);

// Inputs: one per joined client per 33.3 ms on a drift-corrected schedule, each ship circling and
// firing now and then (so the room's snapshots carry moving ships and shots, as in a fight).
if (inputs) {
  const period = 1000 / 30;
  let due = performance.now();
  let k = 0;
  const send = () => {
    k++;
    for (const c of clients) {
      if (!c.joined || c.ws.readyState !== WebSocket.OPEN) continue;
      const a = (k + c.i * 7) / 20;
      c.ws.send(`42["input",{"seq":${++c.seq},"moveX":${Math.cos(a).toFixed(3)},"moveY":${Math.sin(a).toFixed(3)},"aim":${a.toFixed(3)},"fire":${(k + c.i) % 10 === 0}}]`);
    }
    due += period;
    const now = performance.now();
    if (due < now - period) due = now;
    setTimeout(send, Math.max(0, due - now));
  };
  send();
}

const ticks = () => { const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' '); return +f[11] + +f[12]; };
const lag = monitorEventLoopDelay({ resolution: 10 });
let w0, cpu0;
process.on('SIGUSR1', () => { measuring = true; w0 = performance.now(); cpu0 = ticks(); lag.enable(); });
process.on('SIGUSR2', () => {
  measuring = false;
  const secs = (performance.now() - w0) / 1000;
  lag.disable();
  const hist = {};
  ages.forEach((v, ms) => { if (v) hist[ms] = v; });
  console.log(JSON.stringify({
    clients: n, joined, secs, snaps, payloadBytes, ages: hist, errors,
    cpu: (ticks() - cpu0) / 100 / secs, // cores used by this generator in the window (USER_HZ 100)
    lagP99: lag.percentile(99) / 1e6,
  }));
  for (const c of clients) c.ws.terminate();
  process.exit(0);
});
