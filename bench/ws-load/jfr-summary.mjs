// Summarises bench/profile.sh's window: node jfr-summary.mjs REC.jfr|- GEN1.out GEN2.out RUN-JSON [TASKS0 TASKS1].
// TASKSn: one line per server thread, `name utime stime` (clock ticks), at the window's start and end.
// Reads the recording with the JDK's `jfr print --json`. Not a test.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const [rec, g1, g2, runJson, tasks0, tasks1] = process.argv.slice(2);
const run = JSON.parse(runJson);
const events = (type, depth = 12) => JSON.parse(execFileSync('jfr',
  ['print', '--json', '--stack-depth', String(depth), '--events', type, rec],
  { maxBuffer: 1 << 30 }).toString()).recording.events;
const gens = [g1, g2].map(f => readFileSync(f, 'utf8').split('\n').find(l => l.startsWith('{'))).map(l => JSON.parse(l));
const delivered = gens.reduce((a, g) => a + g.snaps, 0);
const secs = Math.max(...gens.map(g => g.secs));
const inputs = run.inputs ? Math.round(run.clients * 30 * secs) : 0;

// REC '-': no recording (bench/profile.sh with JFR=0); only the /proc figures are printed.
const recorded = rec !== '-';
// Exact allocation per thread: the counters' first and last value in the window.
const first = new Map(), last = new Map();
for (const e of recorded ? events('jdk.ThreadAllocationStatistics', 0) : []) {
  const name = e.values.thread?.javaName ?? '?';
  if (!first.has(name)) first.set(name, e.values.allocated);
  last.set(name, e.values.allocated);
}
const group = n => n.startsWith('skirmish-io') ? 'io' : n.startsWith('game-') ? 'game' : 'other';
const alloc = { io: 0, game: 0, other: 0 };
for (const [n, v] of last) alloc[group(n)] += v - first.get(n);
const total = alloc.io + alloc.game + alloc.other;

const frame = f => `${f.method.type.name.split('/').pop()}.${f.method.name}`;
const top = (list, key, k = 12) => {
  const c = new Map();
  for (const e of list) { const x = key(e); if (x) c.set(x, (c.get(x) ?? 0) + 1); }
  const all = [...c.values()].reduce((a, b) => a + b, 0);
  return [...c].sort((a, b) => b[1] - a[1]).slice(0, k).map(([x, v]) => `  ${(100 * v / all).toFixed(1).padStart(5)}%  ${x}`).join('\n');
};
const frames = e => e.values.stackTrace?.frames ?? [];
const thread = e => e.values.sampledThread?.javaName ?? e.values.eventThread?.javaName ?? '';

console.log(`${run.clients} clients, ${run.mode}, load average ${run.load}`);
console.log(`delivered snapshots: ${delivered} in ${secs.toFixed(1)} s; server CPU ${(run.cpuTicks / 100 / secs).toFixed(2)} cores, ` +
  `${(run.cpuTicks * 1e4 / delivered).toFixed(1)} µs per delivered snapshot; RSS ${(run.rssKB / 1024).toFixed(0)} MB`);
// CPU by thread group, user and kernel apart: the kernel's share is what the write system calls and
// the loopback TCP stack under them cost (a loopback send delivers to the receiving socket in the
// sender's context), the floor no Java code can lower.
if (tasks0 && tasks1) {
  const read = f => new Map(readFileSync(f, 'utf8').split('\n').filter(Boolean).map(l => l.split(' '))
    .map(([n, u, k], i) => [`${n}#${i}`, { n, u: +u, k: +k }]));
  const [a, b] = [read(tasks0), read(tasks1)];
  const kind = n => n.startsWith('skirmish-io') ? 'I/O threads' : n.startsWith('game-') ? 'game threads'
    : /^C[12]_Compiler/.test(n) ? 'JIT compilers' : /^G1_|^GC_Thread|^VM_Thread/.test(n) ? 'GC and VM' : 'other';
  const by = new Map();
  for (const [key, t] of b) {
    const t0 = a.get(key)?.n === t.n ? a.get(key) : { u: 0, k: 0 };
    const g = by.get(kind(t.n)) ?? { u: 0, k: 0 };
    g.u += t.u - t0.u; g.k += t.k - t0.k;
    by.set(kind(t.n), g);
  }
  const us = ticks => (ticks * 1e4 / delivered).toFixed(1);
  const sum = [...by.values()].reduce((s, g) => ({ u: s.u + g.u, k: s.k + g.k }), { u: 0, k: 0 });
  console.log(`server CPU per delivered snapshot by thread group, user / kernel µs: all ${us(sum.u)} / ${us(sum.k)}; ` +
    [...by].filter(([, g]) => g.u + g.k > 0).sort((x, y) => (y[1].u + y[1].k) - (x[1].u + x[1].k))
      .map(([k, g]) => `${k} ${us(g.u)} / ${us(g.k)}`).join('; '));
}
if (!recorded) process.exit(0);
console.log(`allocated per delivered snapshot: ${Math.round(total / delivered)} B ` +
  `(I/O threads ${Math.round(alloc.io / delivered)} B, game threads ${Math.round(alloc.game / delivered)} B, other ${Math.round(alloc.other / delivered)} B)` +
  (inputs ? `; I/O threads per input received (~${inputs}): ${Math.round(alloc.io / inputs)} B` : ''));
console.log('Java CPU samples, by thread group and top frame:');
console.log(top(events('jdk.ExecutionSample'), e => `${group(thread(e))}: ${frames(e)[0] ? frame(frames(e)[0]) : '?'}`));
console.log('threads in native code (system calls), top frame:');
console.log(top(events('jdk.NativeMethodSample'), e => `${group(thread(e))}: ${frames(e)[0] ? frame(frames(e)[0]) : '?'}`, 6));
const allocs = events('jdk.ObjectAllocationSample');
for (const g of ['io', 'game']) {
  console.log(`allocation samples, ${g} threads (class < first frames):`);
  console.log(top(allocs.filter(e => group(thread(e)) === g),
    e => `${e.values.objectClass.name.split('/').pop()} < ${frames(e).slice(0, 3).map(frame).join(' < ')}`, 10));
}
