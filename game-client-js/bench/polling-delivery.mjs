// Long-polling delivery (issue 11): N socket.io-client players forced onto long-polling, quick play
// (rooms of 8), compact snapshots (protocol 2; a server without it sends 'snapshot', also counted).
// Prints snapshots per client per second over a window. Not a test.
//   node game-client-js/bench/polling-delivery.mjs http://127.0.0.1:PORT 200 6 10   # url, clients, warm-up s, window s
import { io } from 'socket.io-client';
const [url, n, warm, win] = [process.argv[2], +process.argv[3], +process.argv[4] * 1000, +process.argv[5] * 1000];
const counts = new Array(n).fill(0);
let measuring = false;
const socks = [];
for (let i = 0; i < n; i++) {
  const s = io(url, { transports: ['polling'], auth: { protocol: 2 }, forceNew: true, reconnection: false });
  s.on('connect', () => s.emit('room:quickplay', { name: 'p' + i }, () => {}));
  s.on('s', () => { if (measuring) counts[i]++; });
  s.on('snapshot', () => { if (measuring) counts[i]++; });
  socks.push(s);
  if (i % 20 === 19) await new Promise((r) => setTimeout(r, 100));
}
await new Promise((r) => setTimeout(r, warm));
measuring = true;
await new Promise((r) => setTimeout(r, win));
measuring = false;
const rates = counts.map((c) => c / (win / 1000)).sort((a, b) => a - b);
const mean = rates.reduce((a, b) => a + b, 0) / n;
console.log(`clients ${n}: snapshots/s per client mean ${mean.toFixed(1)}, min ${rates[0].toFixed(1)}, p10 ${rates[Math.floor(n * 0.1)].toFixed(1)}; delivered ${(mean / 30 * 100).toFixed(0)}% of 30 Hz`);
socks.forEach((s) => s.close());
process.exit(0);
