// The arena's client module: its session (prediction of the own ship, interpolation of the rest,
// own shots), its renderer and HUD, and its rules text for the lobby.
import { GameSession } from './session.js';
import { Renderer } from './renderer.js';

export default {
  id: 'arena',
  rules: 'Fly with WASD or the arrows, aim with the mouse, click to fire. A kill scores 1; '
    + 'the most kills when time runs out wins.',
  help: 'WASD / arrows to fly · mouse to aim · click or hold to fire · Tab scores · F3 or ` net stats',
  createSession: (join, clock, options) => new GameSession(join, clock, options),
  createRenderer: (canvas) => new Renderer(canvas),
  updateHud: (hud, session, frame, now) => hud.update(session, frame, now),
  /** A snapshot as the renderer draws it for a spectator who sees everything (console, replay viewer). */
  spectatorFrame: (snap) => ({
    players: snap.players || [],
    shots: (snap.shots || []).map(([id, x, y, vx, vy, owner]) => ({ id, x, y, vx, vy, owner })),
    flashes: [],
    effects: [],
  }),
};
