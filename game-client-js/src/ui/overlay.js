// The net overlay (F3 or backtick): live netcode numbers and the network simulator's controls.
import { h, fill } from './dom.js';

const FIELDS = [
  ['lag', 'Added RTT (ms)'],
  ['jitter', 'Jitter (ms)'],
  ['stall', 'Stall length (ms)'],
  ['stallEvery', 'Mean time between stalls (ms)'],
];

export class NetOverlay {
  /**
   * @param {HTMLElement} root
   * @param {import('../net/netsim.js').NetSim} netsim
   */
  constructor(root, netsim) {
    this.root = root;
    this.netsim = netsim;
    this.stats = h('table', { class: 'stats' });
    this.lastRender = 0;
    const inputs = FIELDS.map(([key, label]) => h('label', {}, label,
      h('input', {
        type: 'number', min: 0, step: key === 'stallEvery' ? 1000 : 10, value: netsim.conditions[key],
        onchange: (e) => {
          const v = Number(e.target.value);
          if (Number.isFinite(v) && v >= 0) netsim.set({ [key]: v });
        },
      })));
    fill(root, h('h3', {}, 'Network'), this.stats, h('h3', {}, 'Simulated conditions'), inputs,
      h('p', { class: 'muted' }, 'Also as URL parameters: ?lag=150&jitter=30&stall=500&stallEvery=8000'));
    if (netsim.active) this.root.classList.remove('hidden');
  }

  toggle() {
    this.root.classList.toggle('hidden');
  }

  get visible() {
    return !this.root.classList.contains('hidden');
  }

  /** @param {Array<[string, string]>} rows label and value; redrawn at most 5 times a second */
  update(rows, now) {
    if (!this.visible || now - this.lastRender < 200) return;
    this.lastRender = now;
    fill(this.stats, rows.map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, v))));
  }
}
