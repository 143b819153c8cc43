// The operator's console (GET /admin): rooms table, a room's page with a live view drawn by the game
// client's renderer as an all-seeing spectator, the server view with charts, and the operator's
// actions. Talks only to /admin/api/ with the session cookie set by the login form.
import { SpectatorView } from './spectator.js';

const $ = (id) => document.getElementById(id);
const ROOMS_MS = 1000;
const ROOM_MS = 1000;
const LIVE_MS = 100;
const SERVER_MS = 2000;

const state = { rooms: [], sortKey: 'id', sortDir: 1, filter: '', view: 'rooms', roomId: null, detail: null,
  server: null, failed: [] };
window.adminConsole = state;

async function api(path, options = {}) {
  const res = await fetch(`/admin/api/${path}`, {
    credentials: 'same-origin',
    ...options,
    headers: { 'X-Skirmish-Admin': '1', ...(options.body ? { 'Content-Type': 'application/json' } : {}) },
  });
  if (res.status === 401 || res.status === 403) {
    showLogin(res.status === 403 ? 'Your session has ended: log in again.' : '');
    throw new Error('not logged in');
  }
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.error || `HTTP ${res.status}`);
  return body;
}

const post = (path, body = {}) => api(path, { method: 'POST', body: JSON.stringify(body) });

function showLogin(message) {
  $('app').classList.add('hidden');
  $('login').classList.remove('hidden');
  const reason = { '#login-failed': 'Wrong token.', '#login-limited': 'Too many wrong tokens: wait a minute.' }[location.hash];
  $('login-message').textContent = message || reason || '';
}

// ---- rooms ---------------------------------------------------------------------------------
const COLUMNS = ['id', 'game', 'map', 'phase', 'players', 'spectators', 'tickP50Ms', 'tickP99Ms', 'snapshotBytes',
  'bytesPerSecond', 'ageSeconds'];

function fmt(key, r) {
  const v = r[key];
  switch (key) {
    case 'id': return r.code ? `${r.id} (${r.code})${r.locked ? ' 🔒' : ''}` : `${r.id}${r.locked ? ' 🔒' : ''}`;
    case 'players': return `${v}/${r.capacity}`;
    case 'tickP50Ms': case 'tickP99Ms': return v.toFixed(2);
    case 'bytesPerSecond': return (v / 1024).toFixed(1);
    case 'ageSeconds': return v < 60 ? `${v}s` : v < 3600 ? `${Math.floor(v / 60)}m ${v % 60}s` : `${(v / 3600).toFixed(1)}h`;
    default: return String(v ?? '');
  }
}

function renderRooms() {
  const f = state.filter.toLowerCase();
  const list = state.rooms
    .filter((r) => !f || [r.id, r.code, r.game, r.map, r.phase].some((x) => String(x ?? '').toLowerCase().includes(f)))
    .sort((a, b) => {
      const x = a[state.sortKey];
      const y = b[state.sortKey];
      return (typeof x === 'number' ? x - y : String(x).localeCompare(String(y))) * state.sortDir;
    });
  const body = document.querySelector('#rooms-table tbody');
  body.replaceChildren(...list.map((r) => {
    const tr = document.createElement('tr');
    tr.className = 'link';
    tr.dataset.room = r.id;
    for (const key of COLUMNS) {
      const td = document.createElement('td');
      td.textContent = fmt(key, r);
      if (['players', 'spectators', 'tickP50Ms', 'tickP99Ms', 'snapshotBytes', 'bytesPerSecond', 'ageSeconds'].includes(key)) {
        td.className = 'num';
      }
      tr.append(td);
    }
    tr.addEventListener('click', () => { location.hash = `#/room/${r.id}`; });
    return tr;
  }));
  for (const th of document.querySelectorAll('#rooms-table th')) {
    th.classList.toggle('sorted-asc', th.dataset.key === state.sortKey && state.sortDir > 0);
    th.classList.toggle('sorted-desc', th.dataset.key === state.sortKey && state.sortDir < 0);
  }
  $('room-count').textContent = `${list.length} of ${state.rooms.length} rooms`;
  $('failed').textContent = state.failed.length ? `Recordings of failed rooms: ${state.failed.join(', ')}` : '';
}

for (const th of document.querySelectorAll('#rooms-table th')) {
  th.addEventListener('click', () => {
    if (state.sortKey === th.dataset.key) state.sortDir = -state.sortDir;
    else { state.sortKey = th.dataset.key; state.sortDir = 1; }
    renderRooms();
  });
}
$('filter').addEventListener('input', (e) => { state.filter = e.target.value; renderRooms(); });

async function refreshRooms() {
  const body = await api('rooms');
  state.rooms = body.rooms;
  state.failed = body.failedRecordings || [];
  if (state.view === 'rooms') renderRooms();
}

// ---- one room ------------------------------------------------------------------------------
let renderer = null;
let lastSnapshot = null;

function renderRoom() {
  const d = state.detail;
  if (!d) return;
  const room = d.room;
  $('room-title').textContent = `Room ${d.id}${d.code ? ` (${d.code})` : ''}`;
  $('lock').textContent = room.locked ? 'Unlock' : 'Lock';
  $('recording').href = `/admin/api/rooms/${d.id}/recording`;
  $('room-facts').textContent = `${d.game} · ${d.map} · ${d.phase} · round ${room.round} · tick ${room.tick} · `
    + `${d.players}/${d.capacity} players, ${d.spectators} spectators · tick p50 ${d.tickP50Ms.toFixed(2)} ms, `
    + `p99 ${d.tickP99Ms.toFixed(2)} ms · snapshot ${d.snapshotBytes} B`
    + (room.snapshotDivisor > 1 ? ` · overloaded: snapshots ÷${room.snapshotDivisor}` : '')
    + (d.recorder ? ` · recorder ${(d.recorder.bytes / 1024).toFixed(0)} KB, ticks ${d.recorder.firstTick}..${d.recorder.lastTick}` : '');
  const body = document.querySelector('#players tbody');
  body.replaceChildren(...room.players.map((p) => {
    const tr = document.createElement('tr');
    tr.dataset.player = p.id;
    const limited = p.rateLimit && p.rateLimit !== 'ok';
    const cells = [p.id, p.name + (p.host ? ' (host)' : ''), p.connected ? 'connected' : 'reconnecting',
      p.rttMs === null || p.rttMs === undefined ? '–' : p.rttMs.toFixed(1),
      p.inputQueue, Math.max(0, p.lastReceivedSeq - p.lastAppliedSeq), p.stepBudget, p.rejectedInputs ?? 0,
      p.inputsCut ?? 0,
      `${p.rateLimit ?? 'ok'}${p.rateLimitedMessages ? ` (${p.rateLimitedMessages})` : ''}`];
    const keys = ['id', 'name', 'state', 'rtt', 'queue', 'gap', 'steps', 'rejected', 'cut', 'limit'];
    cells.forEach((c, i) => {
      const td = document.createElement('td');
      td.textContent = String(c);
      td.dataset.col = keys[i];
      if (i >= 3 && i <= 8) td.className = 'num';
      if ((keys[i] === 'limit' && limited) || (keys[i] === 'rejected' && c > 0)) td.classList.add('bad');
      tr.append(td);
    });
    const td = document.createElement('td');
    const kick = document.createElement('button');
    kick.textContent = 'Kick';
    kick.className = 'danger kick';
    kick.addEventListener('click', () => act(`rooms/${d.id}/kick`, { player: p.id }, `kicked ${p.name}`));
    td.append(kick);
    tr.append(td);
    return tr;
  }));
  drawSpark($('spark'), d.tickMicros);
}

function drawSpark(canvas, values) {
  const ctx = canvas.getContext('2d');
  const w = canvas.width;
  const h = canvas.height;
  ctx.clearRect(0, 0, w, h);
  if (!values.length) return;
  const max = Math.max(...values, 1);
  ctx.strokeStyle = '#4fc3f7';
  ctx.beginPath();
  values.forEach((v, i) => {
    const x = (i / Math.max(1, values.length - 1)) * (w - 2) + 1;
    const y = h - 2 - (v / max) * (h - 14);
    if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
  });
  ctx.stroke();
  ctx.fillStyle = '#9fb0cc';
  ctx.font = '11px system-ui';
  ctx.fillText(`max ${max.toFixed(0)} µs`, 4, 11);
}

async function act(path, body, done) {
  try {
    await post(path, body);
    $('action-result').textContent = done;
    await refreshRoom();
  } catch (err) {
    $('action-result').textContent = `failed: ${err.message}`;
  }
}

$('lock').addEventListener('click', () => {
  const locked = state.detail?.room.locked;
  act(`rooms/${state.roomId}/${locked ? 'unlock' : 'lock'}`, {}, locked ? 'unlocked' : 'locked');
});
$('close').addEventListener('click', () => {
  if (window.confirm(`Close room ${state.roomId}? Everyone in it is sent back to the lobby.`)) {
    act(`rooms/${state.roomId}/close`, {}, 'closed');
  }
});
$('send').addEventListener('click', () => {
  const text = $('message').value.trim();
  if (text) act(`rooms/${state.roomId}/message`, { text }, 'message sent').then(() => { $('message').value = ''; });
});
$('drain').addEventListener('click', async () => {
  if (!window.confirm('Drain the server? It stops taking players, lets rounds finish, then stops.')) return;
  try {
    await post('drain');
    $('status').textContent = 'draining…';
  } catch (err) {
    $('status').textContent = `drain failed: ${err.message}`;
  }
});

async function refreshRoom() {
  if (!state.roomId) return;
  try {
    state.detail = await api(`rooms/${state.roomId}`);
    renderRoom();
  } catch (err) {
    if (String(err.message).includes('no such room')) {
      $('action-result').textContent = 'This room is gone.';
      state.detail = null;
    }
  }
}

async function refreshLive() {
  if (state.view !== 'room' || !state.roomId) return;
  lastSnapshot = await api(`rooms/${state.roomId}/live`).catch(() => lastSnapshot);
}

let lastFrame = performance.now();
function drawLive(now) {
  const d = state.detail;
  // The live view draws with the renderer of the room's game (games/index.js, by its id).
  if (state.view === 'room' && d?.room?.game?.map && lastSnapshot && renderer) {
    const names = new Map(d.room.players.map((p) => [p.id, p.name]));
    renderer.draw(d.game, lastSnapshot,
      { game: d.room.game, nameOf: (id) => names.get(id) ?? `#${id}`, frameMs: now - lastFrame, now });
    window.adminConsole.drawnGame = renderer.gameId;
  }
  lastFrame = now;
  requestAnimationFrame(drawLive);
}

// ---- server --------------------------------------------------------------------------------
function card(label, value, bad) {
  const div = document.createElement('div');
  div.className = bad ? 'card bad' : 'card';
  const b = document.createElement('b');
  b.textContent = value;
  div.append(b, document.createTextNode(label));
  return div;
}

function renderServer() {
  const s = state.server;
  if (!s) return;
  const mb = (b) => (b / 1048576).toFixed(0);
  $('server-facts').replaceChildren(
    card('connections', s.connections),
    card('players', s.players),
    card('rooms', s.rooms),
    card('refused handshakes', s.handshakesRefused),
    card('overload', s.overloaded ? 'OVERLOADED' : 'ok', s.overloaded),
    card('accepting players', s.accepting ? 'yes' : 'no', !s.accepting),
    card('JVM heap', `${mb(s.heapUsed)} / ${mb(s.heapMax)} MB`),
    card('flight recorders (game-thread time per recorded tick)', `${(s.recorderBytes / 1024).toFixed(0)} KB · `
      + `${s.recordedTicks ? ((s.recorderSeconds * 1e6) / s.recordedTicks).toFixed(1) : '0'} µs`),
  );
  const h = s.history;
  drawChart($('chart-connections'), h.map((x) => x.connections));
  drawChart($('chart-players'), h.map((x) => x.players));
  drawChart($('chart-heap'), h.map((x) => x.heapUsed / 1048576));
  drawChart($('chart-refused'), h.map((x) => x.handshakesRefused));
}

function drawChart(canvas, values) {
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#7f8fab';
  ctx.font = '11px system-ui';
  const max = Math.max(1, ...values);
  ctx.fillText(`${max.toFixed(0)}`, 4, 11);
  ctx.fillText(`last ${Math.round(values.length * 2 / 60)} min`, canvas.width - 70, canvas.height - 4);
  drawLine(ctx, values, max, canvas.width, canvas.height - 14, '#aed581');
}

function drawLine(ctx, values, max, w, h, color) {
  if (values.length < 2) return;
  ctx.strokeStyle = color;
  ctx.beginPath();
  values.forEach((v, i) => {
    const x = (i / (values.length - 1)) * (w - 4) + 2;
    const y = h - (v / max) * (h - 16);
    if (i === 0) ctx.moveTo(x, y); else ctx.lineTo(x, y);
  });
  ctx.stroke();
}

async function refreshServer() {
  state.server = await api('server');
  $('status').textContent = `${state.server.connections} connections · ${state.server.players} players · `
    + `${state.server.rooms} rooms${state.server.draining ? ' · DRAINING' : ''}`;
  if (state.view === 'server') renderServer();
}

// ---- navigation ----------------------------------------------------------------------------
function route() {
  const m = location.hash.match(/^#\/room\/([a-z0-9]+)$/);
  state.view = m ? 'room' : location.hash === '#/server' ? 'server' : 'rooms';
  state.roomId = m ? m[1] : null;
  $('rooms-view').classList.toggle('hidden', state.view !== 'rooms');
  $('room-view').classList.toggle('hidden', state.view !== 'room');
  $('server-view').classList.toggle('hidden', state.view !== 'server');
  if (state.view === 'room') {
    state.detail = null;
    lastSnapshot = null;
    $('action-result').textContent = '';
    if (!renderer) renderer = new SpectatorView($('live'), { fitBox: true });
    renderer.resize();
    refreshRoom();
  }
  if (state.view === 'rooms') renderRooms();
  if (state.view === 'server') renderServer();
}

function every(ms, fn) {
  const run = () => fn().catch(() => {}).finally(() => setTimeout(run, ms));
  run();
}

async function start() {
  if (!document.body.dataset.session) {
    showLogin(); // the server marks the page when this browser is logged in
    return;
  }
  try {
    await api('session');
  } catch {
    return; // the login form is shown
  }
  $('login').classList.add('hidden');
  $('app').classList.remove('hidden');
  window.addEventListener('hashchange', route);
  window.addEventListener('resize', () => renderer?.resize());
  route();
  every(ROOMS_MS, refreshRooms);
  every(ROOM_MS, async () => { if (state.view === 'room') await refreshRoom(); });
  every(LIVE_MS, refreshLive);
  every(SERVER_MS, refreshServer);
  requestAnimationFrame(drawLive);
}

start();
