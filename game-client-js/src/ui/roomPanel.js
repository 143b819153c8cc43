// The side panel of a private room between rounds: invite link, players and their ready state,
// and for the host: start, kick, lock, transfer host and the room settings.
import { h, fill } from './dom.js';
import { Phase, SettingsLimits, Limits } from '../protocol.js';
import { colorOf } from './colors.js';
import { errorText } from './messages.js';

export class RoomPanel {
  /**
   * @param {HTMLElement} root
   * @param {{onReady, onStart, onKick, onLock, onTransfer, onSettings}} actions each returns an ack promise
   */
  constructor(root, actions) {
    this.root = root;
    this.actions = actions;
    this.message = h('div', { class: 'message hidden' });
    this.body = h('div');
    this.collapsed = false;
    this.renderedKey = '';
    this.hostKey = '';
    this.hostEl = null;
    fill(root,
      h('button', { class: 'collapse quiet small', title: 'Hide or show', onclick: () => this.toggle() }, '⇔'),
      this.body, this.message);
  }

  toggle() {
    this.collapsed = !this.collapsed;
    this.root.classList.toggle('collapsed', this.collapsed);
  }

  get visible() {
    return !this.root.classList.contains('hidden');
  }

  /** Screen width the panel covers, counting its margin, so the arena can be drawn beside it. */
  get width() {
    const box = this.root.getBoundingClientRect();
    return box.right + 8;
  }

  hide() {
    this.root.classList.add('hidden');
    this.renderedKey = '';
    this.hostKey = '';
  }

  /** Shows the panel for a private room between rounds; hides it otherwise. */
  update(room, you) {
    const between = room.phase === Phase.LOBBY || room.phase === Phase.ROUNDOVER;
    if (!room.private || !between) {
      this.hide();
      return;
    }
    this.root.classList.remove('hidden');
    const key = JSON.stringify([room, you.id]);
    if (key === this.renderedKey) return;
    this.renderedKey = key;
    const isHost = you.id !== null && room.hostId === you.id;
    const link = inviteLink(room.code);
    const linkInput = h('input', { id: 'invite-link', readonly: true, value: link, onfocus: (e) => e.target.select() });
    const me = room.players.find((p) => p.id === you.id);

    fill(this.body,
      h('h2', {}, 'Room ', h('span', { id: 'room-code', class: 'code' }, room.code)),
      h('div', { class: 'row' }, linkInput,
        h('button', { class: 'small', onclick: () => this.copy(link) }, 'Copy')),
      h('ul', { class: 'players' }, room.players.map((p) => this.playerRow(p, room, you, isHost))),
      room.spectators ? h('p', { class: 'muted' }, `${room.spectators} watching`) : null,
      me ? h('button', {
        id: 'ready', class: me.ready ? 'primary' : '',
        onclick: () => this.act(this.actions.onReady(!me.ready)),
      }, me.ready ? 'Ready ✓' : 'Ready?') : null,
      isHost ? this.hostSection(room) : settingsSummary(room.settings, room.locked));
  }

  // The settings form is kept while nothing it shows changed, so a player readying up does not
  // wipe what the host is typing.
  hostSection(room) {
    const key = JSON.stringify([room.settings, room.locked, room.phase]);
    if (key !== this.hostKey) {
      this.hostKey = key;
      this.hostEl = this.hostControls(room);
    }
    return this.hostEl;
  }

  playerRow(p, room, you, isHost) {
    const isSelf = p.id === you.id;
    return h('li', { class: p.connected === false ? 'offline' : '' },
      h('span', { class: 'dot', style: `background:${colorOf(p.id)}` }),
      h('span', { class: 'pname' }, p.name, isSelf ? ' (you)' : ''),
      p.host ? h('span', { class: 'tag', title: 'host' }, '★ host') : null,
      p.ready ? h('span', { class: 'tag ok' }, 'ready') : null,
      p.connected === false ? h('span', { class: 'tag' }, 'offline') : null,
      isHost && !isSelf ? h('span', { class: 'actions' },
        h('button', { class: 'small quiet', onclick: () => this.act(this.actions.onTransfer(p.id)) }, 'Make host'),
        h('button', { class: 'small danger', onclick: () => this.act(this.actions.onKick(p.id)) }, 'Kick')) : null);
  }

  hostControls(room) {
    const s = room.settings;
    const [minP, maxP] = SettingsLimits.maxPlayers;
    const [minS, maxS] = SettingsLimits.roundSeconds;
    const maxPlayers = h('input', { type: 'number', min: minP, max: maxP, value: s.maxPlayers });
    const roundSeconds = h('input', { type: 'number', min: minS, max: maxS, step: 30, value: s.roundSeconds });
    // Games and their maps from the server's catalog (GET /api/games); switching game picks its default map.
    const games = this.games?.length ? this.games : [{ id: s.game ?? 'arena', name: s.game ?? 'arena', maps: SettingsLimits.maps }];
    const mapsOf = (id) => games.find((g) => g.id === id)?.maps ?? [s.map];
    const map = h('select', {}, mapsOf(s.game).map((m) => h('option', { value: m, selected: m === s.map }, m)));
    const game = h('select', {
      id: 'room-game',
      onchange: () => fill(map, mapsOf(game.value).map((m) => h('option', { value: m }, m))),
    }, games.map((g) => h('option', { value: g.id, selected: g.id === s.game }, g.name)));
    const password = h('input', {
      type: 'text', maxlength: Limits.PASSWORD_MAX,
      placeholder: s.hasPassword ? 'password set (blank keeps it)' : 'no password',
    });
    const clearPassword = h('input', { type: 'checkbox' });
    const spectators = h('input', { type: 'checkbox', checked: s.spectators });
    const apply = () => {
      const settings = {
        maxPlayers: Number(maxPlayers.value),
        roundSeconds: Number(roundSeconds.value),
        game: game.value,
        map: map.value,
        spectators: spectators.checked,
      };
      if (clearPassword.checked) settings.password = '';
      else if (password.value) settings.password = password.value;
      this.act(this.actions.onSettings(settings));
    };
    const inLobby = room.phase === Phase.LOBBY;
    return h('div', { class: 'host' },
      h('div', { class: 'row' },
        h('button', { id: 'start', class: 'primary', onclick: () => this.act(this.actions.onStart()) }, 'Start round'),
        h('button', { id: 'lock', onclick: () => this.act(this.actions.onLock(!room.locked)) },
          room.locked ? 'Unlock room' : 'Lock room')),
      h('fieldset', { disabled: !inLobby },
        h('legend', {}, inLobby ? 'Settings' : 'Settings (between rounds: in the lobby only)'),
        h('label', {}, 'Max players ', maxPlayers),
        h('label', {}, 'Round seconds ', roundSeconds),
        h('label', {}, 'Game ', game),
        h('label', {}, 'Map ', map),
        h('label', {}, 'Password ', password),
        s.hasPassword ? h('label', {}, clearPassword, ' remove password') : null,
        h('label', {}, spectators, ' allow spectators'),
        h('button', { class: 'small', onclick: apply }, 'Apply')));
  }

  async act(promise) {
    const ack = await promise;
    const failed = ack && ack.ok === false;
    this.message.textContent = failed ? errorText(ack.error) : '';
    this.message.className = `message error${failed ? '' : ' hidden'}`;
  }

  async copy(link) {
    try {
      await navigator.clipboard.writeText(link);
      this.flash('Invite link copied.');
    } catch {
      this.flash('Select the link and copy it.');
    }
  }

  flash(text) {
    this.message.textContent = text;
    this.message.className = 'message info';
  }
}

/** The link that opens this client and joins the room. */
export function inviteLink(code) {
  const url = new URL(window.location.href);
  url.search = '';
  url.hash = '';
  url.searchParams.set('room', code);
  return url.toString();
}

function settingsSummary(s, locked) {
  return h('p', { class: 'muted' },
    `${s.game ?? ''} · ${s.map} · up to ${s.maxPlayers} players · ${s.roundSeconds} s rounds`,
    s.hasPassword ? ' · password' : '', locked ? ' · locked' : '', s.spectators ? '' : ' · no spectators');
}
