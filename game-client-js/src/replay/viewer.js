// The replay viewer served by `game-server.jar replay FILE --serve`: fetches the replayed frames
// (one snapshot per tick) and the event log, then plays them with the game client's renderer as an
// all-seeing spectator: play, pause, speed, a scrub bar, one tick at a time, and the log beside it.
import { SpectatorView } from '../admin/spectator.js';

const $ = (id) => document.getElementById(id);

async function getJson(path) {
  const res = await fetch(path);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.json();
}

const [info, frames, events] = await Promise.all([getJson('api/info'), getJson('api/frames'), getJson('api/events')]);
const header = info.header;
const tickRate = header.tickRate || 30;
// Room for the side bar on the left and the controls at the bottom.
const renderer = new SpectatorView($('arena'), { insets: { left: 320, top: 16, bottom: 72 } });
const names = info.names || {};
const state = { index: 0, playing: false, speed: 1, carry: 0 };

$('room').textContent = header.room;
$('summary').textContent = `${header.game} · ${tickRate} Hz · written ${header.writtenAt} (${header.reason}) · ticks ${
  frames.length ? frames[0].tick : '-'}..${frames.length ? frames[frames.length - 1].tick : '-'}`;
$('outcome').textContent = `${info.result.outcome}: ${info.result.detail}`;
$('outcome').classList.toggle('bad', !info.result.ok);
const scrub = $('scrub');
scrub.max = String(Math.max(0, frames.length - 1));

const log = $('log');
const items = events.map((e) => {
  const li = document.createElement('li');
  const t = document.createElement('span');
  t.className = 't';
  t.textContent = String(e.tick);
  li.append(t, document.createTextNode(e.text));
  li.title = e.text;
  if (e.kind === 'error') li.classList.add('error');
  li.addEventListener('click', () => seek(indexOfTick(e.tick)));
  log.append(li);
  return { li, tick: e.tick };
});

if (info.failure) {
  $('failure-title').textContent = `tick ${info.failure.tick}: ${info.failure.type}: ${info.failure.message}`;
  $('failure-stack').textContent = info.failure.stack;
}

function indexOfTick(tick) {
  let lo = 0;
  let hi = frames.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (frames[mid].tick <= tick) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function seek(i) {
  state.index = Math.max(0, Math.min(frames.length - 1, i));
  state.carry = 0;
  show();
}

function setPlaying(p) {
  state.playing = p && frames.length > 0;
  if (state.playing && state.index >= frames.length - 1) state.index = 0;
  $('play').textContent = state.playing ? 'Pause' : 'Play';
  show();
}

function show() {
  const f = frames[state.index];
  scrub.value = String(state.index);
  const tick = f ? f.tick : -1;
  $('tick').textContent = f ? `tick ${tick} · ${f.phase ?? '-'} · ${(state.index / tickRate).toFixed(1)} s` : 'no frames';
  for (const it of items) {
    it.li.classList.toggle('past', it.tick <= tick);
    it.li.classList.toggle('future', it.tick > tick);
  }
  const atEnd = state.index >= frames.length - 1;
  $('failure').classList.toggle('hidden', !(info.failure && atEnd));
  window.replay = { index: state.index, tick, frames: frames.length, playing: state.playing, atEnd,
    failureShown: Boolean(info.failure && atEnd), outcome: info.result.outcome, drawnGame: renderer.gameId };
}

$('play').addEventListener('click', () => setPlaying(!state.playing));
$('step').addEventListener('click', () => { setPlaying(false); seek(state.index + 1); });
$('back').addEventListener('click', () => { setPlaying(false); seek(state.index - 1); });
$('speed').addEventListener('change', (e) => { state.speed = Number(e.target.value); });
scrub.addEventListener('input', () => seek(Number(scrub.value)));
window.addEventListener('resize', () => renderer.resize());
window.addEventListener('keydown', (e) => {
  if (e.key === ' ') { e.preventDefault(); setPlaying(!state.playing); }
  else if (e.key === '.') { setPlaying(false); seek(state.index + 1); }
  else if (e.key === ',') { setPlaying(false); seek(state.index - 1); }
});

let last = performance.now();
function frame(now) {
  const dt = Math.min(250, now - last);
  last = now;
  if (state.playing) {
    state.carry += (dt / 1000) * tickRate * state.speed;
    const whole = Math.floor(state.carry);
    if (whole > 0) {
      state.carry -= whole;
      state.index = Math.min(frames.length - 1, state.index + whole);
      if (state.index >= frames.length - 1) setPlaying(false);
      show();
    }
  }
  const f = frames[state.index];
  // Drawn by the renderer of the recording's game (games/index.js, by its id).
  if (f && info.game.map && Array.isArray(f.players)) {
    renderer.draw(header.game, f, { game: info.game, nameOf: (id) => names[id] ?? `#${id}`, frameMs: dt, now });
    window.replay.drawnGame = renderer.gameId;
  }
  requestAnimationFrame(frame);
}
show();
requestAnimationFrame(frame);
