// One stay in one room: the join answer, the netcode that predicts the own ship and interpolates
// everything else, and the game events. Knows nothing of the DOM or the socket, so the app shell
// feeds it messages and asks it for a frame to draw.
import { Predictor } from './predictor.js';
import { SnapshotBuffer } from './interpolation.js';
import { InputSampler } from './input.js';
import { BacklogControl, expectedPending } from './backlog.js';
import { RateMeter } from '../net/rate.js';
import { GameEventType, ShipState } from '../protocol.js';

const FEED_SIZE = 5;
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
    this.scheduled = [];
    this.latest = null;
  }

  onRoomUpdate(room) {
    this.room = room;
  }

  onSnapshot(snap, localNow) {
    this.buffer.push(snap, localNow, this.clock.serverNow(localNow));
    this.snapshotRate.add(localNow);
    this.latest = snap;
    const me = this.ownShip();
    if (me) this.predictor.reconcile(me);
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
        inputs.shift();
        this.skippedInputs++;
      }
    }
    for (const input of inputs) {
      this.predictor.apply(input);
      if (this.cooldown > 0) this.cooldown--;
      if (input.fire && this.cooldown === 0) {
        this.cooldown = this.game.physics.fireCooldownTicks ?? 0;
        this.flashes.push({ ...this.predictor.state, aim: input.aim });
      }
    }
    return inputs;
  }

  /**
   * What to draw now.
   * @param {number} localNow ms
   * @param {number} frameMs time since the previous frame
   * @param {number} aim the own ship's facing from the local pointer (drawn at once)
   */
  frame(localNow, frameMs, aim) {
    this.buffer.advance(frameMs);
    this.predictor.decay(frameMs);
    const serverNow = this.clock.serverNow(localNow);
    const latest = this.latest;
    // Before the clock is synced, draw the newest snapshot as it is.
    const renderTime = serverNow === null || !latest
      ? (latest ? this.buffer.timeOf(latest) : 0)
      : serverNow - this.buffer.delay;
    const sampled = this.buffer.sample(renderTime) ?? { players: [], shots: [], extrapolatedMs: 0 };

    const own = this.ownShip();
    const pos = this.predictor.renderPosition(this.sampler.alphaAt(localNow));
    const players = sampled.players.map((p) => {
      if (p.id !== this.playerId || !own) return p;
      // The own ship is drawn where the predictor has it, with the newest server fields.
      return own.st === ShipState.DEAD || !pos ? { ...own } : { ...own, x: pos.x, y: pos.y, a: aim };
    });

    const effects = [];
    this.scheduled = this.scheduled.filter((ev) => {
      const due = this.buffer.base === null || this.buffer.base + ev.tick * this.buffer.tickMs <= renderTime;
      if (due) effects.push(ev);
      return !due;
    });

    const flashes = this.flashes;
    this.flashes = [];
    return {
      players,
      shots: sampled.shots,
      effects,
      flashes,
      extrapolatedMs: sampled.extrapolatedMs,
      serverNow,
      phase: latest?.phase ?? this.room.phase,
      phaseEndsAt: latest ? latest.phaseEndsAt : this.room.phaseEndsAt,
      round: latest?.round ?? this.room.round,
    };
  }
}
