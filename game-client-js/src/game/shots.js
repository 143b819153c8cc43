// The own ship's shots, predicted: drawn from the moment the input that fires is sampled, and
// reconciled with the server's copy when it arrives, so there is never a second copy or a jump.
//
// Lag compensation (docs/protocol.md, "Lag compensation") makes the server move a shot fired with
// render tick `rt` so that at age `a` ticks it meets the targets as they were at tick rt + a - 1:
// exactly what the shooter saw. So a shot is drawn at age 1 + (render tick now - rt), on the same
// timeline as the interpolated targets, and the server's copy of it, at tick n, is at age 1 + n - rt.
// A predicted shot that touches a drawn ship is shown hitting at once (that is what the server will
// decide); one the server never fired (cooldown, a wall at the muzzle) fades when that is known.
//
// A shot that hit on screen is kept (not drawn) until the server's copy is paired with it, so the
// pairing stays in order. A shot the server ended within its first, compensated step never appears
// in a snapshot: its `hit` event names it, and it is paired from that (see onHit).
//
// A kill by one of our predicted shots is drawn where the shooter saw it (see kills.js).

import { PredictedKills } from './kills.js';

const BLEND_MS = 80;
// How many inputs apart the server's shot and the predicted one may be fired (see onSnapshot).
const SLACK = 2;

export class OwnShots {
  /**
   * @param {{tickRate:number, physics:object, map:object}} game the join ack's `game`
   */
  constructor(game) {
    this.setGame(game);
    this.list = []; // predicted shots in flight
    this.nextKey = 1;
    this.lastSid = 0; // highest server shot id of ours already seen
    this.ackedSeq = null; // our last input acknowledged by the previous snapshot
    this.paired = new Set(); // server ids drawn as predicted shots (never drawn again from snapshots)
    this.screenHits = 0;
    this.pairLog = [];
    this.pairErrors = []; // distance between prediction and the server's shot at pairing, latest last
    this.bornEnded = []; // [id, x, y] of our shots the server ended in their first tick (from hit events)
    this.sidOfKey = new Map(); // predicted shot key -> the server's shot id, once paired (latest 500)
    this.kills = new PredictedKills(game.physics?.shotDamage ?? 20);
  }

  setGame(game) {
    if (this.kills) this.kills.damage = game.physics?.shotDamage ?? 20;
    this.physics = game.physics;
    this.map = game.map;
    this.dt = 1 / game.tickRate;
  }

  clear() {
    this.list = [];
    this.paired.clear();
    this.bornEnded = [];
    this.kills.clear();
    this.ackedSeq = null;
  }

  /**
   * A `hit` game event. A shot of ours that no snapshot has shown yet ended in its first server
   * tick (the compensated step): it is paired with its prediction at the next snapshot, as if it
   * had appeared there and gone.
   * @param {{attacker:number, shot:number, x:number, y:number}} ev
   * @param {number} ownerId our player id
   */
  onHit(ev, ownerId) {
    if (ev?.attacker !== ownerId || !Number.isInteger(ev.shot)) return;
    this.kills.onHit(ev);
    if (ev.shot <= this.lastSid || this.paired.has(ev.shot)) return;
    if (this.bornEnded.some((b) => b[0] === ev.shot)) return;
    this.bornEnded.push([ev.shot, ev.x, ev.y]);
  }

  /**
   * An input that fires was applied to the prediction.
   * @param {{x:number,y:number}} ship the own ship after that input's step
   * @param {number} aim the input's aim
   * @param {number} seq the input's seq
   * @param {number|null} rt the render tick the input carries (null: none yet; not predicted)
   */
  fire(ship, aim, seq, rt) {
    if (rt === null || rt === undefined) return null;
    const p = this.physics;
    const dx = Math.cos(aim);
    const dy = Math.sin(aim);
    const off = p.shipRadius + p.shotRadius + 1;
    const x0 = ship.x + dx * off;
    const y0 = ship.y + dy * off;
    if (blocked(this.map, x0, y0)) return null; // the server spends such a shot
    const shot = {
      key: `p${this.nextKey++}`, seq, rt, x0, y0, vx: dx * p.shotSpeed, vy: dy * p.shotSpeed,
      sid: null, endAge: Infinity, ox: 0, oy: 0, last: null, hit: false, abandoned: false,
    };
    this.list.push(shot);
    return shot;
  }

  /**
   * Pairs the server's new shots of ours with the predictions, in order, and learns which ended.
   * @param {{tick:number, shots:Array}} snap a decoded snapshot
   * @param {number} ownerId our player id
   * @param {number} ackedSeq our last input the server applied (snapshot `seq`)
   */
  onSnapshot(snap, ownerId, ackedSeq) {
    const mine = snap.shots.filter((s) => s[5] === ownerId);
    const present = new Set(mine.map((s) => s[0]));
    // Shots ended in their first tick (known from hit events) take their place in the order: [id, x, y].
    const born = this.bornEnded.filter((b) => b[0] > this.lastSid);
    this.bornEnded = [];
    const fresh = [...mine.filter((s) => s[0] > this.lastSid), ...born].sort((a, b) => a[0] - b[0]);
    // The server fires when a tick's inputs ask for it and its cooldown (counted in ticks) allows;
    // the prediction counts inputs. While inputs are applied one a tick they agree exactly; when
    // the server applied two in a tick, or none, its shot may come an input or two off. So a new
    // shot of ours is paired with the earliest waiting prediction fired at most SLACK inputs
    // before this snapshot's acknowledged input (or any later one acknowledged here).
    const from = (this.ackedSeq ?? ackedSeq) - SLACK;
    for (const entry of fresh) {
      const [id, x, y, vx, vy] = entry;
      this.lastSid = Math.max(this.lastSid, id);
      const shot = this.list.find((s) => s.sid === null && !s.abandoned && s.seq > from && s.seq <= ackedSeq + SLACK);
      if (!shot) continue; // fired there, not predicted here: drawn from snapshots
      shot.sid = id;
      this.paired.add(id);
      this.sidOfKey.set(shot.key, id);
      if (this.sidOfKey.size > 500) this.sidOfKey.delete(this.sidOfKey.keys().next().value);
      if (entry.length === 3) {
        // Ended in its first tick where it hit: it is drawn up to there (it flew along the prediction).
        const along = ((x - shot.x0) * shot.vx + (y - shot.y0) * shot.vy) / (shot.vx * shot.vx + shot.vy * shot.vy || 1);
        shot.endAge = Math.min(shot.endAge, Math.max(0, along / this.dt), 1 + snap.tick - shot.rt);
        continue;
      }
      // Where our prediction has it at that tick; a difference is blended, not jumped.
      const age = 1 + snap.tick - shot.rt;
      const ex = x - (shot.x0 + shot.vx * this.dt * age);
      const ey = y - (shot.y0 + shot.vy * this.dt * age);
      this.pairErrors.push(Math.round(Math.sqrt(ex * ex + ey * ey) * 100) / 100);
      this.pairLog.push([shot.seq, shot.rt, snap.tick, ackedSeq, Math.round(ex), Math.round(ey), Math.round(x), Math.round(shot.x0)]);
      if (this.pairLog.length > 100) this.pairLog.shift();
      if (this.pairErrors.length > 200) this.pairErrors.shift();
      shot.x0 += ex;
      shot.y0 += ey;
      shot.vx = vx;
      shot.vy = vy;
      shot.ox -= ex;
      shot.oy -= ey;
    }
    // Fired here but not there (or gone within its first tick): it ends where it is drawn now.
    for (const shot of this.list) {
      if (shot.sid === null && !shot.abandoned && shot.seq <= ackedSeq - SLACK) {
        shot.abandoned = true;
        shot.endAge = Math.min(shot.endAge, 1 + snap.tick - shot.rt);
      }
      // The server's copy is gone: the shot ended during this tick.
      if (shot.sid !== null && !present.has(shot.sid)) shot.endAge = Math.min(shot.endAge, 1 + snap.tick - shot.rt);
    }
    this.ackedSeq = ackedSeq;
    this.kills.onSnapshot(snap, present);
  }

  /** True for a server shot of ours that is drawn as a prediction (so not drawn from snapshots). */
  isPredicted(id) {
    return this.paired.has(id);
  }

  /**
   * The predicted shots at `renderTick`, each ended by its lifetime, a wall, or a drawn ship.
   * @param {number} renderTick the tick the frame draws (SnapshotBuffer.renderTick)
   * @param {number} frameMs
   * @param {{id:number,x:number,y:number,st:number}[]} ships drawn ships that can be hit
   * @returns {{shots: object[], hits: object[]}} shots to draw; shots that hit on screen this frame
   */
  draw(renderTick, frameMs, ships) {
    const p = this.physics;
    const reach = p.shipRadius + p.shotRadius;
    const k = Math.exp(-Math.max(0, frameMs) / BLEND_MS);
    const shots = [];
    const hits = [];
    this.list = this.list.filter((shot) => {
      const age = 1 + renderTick - shot.rt;
      if (age > p.shotTtlTicks) return false;
      // Hit on screen: no longer drawn, kept until the server's copy is paired with it.
      if (shot.hit) return shot.sid === null && !shot.abandoned;
      // Past its end (the server's copy ended there): the last stretch up to the end is still
      // checked against the drawn ships, then the shot is gone.
      if (shot.last && age >= shot.endAge && shot.lastAge >= shot.endAge) return false;
      const at = Math.min(age, shot.endAge);
      shot.lastAge = at;
      shot.ox *= k;
      shot.oy *= k;
      const x = shot.x0 + shot.vx * this.dt * at + shot.ox;
      const y = shot.y0 + shot.vy * this.dt * at + shot.oy;
      const from = shot.last ?? { x: shot.x0, y: shot.y0 };
      shot.last = { x, y };
      if (blocked(this.map, x, y)) {
        shot.hit = true; // ended on screen, as a hit: kept for the pairing, not drawn
        return shot.sid === null && !shot.abandoned;
      }
      for (const s of ships) {
        if (s.st === 2 || this.kills.isDeadAhead(s.id, renderTick)) continue; // dead: not there
        if (segmentDistance2(from.x, from.y, x, y, s.x, s.y) < reach * reach) {
          // A protected ship absorbs the shot without damage, as on the server.
          if (s.st === 0) {
            this.screenHits++;
            hits.push({ key: shot.key, sid: shot.sid, target: s.id, x, y });
            this.kills.screenHit(shot, s.id);
          }
          shot.hit = true;
          return shot.sid === null && !shot.abandoned;
        }
      }
      if (age >= shot.endAge) return false;
      shots.push({ key: shot.key, id: shot.sid, owner: null, x, y, vx: shot.vx, vy: shot.vy });
      return true;
    });
    if (this.paired.size > 256) this.paired = new Set([...this.paired].slice(-128));
    return { shots, hits };
  }
}

function blocked(map, x, y) {
  if (x < 0 || y < 0 || x > map.width || y > map.height) return true;
  for (const [wx, wy, ww, wh] of map.walls) {
    if (x >= wx && x <= wx + ww && y >= wy && y <= wy + wh) return true;
  }
  return false;
}

/** Squared distance from point (px, py) to the segment a-b. */
export function segmentDistance2(ax, ay, bx, by, px, py) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const u = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
  return (ax + u * dx - px) ** 2 + (ay + u * dy - py) ** 2;
}
