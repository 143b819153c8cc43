// The side-by-side bench's arithmetic (bench/side-by-side.sh). Each line of the results file is one
// server at one point: {server, clients, mode, load, cpuTicks, sysTicks, secs, rssKB, gens: [load.mjs's JSON]}.
//   node bench/ws-load/report.mjs bytes LINE      # mean snapshot size (decoded bytes) the generators saw
//   node bench/ws-load/report.mjs table FILE      # the table, then RSS growth per connection
import { readFileSync } from 'node:fs';

const USER_HZ = 100;

// One server at one point, from the generators' counts and the driver's /proc readings.
function figures(r) {
  const snaps = r.gens.reduce((a, g) => a + g.snaps, 0);
  const joined = r.gens.reduce((a, g) => a + g.joined, 0);
  const secs = r.gens.reduce((a, g) => a + g.secs, 0) / Math.max(1, r.gens.length);
  const hist = new Map();
  for (const g of r.gens) for (const [ms, k] of Object.entries(g.ages)) hist.set(+ms, (hist.get(+ms) ?? 0) + k);
  const bins = [...hist.entries()].sort((a, b) => a[0] - b[0]);
  const total = bins.reduce((a, [, k]) => a + k, 0);
  const pct = (p) => {
    let seen = 0;
    for (const [ms, k] of bins) if ((seen += k) >= total * p) return ms;
    return NaN;
  };
  return {
    snaps,
    joined,
    delivered: joined ? snaps / (joined * 30 * secs) : 0,
    usPerSnap: snaps ? ((r.cpuTicks / USER_HZ) * 1e6) / snaps : NaN,
    // of which in the kernel (stime): the write system calls and the loopback stack under them
    sysPerSnap: snaps && r.sysTicks !== undefined ? ((r.sysTicks / USER_HZ) * 1e6) / snaps : NaN,
    cpu: r.cpuTicks / USER_HZ / r.secs, // cores
    p50: pct(0.5),
    p99: pct(0.99),
    rssMB: r.rssKB / 1024,
    bytes: snaps ? r.gens.reduce((a, g) => a + g.payloadBytes, 0) / snaps : NaN,
    genCpu: r.gens.reduce((a, g) => a + g.cpu, 0),
    errors: Object.assign({}, ...r.gens.map((g) => g.errors)),
  };
}

const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : 'n/a');
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const f2 = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

const [cmd, arg] = process.argv.slice(2);
if (cmd === 'bytes') {
  console.log(Math.round(figures(JSON.parse(arg)).bytes) || 100);
} else if (cmd === 'table') {
  const rows = readFileSync(arg, 'utf8').split('\n').filter(Boolean).map(JSON.parse);
  const at = (server, clients, mode) => rows.find((r) => r.server === server && r.clients === clients && r.mode === mode);
  const points = [...new Set(rows.map((r) => `${r.clients} ${r.mode}`))].map((p) => p.split(' '));
  console.log('| clients | mode | joined S / N | delivered S / N | CPU µs per snapshot S / N | ratio S/N | of which kernel µs S / N | user µs ratio S/N | server CPU S / N (cores) | age p50 S / N (ms) | age p99 S / N (ms) | RSS S / N (MB) | ratio S/N | snapshot B | generators CPU S / N | load avg S / N |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const [c, mode] of points) {
    const [s, n] = ['skirmish', 'node'].map((k) => at(k, +c, mode));
    const [S, N] = [s, n].map((r) => (r ? figures(r) : null));
    const both = (fn) => `${S ? fn(S) : '—'} / ${N ? fn(N) : '—'}`;
    const ratio = (k) => (S && N ? f2(S[k] / N[k]) : '—');
    console.log(`| ${c} | ${mode} | ${both((x) => x.joined)} | ${both((x) => `${f0(x.delivered * 100)}%`)} | ${both((x) => f1(x.usPerSnap))} | ${ratio('usPerSnap')} | ${both((x) => f1(x.sysPerSnap))} | ${S && N ? f2((S.usPerSnap - S.sysPerSnap) / (N.usPerSnap - N.sysPerSnap)) : '—'} | ${both((x) => f2(x.cpu))} | ${both((x) => f0(x.p50))} | ${both((x) => f0(x.p99))} | ${both((x) => f0(x.rssMB))} | ${ratio('rssMB')} | ${f0(S?.bytes)} | ${both((x) => f2(x.genCpu))} | ${s?.load ?? '—'} / ${n?.load ?? '—'} |`);
    for (const [k, x] of [['skirmish', S], ['node', N]]) if (x && Object.keys(x.errors).length) console.log(`  ${k} ${c} ${mode}: ${JSON.stringify(x.errors)}`);
  }
  for (const mode of [...new Set(rows.map((r) => r.mode))]) {
    const growth = ['skirmish', 'node'].map((k) => {
      const [a, b] = [at(k, 1000, mode), at(k, 2000, mode)];
      return a && b ? `${k} ${f1((b.rssKB - a.rssKB) / (figures(b).joined - figures(a).joined))} KB` : `${k} n/a`;
    });
    console.log(`RSS growth per connection, 1000 -> 2000 clients, ${mode}: ${growth.join(', ')}`);
  }
} else {
  console.error('usage: report.mjs bytes LINE | table FILE');
  process.exit(2);
}
