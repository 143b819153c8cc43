// The soak benchmark's load: five abusive workloads at once against one server, for a set time.
//   node bench/soak-load.mjs --url http://127.0.0.1:PORT --seconds 600
// Uses socket.io-client and ws from game-client-js/node_modules (run `npm ci` there first; the build does).
//   connect/close churn  sockets that connect (WebSocket) and close at once, in a loop
//   polling churn        sockets that handshake over polling, connect, time-sync, and close
//   slow readers         raw TCP connections trickling an HTTP request one byte every 2 s
//   rooms flood          connections calling room:create as fast as answers come (refused past the caps)
//   input flood          a player sending input events as fast as the socket takes them (throttled, cut off, back)
// Prints one line of counts every 10 s and a summary at the end. A benchmark, not a test.
import { createRequire } from 'node:module';
import { connect as tcpConnect } from 'node:net';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '..', 'game-client-js', 'package.json'));
const { io } = require('socket.io-client');

const { values: a } = parseArgs({ options: {
  url: { type: 'string' }, seconds: { type: 'string', default: '60' },
  churn: { type: 'string', default: '8' }, polling: { type: 'string', default: '4' },
  slow: { type: 'string', default: '200' }, flooders: { type: 'string', default: '4' },
  inputs: { type: 'string', default: '2' },
} });
if (!a.url) { console.error('usage: node bench/soak-load.mjs --url http://127.0.0.1:PORT [--seconds N]'); process.exit(2); }
const url = a.url.replace(/\/+$/, '');
const { hostname, port } = new URL(url);
const end = Date.now() + Number(a.seconds) * 1000;
const live = () => Date.now() < end;
const c = { connects: 0, connectErrors: 0, polls: 0, slowOpened: 0, slowClosedByServer: 0, roomsCreated: 0,
  roomsRefused: 0, inputsSent: 0, inputDisconnects: 0 };

function once(opts) {
  return new Promise((resolve) => {
    const s = io(url, { reconnection: false, forceNew: true, timeout: 5000, ...opts });
    s.on('connect', () => resolve(s));
    s.on('connect_error', () => { c.connectErrors++; s.close(); resolve(null); });
  });
}

async function churn() {
  while (live()) {
    const s = await once({ transports: ['websocket'] });
    if (s) { c.connects++; s.close(); }
  }
}

async function pollingChurn() {
  while (live()) {
    const s = await once({ transports: ['polling'] });
    if (s) {
      c.polls++;
      await new Promise((r) => s.timeout(3000).emit('time:sync', { t: Date.now() }, () => r()));
      s.close();
    }
  }
}

function slowReader() {
  if (!live()) return;
  const sock = tcpConnect(Number(port), hostname);
  const text = 'GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: ' + 'a'.repeat(200) + '\r\n\r\n';
  let i = 0;
  let timer;
  sock.on('connect', () => {
    c.slowOpened++;
    timer = setInterval(() => { if (i < text.length && live()) sock.write(text[i++]); else sock.destroy(); }, 2000);
  });
  sock.on('error', () => {});
  sock.on('close', () => {
    clearInterval(timer);
    if (live()) { c.slowClosedByServer++; setTimeout(slowReader, 100); }
  });
  sock.resume(); // read and drop whatever comes
}

async function roomsFlood() {
  while (live()) {
    const s = await once({ transports: ['websocket'] });
    if (!s) { await new Promise((r) => setTimeout(r, 200)); continue; }
    for (let i = 0; i < 20 && live() && s.connected; i++) {
      const ack = await new Promise((r) => s.timeout(5000).emit('room:create', { name: 'Flood' }, (err, res) => r(err ? null : res)));
      if (ack?.ok) c.roomsCreated++; else c.roomsRefused++;
    }
    s.close();
  }
}

async function inputFlood() {
  while (live()) {
    const s = await once({ transports: ['websocket'] });
    if (!s) { await new Promise((r) => setTimeout(r, 200)); continue; }
    await new Promise((r) => s.timeout(5000).emit('room:quickplay', { name: 'Flood' }, () => r()));
    let seq = 0;
    await new Promise((done) => {
      s.on('disconnect', () => { c.inputDisconnects++; done(); });
      const pump = () => {
        if (!live() || !s.connected) { s.close(); done(); return; }
        for (let i = 0; i < 50; i++) { s.emit('input', { seq: ++seq, moveX: 1, moveY: 0, aim: 0, fire: true }); c.inputsSent++; }
        setImmediate(pump);
      };
      pump();
    });
  }
}

const tick = setInterval(() => console.log(`soak-load ${JSON.stringify(c)}`), 10000);
for (let i = 0; i < Number(a.slow); i++) setTimeout(slowReader, i * 5);
await Promise.all([
  ...Array.from({ length: Number(a.churn) }, churn),
  ...Array.from({ length: Number(a.polling) }, pollingChurn),
  ...Array.from({ length: Number(a.flooders) }, roomsFlood),
  ...Array.from({ length: Number(a.inputs) }, inputFlood),
  new Promise((r) => setTimeout(r, Number(a.seconds) * 1000 + 100)),
]);
clearInterval(tick);
console.log(`soak-load done ${JSON.stringify(c)}`);
process.exit(0);
