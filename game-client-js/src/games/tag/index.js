// Tag's client module: a session (own runner predicted with the server's rule, the others
// interpolated by the shared snapshot buffer), a canvas renderer, the HUD parts and the rules text.
// Lobby, connection, clock sync, interpolation, netsim and overlay are the shared ones.
import { SnapshotBuffer } from '../../game/interpolation.js';
import { InputSampler } from '../../game/input.js';
import { RateMeter } from '../../net/rate.js';
import { GameEventType, Phase } from '../../protocol.js';
import { colorOf } from '../../ui/colors.js';

/** The server's movement rule (TagGame.step): one input is one step, clamped to the yard. */
export function runStep(p, move, game, isIt) {
  const dt = 1 / game.tickRate;
  const speed = isIt ? game.itSpeed : game.speed;
  const r = game.radius;
  return {
    x: Math.max(r, Math.min(game.map.width - r, p.x + move.moveX * speed * dt)),
    y: Math.max(r, Math.min(game.map.height - r, p.y + move.moveY * speed * dt)),
  };
}

export class TagSession {
  constructor(join, clock, { firstSeq = 1 } = {}) {
    this.room = join.room;
    this.you = join.you;
    this.game = join.game;
    this.clock = clock;
    this.spectator = Boolean(join.you.spectator);
    this.buffer = new SnapshotBuffer(this.game, this.spectator ? { maxDelayMs: 5000 } : {});
    this.sampler = new InputSampler(this.game.tickRate, { firstSeq });
    this.snapshotRate = new RateMeter(1000);
    this.predictor = { pending: [], corrections: 0, lastError: 0 }; // pending: inputs not yet applied
    this.shots = { screenHits: 0 };
    this.skippedInputs = 0;
    this.latest = null;
    this.own = null; // predicted own position
    this.ownDrawn = null;
    this.roundEnd = null;
    this.lastTag = null;
  }

  get playerId() { return this.spectator ? null : this.you.id; }
  get nextSeq() { return this.sampler.seq + 1; }
  nameOf(id) { return this.room.players.find((p) => p.id === id)?.name ?? `#${id}`; }
  setGame(game) { this.game = game; this.resetNet(); }
  onRoomUpdate(room) { this.room = room; }

  resetNet() {
    this.buffer.clear();
    this.sampler.restart();
    this.predictor.pending = [];
    this.latest = null;
    this.own = null;
  }

  onSnapshot(snap, localNow) {
    // The shared buffer interpolates positions; runners have no facing, velocity or shots.
    this.buffer.push({ ...snap, shots: [], players: snap.players.map((p) => ({ ...p, a: 0, vx: 0, vy: 0, st: 0 })) },
      localNow);
    this.snapshotRate.add(localNow);
    this.latest = snap;
    const me = snap.players.find((p) => p.id === this.playerId);
    if (!me) return;
    // Reconcile: the server's position after input `seq`, then the inputs it has not applied yet.
    const pending = this.predictor.pending.filter((i) => i.seq > me.seq);
    let pos = { x: me.x, y: me.y };
    for (const i of pending) pos = runStep(pos, i, this.game, snap.it === this.playerId);
    if (this.own) {
      this.predictor.lastError = Math.hypot(this.own.x - pos.x, this.own.y - pos.y);
      if (this.predictor.lastError > 0.5) this.predictor.corrections++;
    }
    this.predictor.pending = pending;
    this.own = pos;
  }

  onGameEvent(ev) {
    if (ev.type === GameEventType.ROUND_START) this.roundEnd = null;
    if (ev.type === GameEventType.ROUND_END) this.roundEnd = ev;
    if (ev.type === 'tagged') this.lastTag = ev;
  }

  /** Input mapping: the held direction only (Tag has no aim and no fire). */
  takeInputs(localNow, controls) {
    const inputs = this.sampler.sample(localNow, { moveX: controls.moveX, moveY: controls.moveY });
    for (const i of inputs) {
      if (this.own) this.own = runStep(this.own, i, this.game, this.latest?.it === this.playerId);
      this.predictor.pending.push(i);
    }
    return inputs;
  }

  frame(localNow) {
    this.buffer.advance(localNow);
    const tick = this.buffer.renderTick(localNow);
    const sampled = (tick === null ? null : this.buffer.sample(tick)) ?? { players: [], extrapolatedMs: 0 };
    const players = sampled.players.map((p) => (p.id === this.playerId && this.own ? { ...p, ...this.own } : p));
    const me = players.find((p) => p.id === this.playerId);
    this.ownDrawn = me ? { x: me.x, y: me.y } : null;
    const latest = this.latest;
    return {
      players,
      it: latest?.it ?? null,
      extrapolatedMs: sampled.extrapolatedMs,
      serverNow: this.clock.serverNow(localNow),
      renderLag: null,
      phase: latest?.phase ?? this.room.phase,
      phaseEndsAt: latest ? latest.phaseEndsAt : this.room.phaseEndsAt,
    };
  }
}

export class TagRenderer {
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.view = { scale: 1, ox: 0, oy: 0 };
    this.insetLeft = 0;
    this.insetTop = 72; // the HUD's top bar
    this.insetBottom = 16;
    this.resize();
  }

  resize() {
    const dpr = window.devicePixelRatio || 1;
    this.width = window.innerWidth;
    this.height = window.innerHeight;
    this.canvas.width = Math.round(this.width * dpr);
    this.canvas.height = Math.round(this.height * dpr);
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
    this.dpr = dpr;
  }

  fit(map) {
    const w = this.width - this.insetLeft - 32;
    const h = this.height - this.insetTop - this.insetBottom;
    const scale = Math.max(0.1, Math.min(w / map.width, h / map.height));
    this.view = { scale, ox: this.insetLeft + 16 + (w - map.width * scale) / 2,
      oy: this.insetTop + (h - map.height * scale) / 2 };
  }

  worldToScreen(x, y) { return { x: this.view.ox + x * this.view.scale, y: this.view.oy + y * this.view.scale }; }
  screenToWorld(x, y) { return { x: (x - this.view.ox) / this.view.scale, y: (y - this.view.oy) / this.view.scale }; }

  draw(frame, { game, ownId, nameOf }) {
    const { ctx } = this;
    this.fit(game.map);
    const { scale, ox, oy } = this.view;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.fillStyle = '#0b1020';
    ctx.fillRect(0, 0, this.width, this.height);
    ctx.fillStyle = '#16213a';
    ctx.fillRect(ox, oy, game.map.width * scale, game.map.height * scale);
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    for (const p of frame.players) {
      const s = this.worldToScreen(p.x, p.y);
      const it = p.id === frame.it;
      ctx.beginPath();
      ctx.arc(s.x, s.y, game.radius * scale, 0, 2 * Math.PI);
      ctx.fillStyle = colorOf(p.id);
      ctx.fill();
      ctx.lineWidth = it ? 4 : p.id === ownId ? 2 : 0;
      ctx.strokeStyle = it ? '#ff1744' : '#ffffff';
      if (ctx.lineWidth) ctx.stroke();
      ctx.fillStyle = '#e8eaf6';
      ctx.fillText(`${nameOf(p.id)}${it ? ' · IT' : ''} ${(p.t ?? 0).toFixed(1)}s`, s.x, s.y - game.radius * scale - 6);
    }
  }
}

function tagHud(hud, session, frame) {
  const left = frame.phaseEndsAt && frame.serverNow !== null ? Math.max(0, frame.phaseEndsAt - frame.serverNow) : null;
  const secs = left === null ? '' : `${Math.floor(left / 60000)}:${String(Math.floor(left / 1000) % 60).padStart(2, '0')}`;
  const you = session.playerId !== null && frame.it === session.playerId;
  hud.setText(hud.roomBadge, `${session.room.code ? `Room ${session.room.code}` : 'Public tag'}${session.spectator ? ' · spectating' : ''}`);
  hud.setText(hud.timer, frame.phase === Phase.PLAYING ? secs : '');
  hud.setText(hud.phase, frame.phase === Phase.PLAYING
    ? (you ? 'You are IT: touch someone!' : `${frame.it ? session.nameOf(frame.it) : 'Nobody'} is it: run!`)
    : frame.phase === Phase.LOBBY ? 'Waiting for the host to start' : '');
  hud.setText(hud.banner, frame.phase === Phase.COUNTDOWN && left !== null ? `Starting in ${Math.ceil(left / 1000)}` : '');
  const end = frame.phase === Phase.ROUNDOVER ? session.roundEnd : null;
  hud.scoreboard.classList.toggle('hidden', !end);
  hud.setText(hud.scoreboard, end ? `Winner: ${end.winner ? session.nameOf(end.winner) : 'nobody'} · `
    + end.scoreboard.map((l) => `${l.name} ${l.itSeconds}s`).join(' · ') : '');
}

export default {
  id: 'tag',
  rules: 'Tag: run with WASD or the arrows. Whoever is IT (red ring) passes it on by touching someone, '
    + 'who cannot tag straight back for a second. The least time as IT wins; whoever is IT for '
    + '45 s in total ends the round.',
  help: 'WASD / arrows to run · F3 or ` net stats',
  createSession: (join, clock, options) => new TagSession(join, clock, options),
  createRenderer: (canvas) => new TagRenderer(canvas),
  updateHud: tagHud,
  /** A snapshot as the renderer draws it for a spectator who sees everything (console, replay viewer). */
  spectatorFrame: (snap) => ({ players: snap.players || [], it: snap.it ?? null }),
};
