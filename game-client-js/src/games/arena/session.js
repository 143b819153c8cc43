// One stay in one room: the join answer, the netcode that predicts the own ship and interpolates
// everything else, and the game events. Knows nothing of the DOM or the socket, so the app shell
// feeds it messages and asks it for a frame to draw.
import { Predictor } from '../../game/predictor.js';
import { SnapshotBuffer } from '../../game/interpolation.js';
import { Smoother } from '../../game/smoothing.js';
import { OwnShots } from '../../game/shots.js';
import { InputSampler } from '../../game/input.js';
import { BacklogControl, expectedPending } from '../../game/backlog.js';
import { RateMeter } from '../../net/rate.js';
import { GameEventType, ShipState } from '../../protocol.js';

const FEED_SIZE = 5;
const OWN = 'own'; // the own ship's key in the smoother
// Spectator snapshots are held back by the server (spectatorDelayMs, 2 s by default).
const SPECTATOR_MAX_DELAY_MS = 5000;

export class GameSession {
  /**
   * @param {{room:object, you:object, game:object}} join a successful join ack
   * @param {import('../net/clock.js').ClockSync} clock
   * @param {{firstSeq?: number}} [options] firstSeq continues input numbering across a rejoin
   */
  constructor(join, clock, { firstSeq = 1 } = {}) {
    this.room = join.room;
    this.you = join.you;
    this.game = join.game;
    this.clock = clock;
    this.spectator = Boolean(join.you.spectator);
    this.predictor = new Predictor(this.game);
    this.buffer = new SnapshotBuffer(this.game, this.spectator ? { maxDelayMs: SPECTATOR_MAX_DELAY_MS } : {});
    this.smoother = new Smoother(this.game.physics?.maxSpeed ?? 320);
    this.shots = new OwnShots(this.game);
    this.ownTeleport = false; // the own ship respawned: draw it at its new place at once
    this.renderTick = null; // the tick the latest frame drew: each input carries it as `rt`
    this.ownDrawn = null; // where the latest frame drew the own ship
    this.screenHits = []; // own shots seen hitting a ship, latest last (for probes)
    this.sampler = new InputSampler(this.game.tickRate, { firstSeq });
    this.backlog = new BacklogControl();
    this.skippedInputs = 0;
    this.snapshotRate = new RateMeter(1000);
    this.latest = null;
    this.feed = []; // kill feed, newest last: {killer, victim, at}
    this.scheduled = []; // game events waiting for the render time of their tick
    this.roundEnd = null; // the last round:end, shown while the round is over
    // Shots appear a round trip after the click; a muzzle flash drawn at once makes firing feel
    // immediate. The fire cooldown is mirrored so flashes match the shots that will come.
    this.cooldown = 0;
    this.flashes = [];
  }

  /**
   * The host changed the map in the lobby (`game:info`): draw and predict with the new walls from
   * now on. The own ship is re-seeded from the next snapshot.
   */
  setGame(game) {
    this.game = game;
    this.predictor.map = game.map;
    this.predictor.physics = game.physics;
    this.predictor.reset();
    this.shots.setGame(game);
  }

  get playerId() {
    return this.spectator ? null : this.you.id;
  }

  /** Sequence number to continue from in a later session of the same page. */
  get nextSeq() {
    return this.sampler.seq + 1;
  }

  nameOf(id) {
    return this.room.players.find((p) => p.id === id)?.name ?? `#${id}`;
  }

  /** Forgets all network-derived state after a reconnect; the next snapshot re-seeds it. */
  resetNet() {
    this.predictor.reset();
    this.buffer.clear();
    this.sampler.restart();
    this.backlog.reset();
    this.smoother.clear();
    this.shots.clear();
    this.scheduled = [];
    this.latest = null;
    this.renderTick = null;
  }

  onRoomUpdate(room) {
    this.room = room;
  }

  onSnapshot(snap, localNow) {
    this.buffer.push(snap, localNow);
    this.snapshotRate.add(localNow);
    const before = this.ownShip();
    this.latest = snap;
    const me = this.ownShip();
    if (!me) return;
    // A respawn (or a round's reset) is a teleport, not a correction: start the prediction afresh.
    const spawned = before && ((before.st === ShipState.DEAD) !== (me.st === ShipState.DEAD)
      || (me.st === ShipState.PROTECTED && before.st !== ShipState.PROTECTED));
    if (spawned || me.st === ShipState.DEAD) {
      this.predictor.reset();
      this.ownTeleport = true;
    }
    if (me.st !== ShipState.DEAD) {
      const { dx, dy, corrected } = this.predictor.reconcile(me);
      if (corrected) this.smoother.shift(OWN, dx, dy);
    }
    this.shots.onSnapshot(snap, this.playerId, me.seq);
  }

  onGameEvent(ev, localNow) {
    switch (ev.type) {
      case GameEventType.KILL:
        this.feed.push({ killer: ev.killer, victim: ev.victim, at: localNow });
        if (this.feed.length > FEED_SIZE) this.feed.shift();
        break;
      case GameEventType.ROUND_START:
        this.roundEnd = null;
        break;
      case GameEventType.ROUND_END:
        this.roundEnd = ev;
        break;
    }
    if (ev.type === GameEventType.HIT && this.playerId !== null) this.shots.onHit(ev, this.playerId);
    if (ev.type === GameEventType.HIT || ev.type === GameEventType.KILL || ev.type === GameEventType.RESPAWN) {
      this.scheduled.push(ev);
    }
  }

  /** The own ship in the newest snapshot, or null (spectator, not yet seen). */
  ownShip() {
    if (this.playerId === null || !this.latest) return null;
    return this.latest.players.find((p) => p.id === this.playerId) ?? null;
  }

  /**
   * Inputs due now at the tick rate. Each is applied to the predictor here and must be sent.
   * Nothing is sampled before the ship is known or while it is dead.
   */
  takeInputs(localNow, controls) {
    const me = this.ownShip();
    if (!me || !this.predictor.ready || me.st === ShipState.DEAD) {
      this.sampler.restart();
      return [];
    }
    const inputs = this.sampler.sample(localNow, controls);
    if (inputs.length && this.clock.rtt !== null) {
      const expected = expectedPending(this.clock.rtt, this.sampler.stepMs, this.buffer.intervalMs);
      if (this.backlog.shouldSkip(localNow, this.predictor.pending.length, expected)) {
        const skipped = inputs.shift();
        this.skippedInputs++;
        // The ship loses that step: blended, not jumped.
        const s = this.predictor.state;
        const n = this.predictor.step(s, skipped);
        this.smoother.shift(OWN, s.x - n.x, s.y - n.y);
      }
    }
    const rt = this.inputRenderTick();
    for (const input of inputs) {
      if (rt !== null) input.rt = rt;
      this.predictor.apply(input);
      if (this.cooldown > 0) this.cooldown--;
      if (input.fire && this.cooldown === 0) {
        this.cooldown = this.game.physics.fireCooldownTicks ?? 0;
        this.flashes.push({ ...this.predictor.state, aim: input.aim });
        this.shots.fire(this.predictor.state, input.aim, input.seq, rt);
      }
    }
    return inputs;
  }

  /**
   * The render time an input carries (`rt`): the tick the player is seeing, never past the newest
   * snapshot (an extrapolated view is not a view of the server's state).
   */
  inputRenderTick() {
    if (this.renderTick === null || !this.latest) return null;
    const rt = Math.round(Math.min(this.renderTick, this.latest.tick) * 100) / 100;
    return Number.isFinite(rt) ? Math.max(0, rt) : null; // a room's first ticks: never below 0
  }

  /**
   * What to draw now.
   * @param {number} localNow ms
   * @param {number} frameMs time since the previous frame
   * @param {number} aim the own ship's facing from the local pointer (drawn at once)
   * @param {{moveX:number, moveY:number}} [controls] held now: applied to the partial tick
   */
  frame(localNow, frameMs, aim, controls) {
    this.buffer.advance(localNow);
    const latest = this.latest;
    const tick = this.buffer.renderTick(localNow);
    this.renderTick = tick;
    const sampled = (tick === null ? null : this.buffer.sample(tick)) ?? { players: [], shots: [], extrapolatedMs: 0 };
    const serverNow = this.clock.serverNow(localNow);

    const own = this.ownShip();
    const seen = new Set();
    const players = sampled.players.map((p) => {
      if (p.id === this.playerId && own) {
        // The own ship is drawn where the predictor has it now, with the newest server fields.
        const pos = own.st === ShipState.DEAD ? null : this.predictor.presentPosition(this.sampler.alphaAt(localNow), controls);
        if (!pos) return { ...own };
        seen.add(OWN);
        const d = this.smoother.follow(OWN, pos, frameMs, this.ownTeleport);
        this.ownTeleport = false;
        this.ownDrawn = { x: d.x, y: d.y };
        return { ...own, x: d.x, y: d.y, a: aim, tp: d.teleported };
      }
      if (p.st === ShipState.DEAD) return p;
      // Killed by our shot where we saw it hit: dead from then, ahead of the snapshots.
      if (tick !== null && this.shots.kills.isDeadAhead(p.id, tick)) return { ...p, st: ShipState.DEAD };
      seen.add(p.id);
      const d = this.smoother.follow(p.id, p, frameMs, Boolean(p.teleport));
      return { ...p, x: d.x, y: d.y, tp: d.teleported };
    });
    this.smoother.retain(seen);

    let shots = sampled.shots;
    if (this.playerId !== null) {
      shots = shots.filter((s) => s.owner !== this.playerId || !this.shots.isPredicted(s.id));
      if (tick !== null) {
        const targets = players.filter((p) => p.id !== this.playerId);
        const own = this.shots.draw(tick, frameMs, targets);
        for (const s of own.shots) shots.push({ ...s, owner: this.playerId });
        for (const h of own.hits) {
          this.screenHits.push({ ...h, t: localNow });
          if (this.screenHits.length > 1000) this.screenHits.shift();
        }
      }
    }

    const effects = [];
    this.scheduled = this.scheduled.filter((ev) => {
      const due = tick === null || ev.tick <= tick;
      if (due) effects.push(ev);
      return !due;
    });

    const flashes = this.flashes;
    this.flashes = [];
    return {
      players,
      shots,
      effects,
      flashes,
      extrapolatedMs: sampled.extrapolatedMs,
      serverNow,
      // How far behind the server's present the frame draws others, ms (for the overlay).
      renderLag: serverNow === null || !latest || tick === null
        ? null : serverNow - latest.time + (latest.tick - tick) * this.buffer.tickMs,
      phase: latest?.phase ?? this.room.phase,
      phaseEndsAt: latest ? latest.phaseEndsAt : this.room.phaseEndsAt,
      round: latest?.round ?? this.room.round,
    };
  }
}
