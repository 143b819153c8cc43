// Kills by the own shots, drawn where the shooter saw them. The server learns of a hit a round trip
// after the shooter saw it, and snapshots show the victim dead only when the render tick reaches the
// kill's tick, a few ticks later still. Drawn alive meanwhile, the victim would take the shooter's
// next shots on screen, which the server cannot count (a ship is not killed twice). So a target is
// drawn dead as soon as its hp in the newest snapshot, less the damage of the own shots seen to hit
// it and not yet reflected in a snapshot, reaches 0; and until the render tick reaches the tick it
// died at. A shot the server did not count gives the hp back (the target is drawn again).

export class PredictedKills {
  /** @param {number} damage hp one shot takes (`physics.shotDamage`) */
  constructor(damage) {
    this.damage = damage;
    this.clear();
  }

  clear() {
    this.pending = []; // {shot, target}: own shots seen to hit `target`, not yet reflected in a snapshot
    this.targets = new Map(); // id -> {hp, dead, deadSince} from the newest snapshot
    this.ahead = new Set(); // ids drawn dead ahead of the snapshots
    this.hitTicks = new Map(); // server shot id -> tick of its hit event (latest 100)
  }

  /** An own shot's `hit` event: its damage shows in snapshots from `ev.tick` on. */
  onHit(ev) {
    this.hitTicks.set(ev.shot, ev.tick);
    if (this.hitTicks.size > 100) this.hitTicks.delete(this.hitTicks.keys().next().value);
  }

  /** A predicted shot (an OwnShots entry: sid, abandoned) touched `target`, unprotected, on screen. */
  screenHit(shot, target) {
    this.pending.push({ shot, target });
    const t = this.targets.get(target);
    if (t && !t.dead && this.hp(target) <= 0) this.ahead.add(target);
  }

  /**
   * @param {{tick:number, players:Array<{id:number, hp:number, st:number}>}} snap
   * @param {Set<number>} present server ids of own shots in this snapshot
   */
  onSnapshot(snap, present) {
    for (const p of snap.players ?? []) {
      const prev = this.targets.get(p.id);
      const dead = p.st === 2;
      this.targets.set(p.id, { hp: p.hp, dead, deadSince: dead ? (prev?.dead ? prev.deadSince : snap.tick) : null });
    }
    // A shot's outcome is in the snapshot's hp once the server fired it and it is gone (it hit, or
    // missed), or its hit's tick is reached; a shot the server never fired did nothing.
    this.pending = this.pending.filter(({ shot }) => {
      if (shot.abandoned) return false;
      if (shot.sid === null) return true;
      return present.has(shot.sid) && !((this.hitTicks.get(shot.sid) ?? Infinity) <= snap.tick);
    });
  }

  /** The target's hp as the shooter has seen it hit, or null if unknown. */
  hp(id) {
    const t = this.targets.get(id);
    if (!t) return null;
    return t.hp - this.damage * this.pending.filter((e) => e.target === id).length;
  }

  /** True while `id` is to be drawn dead ahead of the snapshots at `renderTick`. */
  isDeadAhead(id, renderTick) {
    if (!this.ahead.has(id)) return false;
    const t = this.targets.get(id);
    const over = !t || (t.dead ? renderTick >= t.deadSince : this.hp(id) > 0);
    if (over) this.ahead.delete(id);
    return !over;
  }
}
