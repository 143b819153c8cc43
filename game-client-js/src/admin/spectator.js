// Any game's renderer as an all-seeing spectator: the console's live view and the replay viewer draw
// a room with the renderer of its game's client module (games/index.js, by the game id), fed the
// module's spectatorFrame of each snapshot.
import { gameModule } from '../games/index.js';

export class SpectatorView {
  /**
   * @param canvas where to draw
   * @param fitBox true: the renderer fills the canvas's own box (a panel), not the window
   */
  constructor(canvas, { fitBox = false, insetLeft = 0 } = {}) {
    this.canvas = canvas;
    this.fitBox = fitBox;
    this.insetLeft = insetLeft;
    this.gameId = null;
    this.module = null;
    this.renderer = null;
  }

  /** The renderer of game `id`, made anew when the room's game changes. */
  use(id) {
    const module = gameModule(id);
    if (this.module === module) return;
    this.module = module;
    this.gameId = module.id;
    this.renderer = module.createRenderer(this.canvas);
    this.renderer.insetLeft = this.insetLeft;
    if (this.fitBox) {
      // The renderers size the canvas to the window as they are made: the panel's CSS sizes it instead.
      this.canvas.style.width = '';
      this.canvas.style.height = '';
      if ('insetTop' in this.renderer) this.renderer.insetTop = 16;
      this.renderer.resize = function resizeToBox() {
        this.dpr = window.devicePixelRatio || 1;
        this.width = Math.max(1, this.canvas.clientWidth);
        this.height = Math.max(1, this.canvas.clientHeight);
        this.canvas.width = Math.round(this.width * this.dpr);
        this.canvas.height = Math.round(this.height * this.dpr);
      };
    }
    this.renderer.resize();
  }

  resize() {
    this.renderer?.resize();
  }

  /** Draws one snapshot (live JSON or a replay frame) of a room of game `id` described by `game`. */
  draw(id, snap, { game, nameOf, frameMs, now }) {
    this.use(id);
    this.renderer.draw(this.module.spectatorFrame(snap), { game, ownId: null, nameOf, frameMs, now });
  }
}
