// Short-lived particles and rings for hits, deaths and respawns, in world coordinates.

export class Effects {
  constructor(random = Math.random) {
    this.random = random;
    this.particles = [];
    this.rings = [];
  }

  burst(x, y, color, count, speed, lifeMs) {
    for (let i = 0; i < count; i++) {
      const angle = this.random() * Math.PI * 2;
      const v = speed * (0.3 + this.random() * 0.7);
      this.particles.push({
        x, y, color,
        vx: Math.cos(angle) * v,
        vy: Math.sin(angle) * v,
        life: lifeMs * (0.6 + this.random() * 0.4),
        age: 0,
      });
    }
  }

  ring(x, y, color, radius, lifeMs) {
    this.rings.push({ x, y, color, radius, life: lifeMs, age: 0 });
  }

  hit(x, y, color) {
    this.burst(x, y, color, 10, 220, 350);
    this.ring(x, y, '#ffffff', 22, 180);
  }

  death(x, y, color) {
    this.burst(x, y, color, 36, 380, 900);
    this.burst(x, y, '#ffd27a', 14, 200, 600);
    this.ring(x, y, color, 90, 550);
  }

  /** A short cone of sparks along `angle`, the moment the own ship fires. */
  muzzle(x, y, angle, color) {
    for (let i = 0; i < 6; i++) {
      const a = angle + (this.random() - 0.5) * 0.6;
      const v = 250 + this.random() * 200;
      this.particles.push({ x, y, color, vx: Math.cos(a) * v, vy: Math.sin(a) * v, life: 120, age: 0 });
    }
    this.ring(x, y, '#ffffff', 10, 90);
  }

  respawn(x, y, color) {
    this.ring(x, y, color, 60, 500);
  }

  update(frameMs) {
    const dt = frameMs / 1000;
    for (const p of this.particles) {
      p.age += frameMs;
      p.x += p.vx * dt;
      p.y += p.vy * dt;
      p.vx *= 1 - 2.5 * dt;
      p.vy *= 1 - 2.5 * dt;
    }
    for (const r of this.rings) r.age += frameMs;
    this.particles = this.particles.filter((p) => p.age < p.life);
    this.rings = this.rings.filter((r) => r.age < r.life);
  }

  /** Draws in the current (world) transform. */
  draw(ctx) {
    ctx.save();
    ctx.globalCompositeOperation = 'lighter';
    for (const p of this.particles) {
      ctx.globalAlpha = 1 - p.age / p.life;
      ctx.fillStyle = p.color;
      ctx.fillRect(p.x - 2, p.y - 2, 4, 4);
    }
    for (const r of this.rings) {
      const t = r.age / r.life;
      ctx.globalAlpha = 1 - t;
      ctx.strokeStyle = r.color;
      ctx.lineWidth = 3 * (1 - t) + 1;
      ctx.beginPath();
      ctx.arc(r.x, r.y, r.radius * (0.3 + 0.7 * t), 0, Math.PI * 2);
      ctx.stroke();
    }
    ctx.restore();
  }
}
