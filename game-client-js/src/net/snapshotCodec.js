// Compact snapshots (protocol version 2, docs/protocol.md "Compact snapshots"): the browser's decoder.
// The server sends each snapshot as the `s` event whose argument is base64 text of a varint stream:
// a keyframe (the whole state) or a delta against the room's previous snapshot. This decoder keeps
// the state it last rebuilt and turns every compact snapshot into the same object a full JSON
// `snapshot` event carries, so the rest of the client cannot tell the two apart. The server's
// encoder is io.skirmish.snapshot.FrameEncoder; both are tested against test/golden/snapshots.json.

/** The protocol version this client states at connect (Socket.IO auth `{protocol}`). */
export const PROTOCOL_VERSION = 2;
/** The event carrying a compact snapshot. */
export const COMPACT_EVENT = 's';

const PHASES = ['lobby', 'countdown', 'playing', 'roundover'];
const GRID = 32;
const ANGLE_STEPS = 4096;
const RADIANS_PER_STEP = (2 * Math.PI) / ANGLE_STEPS;
const DELTA = 1;
const PHASE = 2;
const DELAY = 4; // a spectator's copy: its delay behind live play (ms) follows the flags
const VEL = 1;
const POS = 2;
const AIM = 4;
const HP = 8;
const SEQ = 16;
const STATE = 32;
const SCORE = 64;
const MAX_SHIPS = 1024;
const MAX_SHOTS = 1 << 16;

/** Thrown for a snapshot that cannot be decoded (malformed, or a delta on another base). */
export class SnapshotDecodeError extends Error {}

export class SnapshotDecoder {
  constructor() {
    this.frame = null; // the state last rebuilt, in wire units
    this.deltas = 0;
    this.keyframes = 0;
    this.refused = 0;
  }

  /** Forgets the held state (after a reconnect or a room change): the next keyframe starts again. */
  reset() {
    this.frame = null;
  }

  /**
   * Decodes one compact snapshot into a snapshot object, or returns null when it is a delta that
   * does not apply to the state held (wait for the next keyframe; counted in `refused`).
   * @param {string|Uint8Array} payload base64 text (as sent) or its bytes
   */
  decode(payload) {
    const bytes = typeof payload === 'string' ? fromBase64(payload) : payload;
    try {
      this.frame = decodeFrame(this.frame, bytes);
    } catch (e) {
      if (!(e instanceof SnapshotDecodeError)) throw e;
      this.refused++;
      if ((bytes[0] & DELTA) === 0) this.frame = null; // a bad keyframe: drop the chain
      return null;
    }
    if ((bytes[0] & DELTA) === 0) this.keyframes++;
    else this.deltas++;
    return toSnapshot(this.frame);
  }
}

/** Base64 (standard alphabet, padding optional) to bytes. */
export function fromBase64(text) {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * The pure decoder: the frame after `bytes`, given the frame held (null before a keyframe).
 * Throws SnapshotDecodeError.
 */
export function decodeFrame(prev, bytes) {
  const r = new Reader(bytes);
  const flags = r.u();
  const delayMs = flags & DELAY ? r.u() : -1;
  const f = (flags & DELTA) === 0 ? keyframe(r) : delta(r, flags, prev);
  if (!r.done()) throw new SnapshotDecodeError('trailing bytes in snapshot');
  f.delayMs = delayMs; // -1: a player's (live) copy
  return f;
}

/**
 * A frame as the snapshot object of the full JSON form (docs/protocol.md, `snapshot`); a spectator's
 * copy starts with `delayMs`, as the JSON form does.
 */
export function toSnapshot(f) {
  return {
    ...(f.delayMs >= 0 ? { delayMs: f.delayMs } : {}),
    tick: f.tick,
    time: f.time,
    phase: PHASES[f.phase] ?? 'lobby',
    round: f.round,
    phaseEndsAt: f.phaseEndsAt === 0 ? null : f.phaseEndsAt,
    players: f.ships.map((s) => {
      const p = {
        id: s.id,
        x: s.x / GRID,
        y: s.y / GRID,
        vx: s.vx / GRID,
        vy: s.vy / GRID,
        a: s.aim * RADIANS_PER_STEP,
        hp: s.hp,
        seq: s.seq,
        st: s.st,
      };
      if (s.st === 2) p.r = s.respawn;
      p.sc = s.score;
      p.k = s.kills;
      p.d = s.deaths;
      p.c = s.connected ? 1 : 0;
      return p;
    }),
    shots: f.shots.map((s) => [s.id, s.x / GRID, s.y / GRID, (s.sx * f.tickRate) / GRID, (s.sy * f.tickRate) / GRID, s.owner]),
  };
}

class Reader {
  constructor(bytes) {
    this.bytes = bytes;
    this.pos = 0;
  }

  u() {
    let v = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      if (this.pos >= this.bytes.length) throw new SnapshotDecodeError('truncated snapshot');
      const b = this.bytes[this.pos++];
      v += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return v;
      scale *= 128;
    }
    throw new SnapshotDecodeError('varint too long');
  }

  s() {
    const z = this.u();
    return z % 2 === 1 ? -(z + 1) / 2 : z / 2;
  }

  count(max) {
    const n = this.u();
    if (n > max) throw new SnapshotDecodeError(`count ${n} over ${max}`);
    return n;
  }

  done() {
    return this.pos === this.bytes.length;
  }
}

function keyframe(r) {
  const tickRate = r.u();
  if (tickRate <= 0) throw new SnapshotDecodeError('bad tick rate');
  const tick = r.u();
  const time = r.u();
  const phase = r.u();
  const round = r.u();
  const phaseEndsAt = endsAt(r, time);
  const ships = [];
  let lastId = 0;
  for (let i = 0, n = r.count(MAX_SHIPS); i < n; i++) {
    const s = fullShip(r, lastId);
    ships.push(s);
    lastId = s.id;
  }
  const shots = [];
  let lastShot = 0;
  for (let i = 0, n = r.count(MAX_SHOTS); i < n; i++) {
    const s = fullShot(r, lastShot, null);
    shots.push(s);
    lastShot = s.id;
  }
  return { tickRate, tick, time, phase, round, phaseEndsAt, ships, shots };
}

function delta(r, flags, prev) {
  if (!prev) throw new SnapshotDecodeError('a delta needs the previous snapshot');
  if (r.u() !== prev.tick % 128) throw new SnapshotDecodeError('the delta is not based on the snapshot held');
  const dt = r.u();
  const tick = prev.tick + dt;
  const time = prev.time + r.s();
  let { phase, round, phaseEndsAt } = prev;
  if (flags & PHASE) {
    phase = r.u();
    round = r.u();
    phaseEndsAt = endsAt(r, time);
  }
  const { tickRate } = prev;
  const ships = decodeShips(r, prev, dt, tickRate);
  const shots = decodeShots(r, prev, dt, ships);
  return { tickRate, tick, time, phase, round, phaseEndsAt, ships, shots };
}

function endsAt(r, time) {
  return r.u() === 0 ? 0 : time + r.s();
}

function fullShip(r, lastId) {
  const id = lastId + r.u();
  const x = r.s();
  const y = r.s();
  const vx = r.s();
  const vy = r.s();
  const aim = r.u();
  const hp = r.u();
  const seq = r.u();
  const stc = r.u();
  const st = stc & 3;
  const respawn = st === 2 ? r.u() : 0;
  const score = r.u();
  const kills = r.u();
  const deaths = r.u();
  return { id, x, y, vx, vy, aim, hp, seq, st, respawn, score, kills, deaths, connected: (stc & 4) === 0 };
}

function fullShot(r, lastId, ships) {
  const id = (lastId + r.s()) | 0; // ids are 32-bit and wrap
  const owner = r.u();
  const o = ships?.find((s) => s.id === owner);
  const x = (o ? o.x : 0) + r.s();
  const y = (o ? o.y : 0) + r.s();
  const sx = r.s();
  const sy = r.s();
  return { id, owner, x, y, sx, sy };
}

function predict(x, v, dt, tickRate) {
  return x + Math.round((v * dt) / tickRate);
}

function decodeShips(r, prev, dt, tickRate) {
  const kept = prev.ships.slice();
  const gone = gaps(r, kept.length);
  for (let i = gone.length - 1; i >= 0; i--) kept.splice(gone[i], 1);
  const added = [];
  let lastId = 0;
  for (let i = 0, n = r.count(MAX_SHIPS); i < n; i++) {
    const s = fullShip(r, lastId);
    added.push(s);
    lastId = s.id;
  }
  const changed = new Array(kept.length).fill(false);
  let idx = -1;
  for (let c = 0, n = r.count(kept.length); c < n; c++) {
    idx += r.u() + 1;
    if (idx >= kept.length) throw new SnapshotDecodeError('ship index out of range');
    kept[idx] = nextShip(r, kept[idx], dt, tickRate);
    changed[idx] = true;
  }
  for (let i = 0; i < kept.length; i++) if (!changed[i]) kept[i] = nextShip(null, kept[i], dt, tickRate);
  return kept.concat(added).sort((a, b) => a.id - b.id);
}

// A surviving ship after dt ticks: what the schema predicts, corrected by the fields present.
function nextShip(r, p, dt, tickRate) {
  const mask = r ? r.u() : 0;
  let { vx, vy } = p;
  if (mask & VEL) {
    vx += r.s();
    vy += r.s();
  }
  let x = predict(p.x, vx, dt, tickRate);
  let y = predict(p.y, vy, dt, tickRate);
  if (mask & POS) {
    x += r.s();
    y += r.s();
  }
  let { aim } = p;
  if (mask & AIM) aim = (((aim + r.s()) % ANGLE_STEPS) + ANGLE_STEPS) % ANGLE_STEPS;
  const hp = mask & HP ? r.u() : p.hp;
  const seq = p.seq + dt + (mask & SEQ ? r.s() : 0);
  let { st, connected } = p;
  let respawn = st === 2 ? Math.max(0, p.respawn - dt) : 0;
  if (mask & STATE) {
    const stc = r.u();
    st = stc & 3;
    connected = (stc & 4) === 0;
    respawn = st === 2 ? r.u() : 0;
  }
  let { score, kills, deaths } = p;
  if (mask & SCORE) {
    score = r.u();
    kills = r.u();
    deaths = r.u();
  }
  return { id: p.id, x, y, vx, vy, aim, hp, seq, st, respawn, score, kills, deaths, connected };
}

function decodeShots(r, prev, dt, ships) {
  const kept = prev.shots.slice();
  const gone = gaps(r, kept.length);
  for (let i = gone.length - 1; i >= 0; i--) kept.splice(gone[i], 1);
  const out = kept.map((s) => ({ ...s, x: s.x + s.sx * dt, y: s.y + s.sy * dt }));
  let lastId = prev.shots.length ? prev.shots[prev.shots.length - 1].id : 0;
  for (let i = 0, n = r.count(MAX_SHOTS); i < n; i++) {
    const s = fullShot(r, lastId, ships);
    out.push(s);
    lastId = s.id;
  }
  return out;
}

function gaps(r, size) {
  const out = [];
  let last = -1;
  for (let i = 0, n = r.count(size); i < n; i++) {
    last += r.u() + 1;
    if (last >= size) throw new SnapshotDecodeError('index out of range');
    out.push(last);
  }
  return out;
}
