// Any game's renderer as an all-seeing spectator: the console's live view and the replay viewer draw
// a room with the renderer of its game's client module (games/index.js, by the game id), fed the
// module's spectatorFrame of each snapshot.
import { gameModule } from '../games/index.js';

export class SpectatorView {
  /**
   * @param canvas where to draw
   * @param fitBox true: the renderer fills the canvas's own box (a panel), not the window
   * @param insets room to leave for the page around the view ({left, top, bottom}), where the
   *     game's renderer takes it (top and bottom: Tag's; the arena keeps its own margins)
   */
  constructor(canvas, { fitBox = false, insets = {} } = {}) {
    this.canvas = canvas;
    this.fitBox = fitBox;
    this.insets = { left: 0, top: fitBox ? 16 : undefined, bottom: undefined, ...insets };
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
    this.renderer.insetLeft = this.insets.left;
    if ('insetTop' in this.renderer && this.insets.top !== undefined) this.renderer.insetTop = this.insets.top;
    if ('insetBottom' in this.renderer && this.insets.bottom !== undefined) this.renderer.insetBottom = this.insets.bottom;
    if (this.fitBox) {
      // The renderers size the canvas to the window as they are made: the panel's CSS sizes it instead.
      this.canvas.style.width = '';
      this.canvas.style.height = '';
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
