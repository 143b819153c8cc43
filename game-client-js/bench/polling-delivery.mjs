// Long-polling delivery (issue 11): N socket.io-client players forced onto long-polling, quick play
// (rooms of 8), compact snapshots (protocol 2; a server without it sends 'snapshot', also counted).
// Prints snapshots per client per second over a window, how many clients joined, and the CPU (from
// /proc, % of one core) this generator process and, with SERVER_PID set, the server used in the window.
// Not a test. bench/polling-peer.sh runs it against Skirmish or the Node peer, in 1 or more processes.
//   node game-client-js/bench/polling-delivery.mjs http://127.0.0.1:PORT 200 6 10   # url, clients, warm-up s, window s
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io } from 'socket.io-client';
const [url, n, warm, win] = [process.argv[2], +process.argv[3], +process.argv[4] * 1000, +process.argv[5] * 1000];
const counts = new Array(n).fill(0);
let measuring = false;
let joined = 0;
const errors = {}; // connect_error messages, refused joins and disconnect reasons, counted
const count = (k) => { errors[k] = (errors[k] ?? 0) + 1; };
const socks = [];
const polls = [];
for (let i = 0; i < n; i++) {
  const s = io(url, { transports: ['polling'], auth: { protocol: 2 }, forceNew: true, reconnection: false });
  s.on('connect', () => s.emit('room:quickplay', { name: 'p' + i }, (a) => { if (a && a.ok) joined++; else count(`join ${a?.error?.code ?? a?.error ?? '?'}`); }));
  s.on('connect_error', (e) => count(`connect_error ${e.message}`));
  s.on('disconnect', (reason) => count(`disconnect ${reason}`));
  s.on('s', () => { if (measuring) counts[i]++; });
  s.on('snapshot', () => { if (measuring) counts[i]++; });
  // A poll's round trip: from the GET sent to its answer handled (the next GET follows at once).
  s.io.on('open', () => {
    const t = s.io.engine.transport;
    let sent = 0;
    t.on('poll', () => { sent = performance.now(); });
    t.on('pollComplete', () => { if (measuring && sent) polls.push(performance.now() - sent); });
  });
  socks.push(s);
  if (i % 20 === 19) await new Promise((r) => setTimeout(r, 100));
}
await new Promise((r) => setTimeout(r, warm));
// CPU ticks (utime + stime, fields 14 and 15 of /proc/PID/stat) of a process; null if unreadable.
const ticks = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return +f[11] + +f[12];
  } catch {
    return null;
  }
};
// Skirmish counts the snapshots it did not send to a client that was not keeping up (all clients).
const skippedNow = async () => {
  try {
    const m = (await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(1000) })).text()).match(/^skirmish_snapshots_skipped_total ([0-9.eE+]+)$/m);
    return m ? +m[1] : null;
  } catch {
    return null;
  }
};
const server = process.env.SERVER_PID;
const skipped0 = await skippedNow();
const cpu0 = [ticks('self'), server ? ticks(server) : null];
const lag = monitorEventLoopDelay({ resolution: 10 });
lag.enable();
const t0 = performance.now();
measuring = true;
await new Promise((r) => setTimeout(r, win));
measuring = false;
const secs = (performance.now() - t0) / 1000;
const cpu1 = [ticks('self'), server ? ticks(server) : null];
const skipped1 = await skippedNow();
const skipped = skipped0 == null || skipped1 == null ? '' : `; server skipped ${((skipped1 - skipped0) / secs).toFixed(0)} snapshots/s (all clients)`;
const pct = (k) => (cpu0[k] == null || cpu1[k] == null ? 'n/a' : `${(((cpu1[k] - cpu0[k]) / 100 / secs) * 100).toFixed(0)}%`); // USER_HZ 100
lag.disable();
polls.sort((a, b) => a - b);
const q = (a, p) => (a.length ? a[Math.min(a.length - 1, Math.floor(a.length * p))].toFixed(0) : 'n/a');
const loop = `event-loop delay p50 ${(lag.percentile(50) / 1e6).toFixed(0)} p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms`;
const pollRt = `poll round trip p50 ${q(polls, 0.5)} p90 ${q(polls, 0.9)} p99 ${q(polls, 0.99)} ms`;
const rates = counts.map((c) => c / (win / 1000)).sort((a, b) => a - b);
const mean = rates.reduce((a, b) => a + b, 0) / n;
console.log(`clients ${n} (joined ${joined}): snapshots/s per client mean ${mean.toFixed(1)}, min ${rates[0].toFixed(1)}, p10 ${rates[Math.floor(n * 0.1)].toFixed(1)}; delivered ${(mean / 30 * 100).toFixed(0)}% of 30 Hz; cpu generator ${pct(0)}, server ${pct(1)}${skipped}; ${pollRt}; generator ${loop}${Object.keys(errors).length ? `; ${JSON.stringify(errors)}` : ''}`);
socks.forEach((s) => s.close());
process.exit(0);
