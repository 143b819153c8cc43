// The app shell: wires the connection, the lobby, the game session, the renderer and the HUD,
// and runs the two loops: inputs at the tick rate on a timer, drawing on animation frames.
import { C2S, S2C, ErrorCode } from './protocol.js';
import { Connection, Status } from './net/connection.js';
import { NetSim, conditionsFromParams } from './net/netsim.js';
import { ClockSync } from './net/clock.js';
import { keepClockSynced } from './net/timesync.js';
import { RateMeter } from './net/rate.js';
import { ControlState } from './game/input.js';
import { gameModule } from './games/index.js';
import { Lobby } from './ui/lobby.js';
import { Hud } from './ui/hud.js';
import { RoomPanel } from './ui/roomPanel.js';
import { NetOverlay } from './ui/overlay.js';
import { bindControls } from './ui/controls.js';
import { errorText, STATUS_TEXT } from './ui/messages.js';
import { normaliseCode } from './validate.js';
import { publishDebug } from './debug.js';

const INPUT_POLL_MS = 8; // well under a tick, so inputs leave close to their due time
const ROOM_LIST_MS = 3000;
const RETRY_AFTER_REFUSAL_MS = 3000;

const now = () => performance.now();
const params = new URLSearchParams(window.location.search);
const netsim = new NetSim({ now, setTimer: (fn, ms) => setTimeout(fn, ms) }, conditionsFromParams(params));
const conn = new Connection({ netsim, now });
const clock = new ClockSync();
keepClockSynced(conn, clock, now);

const $ = (id) => document.getElementById(id);
const controls = new ControlState();
// Each game draws with its own renderer (games/*); one canvas, one renderer per game, made on first use.
const renderers = new Map();
const rendererFor = (mod) => {
  if (!renderers.has(mod.id)) renderers.set(mod.id, mod.createRenderer($('arena')));
  return renderers.get(mod.id);
};
let renderer = rendererFor(gameModule('arena'));
const overlay = new NetOverlay($('net-overlay'), netsim);
const debug = publishDebug({
  dropConnection: () => conn.dropTransport(),
  // Changes the network simulator's conditions, as the URL parameters would (lag, jitter, stall...).
  setNetConditions: (conditions) => netsim.set(conditions),
  worldToScreen: (x, y) => renderer.worldToScreen(x, y),
});
const fps = new RateMeter(1000);
const serverErrors = { count: 0, last: '-' };

const app = {
  state: 'lobby',
  session: null,
  module: null, // the game's client module (games/*), chosen by the join answer's game.id
  games: [], // GET /api/games
  how: null, // how the room was entered, to get back in after a reconnect: {event, payload}
  nextSeq: 1, // input numbers continue across sessions of this page
};

const lobby = new Lobby($('lobby'), {
  onQuickplay: ({ name, game }) => enter(C2S.QUICKPLAY, { name, game }),
  onCreate: ({ name, game }) => enter(C2S.CREATE, { name, settings: { game } }),
  onJoin: ({ name, code, password }) => enter(C2S.JOIN, { code, name, ...(password ? { password } : {}) }),
  // protocol.md gives room:spectate no password; it is sent anyway for protected rooms.
  onSpectate: ({ name, code, password }) => enter(C2S.SPECTATE, { code, name, ...(password ? { password } : {}) }),
}, { name: params.get('name') ?? undefined, code: normaliseCode(params.get('room')) ?? undefined });

const hud = new Hud($('hud'), { onLeave: leave });
const roomPanel = new RoomPanel($('room-panel'), {
  onReady: (ready) => conn.request(C2S.READY, { ready }),
  onStart: () => conn.request(C2S.START, {}),
  onKick: (playerId) => conn.request(C2S.KICK, { playerId }),
  onLock: (locked) => conn.request(C2S.LOCK, { locked }),
  onTransfer: (playerId) => conn.request(C2S.TRANSFER_HOST, { playerId }),
  onSettings: (settings) => conn.request(C2S.SETTINGS, settings),
});

bindControls({
  canvas: $('arena'),
  controls,
  onToggleOverlay: () => overlay.toggle(),
  onScoreboard: (held) => { hud.tabHeld = held; },
});
window.addEventListener('resize', () => renderer.resize());

// ---- rooms -----------------------------------------------------------------------------------

async function enter(event, payload) {
  app.state = 'joining';
  const ack = await conn.request(event, payload);
  if (!ack?.ok) {
    app.state = 'lobby';
    lobby.setMessage(errorText(ack?.error));
    if (ack?.error?.code === ErrorCode.BAD_PASSWORD) lobby.askPassword();
    return;
  }
  startSession(ack, { event, payload });
}

function startSession(ack, how) {
  // Input numbers must keep growing within a seat; the server may tell where they stand.
  const firstSeq = Math.max(app.nextSeq, (ack.you.lastSeq ?? 0) + 1);
  app.module = gameModule(ack.game?.id);
  renderer = rendererFor(app.module);
  renderer.resize();
  app.session = app.module.createSession(ack, clock, { firstSeq });
  const help = document.querySelector('.hud-help');
  if (help && app.module.help) help.textContent = app.module.help; // each game's own keys
  // A private room is re-entered by its code; quick play finds any public room again.
  app.how = ack.room.code && how.event === C2S.CREATE
    ? { event: C2S.JOIN, payload: { code: ack.room.code, name: how.payload.name } }
    : how;
  app.state = app.session.spectator ? 'spectating' : 'playing';
  lobby.hide();
  lobby.setMessage(null);
  $('game').classList.remove('hidden');
  roomPanel.update(ack.room, ack.you);
  setUrlRoom(ack.room.code);
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
}

function endSession(message) {
  if (app.session) app.nextSeq = app.session.nextSeq;
  app.session = null;
  app.how = null;
  app.state = 'lobby';
  controls.clear();
  roomPanel.hide();
  hud.setNotice('');
  $('game').classList.add('hidden');
  setUrlRoom(null);
  lobby.clearInvite();
  lobby.show();
  lobby.setMessage(message, 'error');
  refreshRooms();
}

async function leave() {
  const session = app.session;
  endSession(null);
  if (session) await conn.request(C2S.LEAVE, {});
}

/** After a reconnect: take the seat back, or else enter the same room (or any public one) anew. */
async function rejoin() {
  const session = app.session;
  app.state = 'reconnecting';
  session.resetNet();
  app.nextSeq = session.nextSeq;
  let ack = null;
  if (session.you.seatToken) ack = await conn.request(C2S.REJOIN, { seatToken: session.you.seatToken });
  if (!ack?.ok && app.session === session) ack = await conn.request(app.how.event, app.how.payload);
  if (app.session !== session) return; // left meanwhile
  if (ack?.ok) startSession(ack, app.how);
  else endSession(`Could not get back into the room: ${errorText(ack?.error)}`);
}

/**
 * Cluster drain: the room moved to another server; take the same seat there (same id, score and
 * ship). A spectator has no seat: it asks to watch the same room (same code) there.
 */
async function followMove(moveTo) {
  const session = app.session;
  app.state = 'reconnecting';
  hud.setNotice('Moving to another server');
  session.resetNet();
  app.nextSeq = session.nextSeq;
  const seatToken = session.you.seatToken;
  const again = seatToken
    ? () => conn.request(C2S.REJOIN, { seatToken, reservation: moveTo.reservation })
    : () => conn.request(app.how.event, app.how.payload);
  const ack = (await conn.moveTo(moveTo.url)) ? await again() : null;
  if (app.session !== session) return; // left meanwhile
  hud.setNotice('');
  if (ack?.ok) startSession(ack, app.how);
  else endSession(`Could not follow the room to another server: ${errorText(ack?.error)}`);
}

function setUrlRoom(code) {
  const url = new URL(window.location.href);
  url.searchParams.delete('name');
  if (code) url.searchParams.set('room', code);
  else url.searchParams.delete('room');
  window.history.replaceState(null, '', url);
}

async function refreshGames() {
  try {
    const res = await fetch('/api/games', { cache: 'no-store' });
    if (!res.ok) return;
    app.games = (await res.json()).games ?? [];
    lobby.setGames(app.games);
    roomPanel.games = app.games;
  } catch {
    // the lobby keeps what it has
  }
}

async function refreshRooms() {
  if (app.session) return;
  try {
    const res = await fetch('/api/rooms', { cache: 'no-store' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    lobby.setRooms((await res.json()).rooms ?? []);
  } catch {
    lobby.setRooms(null);
  }
}

// ---- server messages ------------------------------------------------------------------------

conn.on(S2C.SNAPSHOT, (snap) => app.session?.onSnapshot(snap, now()));
conn.on(S2C.GAME_EVENT, (ev) => {
  app.session?.onGameEvent(ev, now());
  if (ev?.type === 'hit') {
    debug.hits.push(ev);
    if (debug.hits.length > 1000) debug.hits.shift();
  }
});
conn.on(S2C.GAME_INFO, (game) => {
  const session = app.session;
  if (!session) return;
  if (gameModule(game?.id) === app.module) {
    session.setGame(game);
    return;
  }
  // The host switched game in the lobby: the new game's module takes over, in the same seat.
  app.nextSeq = session.nextSeq;
  startSession({ room: session.room, you: session.you, game }, app.how);
});
conn.on(S2C.ROOM_UPDATE, (room) => {
  if (!app.session) return;
  app.session.onRoomUpdate(room);
  roomPanel.update(room, app.session.you);
});
conn.on(S2C.KICKED, ({ reason } = {}) => endSession(reason === 'operator'
  ? 'You were removed from the room by the server operator.' : 'You were removed from the room by the host.'));
conn.on(S2C.CLOSED, ({ reason } = {}) =>
  endSession(reason === 'error' ? 'The room ended because of a server error.' : 'The room was closed by the server.'));
conn.on(S2C.NOTICE, ({ text } = {}) => hud.setNotice(`Operator: ${String(text ?? '').slice(0, 200)}`));
conn.on(S2C.SHUTDOWN, ({ drainMs, moveTo } = {}) => {
  if (moveTo?.url && app.session) followMove(moveTo);
  else hud.setNotice(`Server restarting${drainMs ? ` in ${Math.ceil(drainMs / 1000)} s` : ''}`);
});
conn.on(S2C.SERVER_ERROR, (err) => {
  serverErrors.count++;
  serverErrors.last = err?.code ?? '?';
});

let connectedOnce;
const firstConnect = new Promise((resolve) => { connectedOnce = resolve; });

conn.onStatus((status, detail, { reconnected }) => {
  const ok = status === Status.CONNECTED;
  const text = STATUS_TEXT[status] + (status === Status.REFUSED && detail ? `: ${detail}` : '');
  lobby.setStatus(text, ok);
  hud.setConnection(text, ok);
  if (ok) connectedOnce();
  if (ok && reconnected && app.session) rejoin();
  if (status === Status.REFUSED) setTimeout(() => conn.retry(), RETRY_AFTER_REFUSAL_MS);
  if (!ok && app.session) app.state = 'reconnecting';
});

// ---- loops ------------------------------------------------------------------------------------

// Inputs leave at the tick rate (the sampler's accumulator decides); checking on a timer keeps
// them going when frames are slow, and checking at each frame start keeps the drawn own ship
// from waiting for the timer.
function pumpInputs(t) {
  const session = app.session;
  if (!session || session.spectator || !conn.connected) return;
  for (const input of session.takeInputs(t, controls.current())) conn.send(C2S.INPUT, input);
}
setInterval(() => pumpInputs(now()), INPUT_POLL_MS);

let lastFrame = now();
// `t` is the frame's timestamp, the moment the frame is meant to show, which is steadier than the
// time the callback happens to run: positions computed for it move evenly on screen.
function drawFrame(t) {
  const frameMs = Math.max(0, Math.min(100, t - lastFrame)); // a background tab must not fast-forward
  lastFrame = t;
  fps.add(t);
  pumpInputs(now());
  const session = app.session;
  let players = [];
  let shots = [];
  let extrapolatedMs = 0;
  if (session) {
    aimAtPointer(session, t);
    renderer.insetLeft = roomPanel.visible ? roomPanel.width : 0;
    const frame = session.frame(t, frameMs, controls.aim, controls.current());
    frame.shots ??= [];
    renderer.draw(frame, {
      game: session.game, ownId: session.playerId, nameOf: (id) => session.nameOf(id), frameMs, now: t,
    });
    app.module.updateHud(hud, session, frame, t);
    players = frame.players.map((p) => ({ id: p.id, x: p.x, y: p.y, st: p.st, tp: Boolean(p.tp) }));
    shots = frame.shots.map((s) => ({ key: s.key ?? s.id, id: s.id, owner: s.owner, x: s.x, y: s.y }));
    debug.renderLag = frame.renderLag === null ? null : Math.round(frame.renderLag);
    extrapolatedMs = frame.extrapolatedMs;
  }
  debug.shots = shots;
  updateDebug(session, players, extrapolatedMs, t);
  overlay.update(overlayRows(session, extrapolatedMs, t), t);
  requestAnimationFrame(drawFrame);
}

function aimAtPointer(session, t) {
  const ship = session.ownDrawn;
  if (!ship || !controls.pointer) return;
  const p = renderer.screenToWorld(controls.pointer.x, controls.pointer.y);
  controls.aim = Math.atan2(p.y - ship.y, p.x - ship.x);
}

function updateDebug(session, players, extrapolatedMs, t) {
  debug.state = app.state;
  debug.game = session ? app.module.id : null;
  debug.it = session?.latest?.it ?? null;
  debug.connection = conn.status;
  debug.roomCode = session?.room.code ?? null;
  debug.playerId = session?.playerId ?? null;
  debug.phase = session?.latest?.phase ?? session?.room.phase ?? null;
  debug.tick = session?.latest?.tick ?? null;
  debug.rtt = clock.rtt === null ? null : Math.round(clock.rtt);
  debug.clockOffset = clock.offset === null ? null : Math.round(clock.offset - performance.timeOrigin);
  debug.snapshotHz = session ? session.snapshotRate.rate(t) : 0;
  debug.interpDelay = session ? Math.round(session.buffer.delay) : null;
  debug.snapshotJitter = session ? Math.round(session.buffer.jitter) : null;
  debug.stalls = session?.buffer.stallCount ?? 0;
  debug.screenHits = session?.shots.screenHits ?? 0;
  debug.shotPairErrors = session?.shots.pairErrors ?? [];
  debug.shotPairLog = session?.shots.pairLog ?? [];
  debug.screenHitLog = session?.screenHits ?? []; // own shots drawn touching a ship: {key, target, t}
  debug.ownShotSids = session?.shots.sidOfKey ?? null; // predicted shot key -> server shot id
  debug.extrapolatedMs = Math.round(extrapolatedMs);
  debug.pendingInputs = session?.predictor.pending.length ?? 0;
  debug.corrections = session?.predictor.corrections ?? 0;
  debug.players = players;
  debug.frameTime = t;
}

function overlayRows(session, extrapolatedMs, t) {
  const ms = (v) => (v === null || v === undefined ? '-' : `${Math.round(v)} ms`);
  const kb = (meter) => `${(meter.rate(t) / 1024).toFixed(1)} kB/s`;
  return [
    ['Connection', `${conn.status} (${conn.transport})`],
    ['RTT', `${ms(clock.lastRtt)} (avg ${ms(clock.rtt)})`],
    ['Clock offset', clock.offset === null ? '-' : `${Math.round(clock.offset - performance.timeOrigin)} ms`],
    ['Snapshots', session ? `${session.snapshotRate.rate(t).toFixed(0)} /s` : '-'],
    ['Interp delay', session ? `${ms(session.buffer.delay)} (target ${ms(session.buffer.targetDelay())}, jitter ${ms(session.buffer.jitter)})` : '-'],
    ['Extrapolating', ms(extrapolatedMs)],
    ['Pending inputs', session ? `${session.predictor.pending.length} (skipped ${session.skippedInputs})` : '-'],
    ['Corrections', session ? `${session.predictor.corrections} (last ${session.predictor.lastError.toFixed(2)})` : '-'],
    ['In / out', `${kb(conn.bytesIn)} / ${kb(conn.bytesOut)}`],
    ['FPS', fps.rate(t).toFixed(0)],
    ['Sim queue', String(netsim.queued)],
    ['Server errors', `${serverErrors.count} (last ${serverErrors.last})`],
  ];
}

// ---- start -----------------------------------------------------------------------------------

conn.connect();
requestAnimationFrame(drawFrame);
refreshGames();
refreshRooms();
setInterval(refreshRooms, ROOM_LIST_MS);

// An invite link with a name joins at once; without one, the lobby asks for the name first.
const invitedCode = normaliseCode(params.get('room'));
if (invitedCode && params.get('name')) {
  firstConnect.then(() => lobby.run('onJoin', true));
} else if (invitedCode) {
  lobby.focusName();
}
