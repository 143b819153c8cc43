// Binds keyboard, mouse and touch to a ControlState. Held keys are forgotten when the window
// loses focus, otherwise a key released elsewhere would keep the ship flying.
import { ControlState } from '../game/input.js';

const STICK_RADIUS_PX = 60;

/**
 * @param {{canvas: HTMLCanvasElement, controls: ControlState, onToggleOverlay: Function,
 *          onScoreboard: (held: boolean) => void}} options
 */
export function bindControls({ canvas, controls, onToggleOverlay, onScoreboard }) {
  const typing = (e) => e.target instanceof HTMLElement && e.target.closest('input, select, textarea');

  window.addEventListener('keydown', (e) => {
    if (e.code === 'F3' || (e.code === 'Backquote' && !typing(e))) {
      e.preventDefault();
      if (!e.repeat) onToggleOverlay();
      return;
    }
    if (typing(e)) return;
    if (e.code === 'Tab') {
      e.preventDefault();
      onScoreboard(true);
    } else if (ControlState.isMoveKey(e.code)) {
      e.preventDefault(); // arrows would scroll
      controls.keys.add(e.code);
    }
  });
  window.addEventListener('keyup', (e) => {
    if (e.code === 'Tab') onScoreboard(false);
    controls.keys.delete(e.code);
  });
  const release = () => {
    controls.clear();
    onScoreboard(false);
  };
  window.addEventListener('blur', release);
  document.addEventListener('visibilitychange', () => document.hidden && release());

  // Mouse aims and fires; on touch screens the left half is a movement stick and a touch on the
  // right half aims there and fires while held.
  let stick = null; // {id, x, y} where the stick touch started
  canvas.addEventListener('pointerdown', (e) => {
    if (e.pointerType === 'touch' && e.clientX < window.innerWidth / 2) {
      stick = { id: e.pointerId, x: e.clientX, y: e.clientY };
      controls.stick = [0, 0];
    } else if (e.button === 0) {
      controls.pointer = { x: e.clientX, y: e.clientY };
      controls.firing = true;
    }
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (stick && e.pointerId === stick.id) {
      let dx = (e.clientX - stick.x) / STICK_RADIUS_PX;
      let dy = (e.clientY - stick.y) / STICK_RADIUS_PX;
      const len = Math.sqrt(dx * dx + dy * dy);
      if (len > 1) {
        dx /= len;
        dy /= len;
      }
      controls.stick = [dx, dy];
    } else {
      controls.pointer = { x: e.clientX, y: e.clientY };
    }
  });
  const up = (e) => {
    if (stick && e.pointerId === stick.id) {
      stick = null;
      controls.stick = null;
    } else {
      controls.firing = false;
    }
  };
  canvas.addEventListener('pointerup', up);
  canvas.addEventListener('pointercancel', up);
  canvas.addEventListener('contextmenu', (e) => e.preventDefault());
}
