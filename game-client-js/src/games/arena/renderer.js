// Draws the arena on a Canvas 2D sized to the window at devicePixelRatio. The world (map units,
// +x right, +y down) is scaled to fit the window; name tags and health bars are drawn in screen
// space afterwards so they stay crisp and readable at any scale.
import { Effects } from './effects.js';
import { GameEventType, ShipState } from '../../protocol.js';
import { colorOf } from '../../ui/colors.js';

export { colorOf };
const MARGIN_PX = 16;
const TOP_MARGIN_PX = 56; // room for the timer and phase line above the arena

export class Renderer {
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.effects = new Effects();
    this.view = { scale: 1, ox: 0, oy: 0 };
    this.insetLeft = 0; // screen pixels on the left covered by a panel
    this.resize();
  }

  /** Matches the backing store to the window and the device pixel ratio. */
  resize() {
    this.dpr = window.devicePixelRatio || 1;
    this.width = window.innerWidth;
    this.height = window.innerHeight;
    this.canvas.width = Math.round(this.width * this.dpr);
    this.canvas.height = Math.round(this.height * this.dpr);
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
  }

  fit(map) {
    // On a narrow screen a panel overlays the arena instead of squeezing it.
    const left = this.width - this.insetLeft >= this.width * 0.6 ? this.insetLeft : 0;
    const scale = Math.min(
      (this.width - left - 2 * MARGIN_PX) / map.width,
      (this.height - TOP_MARGIN_PX - MARGIN_PX) / map.height,
    );
    this.view = {
      scale,
      ox: left + (this.width - left - map.width * scale) / 2,
      oy: TOP_MARGIN_PX + (this.height - TOP_MARGIN_PX - MARGIN_PX - map.height * scale) / 2,
    };
  }

  screenToWorld(sx, sy) {
    const { scale, ox, oy } = this.view;
    return { x: (sx - ox) / scale, y: (sy - oy) / scale };
  }

  worldToScreen(x, y) {
    const { scale, ox, oy } = this.view;
    return { x: ox + x * scale, y: oy + y * scale };
  }

  /**
   * @param {object} frame GameSession.frame() output
   * @param {{game:object, ownId:number|null, nameOf:(id:number)=>string, frameMs:number, now:number}} ctx
   */
  draw(frame, { game, ownId, nameOf, frameMs, now }) {
    const { ctx } = this;
    const { map, physics } = game;
    this.fit(map);
    this.spawnEffects(frame, ownId, physics.shipRadius);
    this.effects.update(frameMs);

    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.fillStyle = '#05070d';
    ctx.fillRect(0, 0, this.width, this.height);

    const { scale, ox, oy } = this.view;
    ctx.setTransform(this.dpr * scale, 0, 0, this.dpr * scale, this.dpr * ox, this.dpr * oy);
    drawArena(ctx, map, scale);
    for (const shot of frame.shots) drawShot(ctx, shot, physics.shotRadius ?? 4);
    const alive = frame.players.filter((p) => p.st !== ShipState.DEAD);
    for (const p of alive) drawShip(ctx, p, physics.shipRadius, p.id === ownId, now);
    this.effects.draw(ctx);

    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    for (const p of alive) this.drawLabel(p, physics, nameOf(p.id), p.id === ownId);
  }

  spawnEffects(frame, ownId, shipRadius) {
    for (const f of frame.flashes) {
      const nose = shipRadius * 1.3;
      this.effects.muzzle(f.x + Math.cos(f.aim) * nose, f.y + Math.sin(f.aim) * nose, f.aim, colorOf(ownId));
    }
    const byId = new Map(frame.players.map((p) => [p.id, p]));
    for (const ev of frame.effects) {
      if (ev.type === GameEventType.HIT) this.effects.hit(ev.x, ev.y, colorOf(ev.attacker));
      else if (ev.type === GameEventType.RESPAWN) this.effects.respawn(ev.x, ev.y, colorOf(ev.player));
      else if (ev.type === GameEventType.KILL && byId.has(ev.victim)) {
        const v = byId.get(ev.victim);
        this.effects.death(v.x, v.y, colorOf(ev.victim));
      }
    }
  }

  drawLabel(p, physics, name, own) {
    const { ctx } = this;
    const r = physics.shipRadius * this.view.scale;
    const s = this.worldToScreen(p.x, p.y);
    ctx.globalAlpha = p.c === 0 ? 0.5 : 1;
    ctx.font = `${own ? 'bold ' : ''}12px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'bottom';
    ctx.fillStyle = 'rgba(0,0,0,0.6)';
    ctx.fillText(name, s.x + 1, s.y - r - 7);
    ctx.fillStyle = own ? '#ffffff' : '#cfd8e3';
    ctx.fillText(p.c === 0 ? `${name} (reconnecting)` : name, s.x, s.y - r - 8);

    const w = 36;
    const frac = Math.max(0, Math.min(1, p.hp / (physics.maxHp ?? 100)));
    const bx = s.x - w / 2;
    const by = s.y + r + 6;
    ctx.fillStyle = 'rgba(0,0,0,0.6)';
    ctx.fillRect(bx - 1, by - 1, w + 2, 6);
    ctx.fillStyle = frac > 0.5 ? '#66bb6a' : frac > 0.25 ? '#ffca28' : '#ef5350';
    ctx.fillRect(bx, by, w * frac, 4);
    ctx.globalAlpha = 1;
  }
}

function drawArena(ctx, map, scale) {
  ctx.fillStyle = '#0d1322';
  ctx.fillRect(0, 0, map.width, map.height);
  ctx.strokeStyle = 'rgba(120,160,255,0.06)';
  ctx.lineWidth = 1 / scale;
  ctx.beginPath();
  for (let x = 50; x < map.width; x += 50) {
    ctx.moveTo(x, 0);
    ctx.lineTo(x, map.height);
  }
  for (let y = 50; y < map.height; y += 50) {
    ctx.moveTo(0, y);
    ctx.lineTo(map.width, y);
  }
  ctx.stroke();

  ctx.save();
  ctx.shadowColor = '#3b82f6';
  ctx.shadowBlur = 12;
  ctx.strokeStyle = '#3b82f6';
  ctx.lineWidth = 3 / scale;
  ctx.strokeRect(0, 0, map.width, map.height);
  ctx.restore();

  for (const [x, y, w, h] of map.walls) {
    ctx.fillStyle = '#1c2740';
    ctx.fillRect(x, y, w, h);
    ctx.fillStyle = 'rgba(255,255,255,0.05)';
    ctx.fillRect(x, y, w, Math.min(h, 6));
    ctx.strokeStyle = '#5b6b8c';
    ctx.lineWidth = 2 / scale;
    ctx.strokeRect(x, y, w, h);
  }
}

function drawShip(ctx, p, r, own, now) {
  const color = colorOf(p.id);
  ctx.save();
  ctx.translate(p.x, p.y);
  ctx.globalAlpha = p.c === 0 ? 0.45 : 1;

  const speed = Math.sqrt(p.vx * p.vx + p.vy * p.vy);
  if (speed > 30) {
    // Thruster flame opposite to the motion, longer when faster.
    const back = Math.atan2(-p.vy, -p.vx);
    const len = r * (0.4 + Math.min(1, speed / 320) * 0.9);
    ctx.fillStyle = 'rgba(255,170,60,0.7)';
    ctx.beginPath();
    ctx.moveTo(Math.cos(back + 0.5) * r * 0.6, Math.sin(back + 0.5) * r * 0.6);
    ctx.lineTo(Math.cos(back) * (r * 0.6 + len), Math.sin(back) * (r * 0.6 + len));
    ctx.lineTo(Math.cos(back - 0.5) * r * 0.6, Math.sin(back - 0.5) * r * 0.6);
    ctx.fill();
  }

  if (p.st === ShipState.PROTECTED) {
    ctx.strokeStyle = 'rgba(140,200,255,0.8)';
    ctx.lineWidth = 2;
    ctx.setLineDash([6, 5]);
    ctx.lineDashOffset = -now / 40;
    ctx.beginPath();
    ctx.arc(0, 0, r + 6, 0, Math.PI * 2);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  ctx.rotate(p.a);
  ctx.shadowColor = color;
  ctx.shadowBlur = own ? 16 : 8;
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(r * 1.25, 0);
  ctx.lineTo(-r * 0.85, r * 0.8);
  ctx.lineTo(-r * 0.4, 0);
  ctx.lineTo(-r * 0.85, -r * 0.8);
  ctx.closePath();
  ctx.fill();
  ctx.shadowBlur = 0;
  ctx.lineWidth = own ? 3 : 1.5;
  ctx.strokeStyle = own ? '#ffffff' : 'rgba(0,0,0,0.5)';
  ctx.stroke();
  ctx.restore();
}

function drawShot(ctx, s, radius) {
  const color = colorOf(s.owner);
  ctx.save();
  ctx.strokeStyle = color;
  ctx.globalAlpha = 0.5;
  ctx.lineWidth = radius;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(s.x - s.vx * 0.03, s.y - s.vy * 0.03);
  ctx.lineTo(s.x, s.y);
  ctx.stroke();
  ctx.globalAlpha = 1;
  ctx.shadowColor = color;
  ctx.shadowBlur = 10;
  ctx.fillStyle = '#ffffff';
  ctx.beginPath();
  ctx.arc(s.x, s.y, radius, 0, Math.PI * 2);
  ctx.fill();
  ctx.restore();
}
