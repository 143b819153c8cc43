// The lobby screen: name, quick play, private rooms by code, the public room list.
import { h, fill } from './dom.js';
import { Limits } from '../protocol.js';
import { nameProblem, normaliseCode } from '../validate.js';
import { GAMES } from '../games/index.js';

const NAME_KEY = 'skirmish.name';

export class Lobby {
  /**
   * @param {HTMLElement} root
   * @param {{onQuickplay:Function, onCreate:Function, onJoin:Function, onSpectate:Function}} actions
   *   each called with the validated fields; they return promises and report through setMessage
   * @param {{name?:string, code?:string}} initial from the URL
   */
  constructor(root, actions, initial) {
    this.root = root;
    this.actions = actions;
    this.nameInput = h('input', {
      id: 'name', maxlength: Limits.NAME_MAX, placeholder: 'Your name', autocomplete: 'nickname',
      value: initial.name ?? localStorage.getItem(NAME_KEY) ?? '',
    });
    this.codeInput = h('input', {
      id: 'code', maxlength: Limits.CODE_LENGTH, placeholder: 'CODE', autocomplete: 'off',
      value: initial.code ?? '', oninput: () => { this.codeInput.value = this.codeInput.value.toUpperCase(); },
    });
    this.passwordInput = h('input', { id: 'password', type: 'password', maxlength: Limits.PASSWORD_MAX, placeholder: 'Room password' });
    this.passwordRow = h('div', { class: 'row hidden' }, this.passwordInput);
    this.message = h('div', { id: 'lobby-message', class: 'message hidden', role: 'alert' });
    this.status = h('span', { id: 'lobby-status', class: 'pill' });
    this.rooms = h('div', { id: 'rooms', class: 'rooms' });
    // The game to quick play or create: the server's catalog (GET /api/games), rules from its module.
    this.gameSelect = h('select', { id: 'lobby-game', onchange: () => this.showRules() });
    this.rules = h('p', { id: 'game-rules', class: 'muted' });
    this.catalog = [];
    this.setGames([{ id: 'arena', name: 'Arena', maps: ['arena', 'pillars'], quickplay: true }]);
    this.buttons = [
      h('button', { id: 'quickplay', class: 'primary', onclick: () => this.run('onQuickplay') }, 'Quick play'),
      h('button', { id: 'create', onclick: () => this.run('onCreate') }, 'Create private room'),
      h('button', { id: 'join', onclick: () => this.run('onJoin', true) }, 'Join'),
      h('button', { id: 'spectate', class: 'quiet', onclick: () => this.run('onSpectate', true) }, 'Spectate'),
    ];
    const [quick, create, join, spectate] = this.buttons;
    this.invited = h('div', { class: 'invite-note hidden' });

    this.codeInput.addEventListener('keydown', (e) => e.key === 'Enter' && this.run('onJoin', true));
    this.nameInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') this.run(this.codeInput.value ? 'onJoin' : 'onQuickplay', Boolean(this.codeInput.value));
    });

    fill(root,
      h('header', { class: 'brand' }, h('h1', {}, 'SKIRMISH'), this.status),
      h('p', { class: 'tagline' }, 'Fast arena dogfights in your browser.'),
      this.message,
      this.invited,
      h('section', { class: 'card' },
        h('label', { for: 'name' }, 'Name'), this.nameInput,
        h('label', { for: 'lobby-game' }, 'Game'), this.gameSelect, this.rules,
        h('div', { class: 'row' }, quick, create),
        h('label', { for: 'code' }, 'Have a code?'),
        h('div', { class: 'row' }, this.codeInput, join, spectate),
        this.passwordRow),
      h('section', { class: 'card' }, h('h2', {}, 'Public rooms'), this.rooms),
      h('footer', { class: 'help' },
        'WASD / arrows to fly · mouse to aim · click or hold to fire · Tab scores · F3 or ` net stats'));
    if (initial.code) this.showInvite(initial.code);
  }

  show() {
    this.root.classList.remove('hidden');
  }

  /** @param {Array<{id:string, name:string, maps:string[]}>} games `GET /api/games` games */
  setGames(games) {
    const chosen = this.gameSelect.value;
    this.catalog = games;
    fill(this.gameSelect, games.map((g) => h('option', { value: g.id, selected: g.id === chosen }, g.name)));
    this.showRules();
  }

  /** The chosen game's id. */
  get game() {
    return this.gameSelect.value || 'arena';
  }

  showRules() {
    this.rules.textContent = GAMES[this.game]?.rules ?? '';
  }

  hide() {
    this.root.classList.add('hidden');
  }

  focusName() {
    this.nameInput.focus();
  }

  showInvite(code) {
    this.invited.textContent = `You are invited to room ${code}. Enter your name and press Join.`;
    this.invited.classList.remove('hidden');
    const [quick, , join] = this.buttons;
    quick.classList.remove('primary');
    join.classList.add('primary');
  }

  /** The invitation is used up (joined, then left or removed): back to a plain lobby. */
  clearInvite() {
    this.invited.classList.add('hidden');
    const [quick, , join] = this.buttons;
    join.classList.remove('primary');
    quick.classList.add('primary');
  }

  setMessage(text, kind = 'error') {
    this.message.textContent = text ?? '';
    this.message.className = `message ${kind}${text ? '' : ' hidden'}`;
  }

  setStatus(text, ok) {
    this.status.textContent = text;
    this.status.className = `pill ${ok ? 'ok' : 'bad'}`;
  }

  askPassword() {
    this.passwordRow.classList.remove('hidden');
    this.passwordInput.focus();
  }

  setBusy(busy) {
    for (const b of this.buttons) b.disabled = busy;
  }

  /** @param {Array|null} rooms `GET /api/rooms` rooms, or null when it failed */
  setRooms(rooms) {
    if (rooms === null) {
      fill(this.rooms, h('p', { class: 'muted' }, 'Server unreachable.'));
    } else if (!rooms.length) {
      fill(this.rooms, h('p', { class: 'muted' }, 'No public rooms yet. Quick play starts one.'));
    } else {
      fill(this.rooms, h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Game'), h('th', {}, 'Map'), h('th', {}, 'Phase'), h('th', {}, 'Players'))),
        h('tbody', {}, rooms.map((r) => h('tr', {},
          h('td', {}, r.game ?? ''), h('td', {}, r.map ?? ''), h('td', {}, r.phase ?? ''), h('td', {}, `${r.players} / ${r.capacity}`))))));
    }
  }

  /** Validates the fields an action needs and calls it. */
  async run(action, needsCode = false) {
    const name = this.nameInput.value.trim();
    const problem = nameProblem(name);
    if (problem) {
      this.setMessage(problem);
      this.focusName();
      return;
    }
    const fields = { name, game: this.game };
    if (needsCode) {
      fields.code = normaliseCode(this.codeInput.value);
      if (!fields.code) {
        this.setMessage(`A room code has ${Limits.CODE_LENGTH} letters or digits.`);
        this.codeInput.focus();
        return;
      }
      if (this.passwordInput.value) fields.password = this.passwordInput.value;
    }
    localStorage.setItem(NAME_KEY, name);
    this.setMessage(null);
    this.setBusy(true);
    try {
      await this.actions[action](fields);
    } finally {
      this.setBusy(false);
    }
  }
}
