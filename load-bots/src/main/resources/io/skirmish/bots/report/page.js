// The load bots' report page: reads the report JSON embedded in the page and draws it with uPlot
// (inlined into the page too). Nothing is fetched. Sets data-charts (how many charts were drawn)
// and data-errors (anything that went wrong) on <body>, for the tests.
(function () {
  'use strict';
  var errors = [];
  window.addEventListener('error', function (e) { errors.push(String(e.message)); mark(); });
  var charts = 0;
  function mark() {
    document.body.dataset.charts = String(charts);
    document.body.dataset.errors = errors.join(' | ');
  }

  var report = JSON.parse(document.getElementById('report-data').textContent);
  var main = document.getElementById('charts');
  var COLORS = ['#3b6fd8', '#c0392b', '#2e8b57', '#d4880f', '#7d3c98', '#16a0a8'];

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function fmt(v, digits) {
    return v == null || v === undefined || isNaN(v) ? '-' : Number(v).toFixed(digits === undefined ? 1 : digits);
  }
  function section(title, note) {
    main.appendChild(el('h2', {}, title));
    if (note) { main.appendChild(el('p', { 'class': 'muted' }, note)); }
    var g = el('div', { 'class': 'grid' });
    main.appendChild(g);
    return g;
  }

  // One uPlot chart. series: [{label, values, scale?, dash?}]; marks: vertical lines {x, label};
  // bands: shaded x ranges {from, to}; hlines: horizontal lines {y, label}.
  function chart(parent, title, xs, xLabel, series, opts) {
    opts = opts || {};
    var box = el('div', { 'class': 'chart' + (opts.wide ? ' wide' : '') });
    box.appendChild(el('h3', {}, title));
    parent.appendChild(box);
    var width = Math.max(320, Math.floor((main.clientWidth || 1000) / (opts.wide ? 1 : 2)) - 20);
    var scales = { x: { time: false } };
    var axes = [{ label: xLabel }, { label: opts.yLabel || '', size: 60 }];
    var uSeries = [{ label: xLabel }];
    series.forEach(function (s, i) {
      uSeries.push({ label: s.label, stroke: s.color || COLORS[i % COLORS.length], width: 1.5,
        dash: s.dash, scale: s.scale || 'y', spanGaps: false,
        points: { show: opts.points || xs.length < 30 } });
      if (s.scale && !scales[s.scale]) {
        scales[s.scale] = { auto: true };
        axes.push({ scale: s.scale, side: 1, label: s.scaleLabel || s.scale, grid: { show: false }, size: 60 });
      }
    });
    var hooks = { draw: [function (u) {
      var ctx = u.ctx;
      ctx.save();
      ctx.textAlign = 'left';
      ctx.textBaseline = 'alphabetic';
      (opts.bands || []).forEach(function (b) {
        var x0 = u.valToPos(b.from, 'x', true), x1 = u.valToPos(b.to, 'x', true);
        ctx.fillStyle = 'rgba(120,120,140,0.12)';
        ctx.fillRect(x0, u.bbox.top, Math.max(0, x1 - x0), u.bbox.height);
        ctx.fillStyle = '#667';
        ctx.font = (12 * devicePixelRatio) + 'px sans-serif';
        ctx.fillText(b.label || '', x0 + 4, u.bbox.top + 14 * devicePixelRatio);
      });
      (opts.marks || []).forEach(function (m) {
        var x = u.valToPos(m.x, 'x', true);
        ctx.strokeStyle = m.color || '#c0392b';
        ctx.lineWidth = 2 * devicePixelRatio;
        ctx.setLineDash([6, 4]);
        ctx.beginPath(); ctx.moveTo(x, u.bbox.top); ctx.lineTo(x, u.bbox.top + u.bbox.height); ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = m.color || '#c0392b';
        ctx.font = 'bold ' + (12 * devicePixelRatio) + 'px sans-serif';
        ctx.fillText(m.label, x + 5, u.bbox.top + 28 * devicePixelRatio);
      });
      (opts.hlines || []).forEach(function (h) {
        var y = u.valToPos(h.y, 'y', true);
        ctx.strokeStyle = h.color || '#999';
        ctx.lineWidth = 1 * devicePixelRatio;
        ctx.setLineDash([3, 3]);
        ctx.beginPath(); ctx.moveTo(u.bbox.left, y); ctx.lineTo(u.bbox.left + u.bbox.width, y); ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = h.color || '#999';
        ctx.font = (11 * devicePixelRatio) + 'px sans-serif';
        ctx.fillText(h.label, u.bbox.left + 4, y - 4);
      });
      ctx.restore();
    }] };
    if (opts.log) { scales.y = { distr: 3 }; }
    if (opts.yMin !== undefined) { scales.y = { range: function (u, min, max) { return [opts.yMin, Math.max(max, opts.yMax || 0) * 1.08 || 1]; } }; }
    new uPlot({ width: width, height: opts.height || 230, scales: scales, axes: axes, series: uSeries, hooks: hooks,
      legend: { live: false } }, [xs].concat(series.map(function (s) { return s.values; })), box);
    charts++;
  }

  function table(parent, headers, rows) {
    var t = el('table');
    var tr = el('tr');
    headers.forEach(function (h) { tr.appendChild(el('th', {}, h)); });
    t.appendChild(tr);
    rows.forEach(function (r) {
      var row = el('tr');
      r.forEach(function (c) { row.appendChild(el('td', {}, String(c))); });
      t.appendChild(row);
    });
    parent.appendChild(t);
  }

  function summary() {
    var h = document.getElementById('summary');
    var s = report.setup || {};
    var v = report.verdict;
    var title = report.capacity ? 'Capacity search' : 'Load run';
    h.appendChild(el('h1', {}, 'Skirmish ' + title.toLowerCase() + ': ' + (s.url || '')));
    var p = el('p');
    if (v) {
      p.appendChild(el('span', { 'class': 'verdict ' + (v.pass ? 'pass' : 'fail') }, v.pass ? 'PASS' : 'FAIL'));
    }
    p.appendChild(document.createTextNode(' ' + s.bots + ' players, ' + s.spectators + ' spectators, room ' + s.room
      + ', ' + s.behaviour + ', ' + fmt(report.seconds, 0) + ' s (warm-up ' + s.warmup + '), server tick rate '
      + report.tickRate + ' Hz' + (report.shard ? ', shard ' + report.shard : '') + ', started ' + report.startedAt));
    h.appendChild(p);
    var c = report.capacity;
    if (c) {
      var box = el('div', { 'class': 'capacity' });
      box.appendChild(document.createTextNode('Capacity: '));
      box.appendChild(el('b', {}, String(c.players)));
      box.appendChild(document.createTextNode(' players, limited by ' + c.limitedBy));
      box.appendChild(el('div', { 'class': 'muted' }, c.reason));
      h.appendChild(box);
    }
    if (v && (v.reasons.length || v.warnings.length)) {
      var ul = el('ul', { 'class': 'reasons' });
      v.reasons.forEach(function (r) { ul.appendChild(el('li', {}, r)); });
      v.warnings.forEach(function (w) { ul.appendChild(el('li', {}, 'warning: ' + w)); });
      h.appendChild(ul);
    }
    var pl = report.players, w = report.warmup;
    var rows = [];
    function row(name, l, wl) {
      rows.push([name, l.count, fmt(l.p50, 2), fmt(l.p99, 2), fmt(l.max, 2),
        wl ? fmt(wl.p99, 2) : '-']);
    }
    row('input -> ack', pl.inputAckMs, w && w.inputAckMs);
    row('snapshot age', pl.snapshotAgeMs, w && w.snapshotAgeMs);
    row('snapshot interval', pl.snapshotIntervalMs, w && w.snapshotIntervalMs);
    row('connect + join', pl.connectJoinMs, null);
    table(h, ['players, ms', 'count', 'p50', 'p99', 'max', 'warm-up p99'], rows);
    var t = pl.perBotSecond;
    h.appendChild(el('p', { 'class': 'muted' }, 'per player per second: in ' + fmt(t.bytesIn, 0) + ' B / '
      + fmt(t.messagesIn, 1) + ' messages, out ' + fmt(t.bytesOut, 0) + ' B / ' + fmt(t.messagesOut, 1)
      + ' messages; snapshots/s per player min ' + fmt(pl.snapshotRateHz.min) + ', mean ' + fmt(pl.snapshotRateHz.mean)
      + '; errors ' + report.errors.total + (report.server ? '; server cpu mean ' + fmt(report.server.cpuPercent, 0)
      + '% (100% = one core), heap ' + fmt(report.server.heapMb, 0) + ' MB' : '; server /metrics not reachable')));
  }

  function capacityCharts() {
    var c = report.capacity;
    if (!c || !c.steps || !c.steps.length) { return; }
    var g = section('Capacity: p99 against players',
      'Each point is one step (a run of its own, judged after its warm-up). The dashed red line is the knee: the '
      + 'most players that met every threshold.');
    var steps = c.steps.slice().sort(function (a, b) { return a.players - b.players; });
    var xs = steps.map(function (s) { return s.players; });
    var lim = (report.setup || {}).thresholds || {};
    chart(g, 'p99 of snapshot age, input -> ack and snapshot interval (ms) against players', xs, 'players', [
      { label: 'snapshot age p99', values: steps.map(function (s) { return s.snapshotAgeP99Ms; }) },
      { label: 'input -> ack p99', values: steps.map(function (s) { return s.inputAckP99Ms; }) },
      { label: 'interval p99', values: steps.map(function (s) { return s.snapshotIntervalP99Ms; }) }
    ], { wide: true, points: true, height: 300, yLabel: 'ms (log scale)', log: true,
      marks: [{ x: c.players, label: 'capacity ' + c.players }],
      hlines: [{ y: lim.maxP99AgeMs, label: 'age limit ' + lim.maxP99AgeMs + ' ms', color: COLORS[0] },
        { y: lim.maxP99InputMs, label: 'input limit ' + lim.maxP99InputMs + ' ms', color: COLORS[1] }] });
    chart(g, 'CPU per step (%, 100 = one core)', xs, 'players', [
      { label: 'server', values: steps.map(function (s) { return s.serverCpuPercent; }) },
      { label: 'bots', values: steps.map(function (s) { return s.botsCpuPercent; }) }
    ], { points: true, marks: [{ x: c.players, label: '' }] });
    chart(g, 'server heap (MB) and bots\' lag p99 (ms) per step', xs, 'players', [
      { label: 'server heap MB', values: steps.map(function (s) { return s.serverHeapMb; }) },
      { label: 'bots lag p99 ms', values: steps.map(function (s) { return s.botsLagP99Ms; }), scale: 'lag', scaleLabel: 'ms' }
    ], { points: true, marks: [{ x: c.players, label: '' }] });
    table(main, ['players', 'verdict', 'age p99', 'input p99', 'min snap/s', 'server cpu', 'server heap', 'bots cpu',
      'bots lag p99', 'machine load', 'errors', 'why'], steps.map(function (s) {
      return [s.players, s.pass ? 'PASS' : 'FAIL', fmt(s.snapshotAgeP99Ms), fmt(s.inputAckP99Ms),
        fmt(s.minSnapshotRateHz), s.serverCpuPercent == null ? '-' : fmt(s.serverCpuPercent, 0) + '%',
        s.serverHeapMb == null ? '-' : fmt(s.serverHeapMb, 0) + ' MB', fmt(s.botsCpuPercent, 0) + '%',
        fmt(s.botsLagP99Ms), fmt(s.machineLoad), s.errors,
        (s.botsLimited ? '(bots saturated) ' : '') + s.reasons.join('; ')];
    }));
  }

  function timeCharts() {
    var tl = report.timeline || [];
    if (!tl.length) { return; }
    var xs = tl.map(function (p) { return p.t; });
    var warmEnd = null;
    tl.forEach(function (p) { if (p.warmup) { warmEnd = p.t; } });
    var bands = warmEnd == null ? [] : [{ from: 0, to: warmEnd, label: 'warm-up' }];
    var g = section((report.capacity ? 'The step at capacity (' + report.setup.bots + ' players)' : 'Over time'),
      'One point a second. The grey band is the ramp and the warm-up: shown, not judged.');
    function pc(key, which) { return tl.map(function (p) { return p[key] ? p[key][which] : null; }); }
    var lim = (report.setup || {}).thresholds || {};
    chart(g, 'snapshot age (ms)', xs, 's', [
      { label: 'p50', values: pc('snapshotAgeMs', 'p50') }, { label: 'p99', values: pc('snapshotAgeMs', 'p99') },
      { label: 'max', values: pc('snapshotAgeMs', 'max'), dash: [4, 4] }], { bands: bands,
      hlines: [{ y: lim.maxP99AgeMs, label: 'p99 limit' }] });
    chart(g, 'input -> ack (ms)', xs, 's', [
      { label: 'p50', values: pc('inputAckMs', 'p50') }, { label: 'p99', values: pc('inputAckMs', 'p99') },
      { label: 'max', values: pc('inputAckMs', 'max'), dash: [4, 4] }], { bands: bands,
      hlines: [{ y: lim.maxP99InputMs, label: 'p99 limit' }] });
    chart(g, 'snapshot interval (ms)', xs, 's', [
      { label: 'p50', values: pc('snapshotIntervalMs', 'p50') },
      { label: 'p99', values: pc('snapshotIntervalMs', 'p99') },
      { label: 'max', values: pc('snapshotIntervalMs', 'max'), dash: [4, 4] }], { bands: bands });
    chart(g, 'players and snapshots/s', xs, 's', [
      { label: 'players', values: tl.map(function (p) { return p.players; }) },
      { label: 'spectators', values: tl.map(function (p) { return p.spectators; }) },
      { label: 'snapshots/s', values: tl.map(function (p) { return p.snapshotsPerSecond; }), scale: 'rate',
        scaleLabel: 'snapshots/s' }], { bands: bands });
    chart(g, 'errors (so far, and in the second)', xs, 's', [
      { label: 'errors so far', values: tl.map(function (p) { return p.errors; }) },
      { label: 'in the second', values: tl.map(function (p, i) { return i ? p.errors - tl[i - 1].errors : p.errors; }) }
    ], { bands: bands });
    var known = tl.some(function (p) { return p.serverCpuPercent != null; });
    chart(g, 'CPU (%, 100 = one core)' + (known ? ' and server heap (MB)' : '; server /metrics not reachable'), xs, 's', [
      { label: 'bots cpu', values: tl.map(function (p) { return p.botsCpuPercent; }) },
      { label: 'server cpu', values: tl.map(function (p) { return known ? p.serverCpuPercent : null; }) },
      { label: 'server heap MB', values: tl.map(function (p) { return known ? p.serverHeapMb : null; }), scale: 'mb',
        scaleLabel: 'MB' }], { bands: bands });
  }

  function breakdowns() {
    var rooms = report.rooms || [];
    if (rooms.length) {
      var g = section('Per room', rooms.length + ' rooms, worst snapshot age p99 first');
      var top = rooms.slice(0, 40);
      var xs = top.map(function (r, i) { return i + 1; });
      chart(g, 'p99 by room (ms; x = rank, worst first)', xs, 'room rank', [
        { label: 'snapshot age p99', values: top.map(function (r) { return r.snapshotAgeMs.p99; }) },
        { label: 'input -> ack p99', values: top.map(function (r) { return r.inputAckMs.p99; }) }], { points: true });
      table(g, ['room', 'players', 'age p99', 'input p99', 'min snap/s'], top.map(function (r) {
        return [r.room, r.players, fmt(r.snapshotAgeMs.p99), fmt(r.inputAckMs.p99), fmt(r.minSnapshotRateHz)];
      }));
    }
    var slow = report.slowestPlayers || [];
    if (slow.length) {
      main.appendChild(el('h2', {}, 'Slowest players'));
      table(main, ['player', 'room', 'snapshots/s', 'snapshots', 'reconnects', 'disconnects'], slow.map(function (b) {
        return [b.name, b.room || '-', fmt(b.snapshotRateHz), b.snapshots, b.reconnects, b.disconnects];
      }));
    }
    var kinds = Object.keys(report.errors.byKind || {});
    if (kinds.length) {
      main.appendChild(el('h2', {}, 'Errors by kind'));
      table(main, ['kind', 'count'], kinds.map(function (k) { return [k, report.errors.byKind[k]]; }));
    }
    var gen = report.generator;
    main.appendChild(el('p', { 'class': 'muted' }, 'bots\' process: cpu ' + fmt(gen.cpuPercent, 0) + '% of '
      + gen.cores + ' cores, peak RSS ' + fmt(gen.peakRssMb, 0) + ' MB, event-thread lag p99 '
      + fmt(gen.eventThreadLagMs.p99) + ' ms, lane lag p99 ' + fmt(gen.laneLagMs.p99) + ' ms; the machine\'s load '
      + 'average peaked at ' + fmt(gen.loadAverage) + ' on ' + gen.cores + ' cores'));
  }

  try {
    summary();
    capacityCharts();
    timeCharts();
    breakdowns();
  } catch (e) {
    errors.push(String(e && e.stack || e));
    throw e;
  } finally {
    mark();
  }
})();
