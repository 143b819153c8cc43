// Everything drawn over the canvas as DOM: room badge, round timer, banners, kill feed, respawn
// countdown, scoreboard, connection status. Updated every frame, so it only touches the DOM when
// a text actually changes.
import { h, fill } from './dom.js';
import { Phase, ShipState } from '../protocol.js';
import { colorOf } from './colors.js';

const FEED_MS = 6000;

export class Hud {
  /** @param {HTMLElement} root @param {{onLeave: Function}} actions */
  constructor(root, actions) {
    this.roomBadge = h('div', { id: 'room-badge' });
    this.timer = h('div', { id: 'timer' });
    this.phase = h('div', { id: 'phase-note' });
    this.conn = h('span', { id: 'conn', class: 'pill' });
    this.banner = h('div', { id: 'banner', class: 'hidden' });
    this.respawn = h('div', { id: 'respawn', class: 'hidden' });
    this.feed = h('ul', { id: 'feed' });
    this.scoreboard = h('div', { id: 'scoreboard', class: 'hidden' });
    this.connLost = h('div', { id: 'conn-lost', class: 'hidden' });
    this.notice = h('div', { id: 'notice', class: 'hidden' });
    this.tabHeld = false;
    this.cache = new Map();
    this.feedKey = '';
    this.boardKey = '';
    fill(root,
      h('div', { class: 'hud-top-left' }, this.roomBadge),
      h('div', { class: 'hud-top-center' }, this.timer, this.phase, this.notice),
      h('div', { class: 'hud-top-right' }, this.conn,
        h('button', { id: 'leave', class: 'quiet small', onclick: () => actions.onLeave() }, 'Leave')),
      this.feed, this.banner, this.respawn, this.scoreboard, this.connLost,
      h('div', { class: 'hud-help' }, 'WASD fly · mouse aim · click fire · Tab scores · F3 net'));
  }

  setText(el, text) {
    if (this.cache.get(el) === text) return;
    this.cache.set(el, text);
    el.textContent = text;
    el.classList.toggle('hidden', !text);
  }

  setConnection(text, ok) {
    this.setText(this.conn, text);
    this.conn.className = `pill ${ok ? 'ok' : 'bad'}`;
    this.setText(this.connLost, ok ? '' : text);
  }

  /** A line under the timer for news that is not a phase (server restarting). */
  setNotice(text) {
    this.setText(this.notice, text ?? '');
  }

  /**
   * @param {import('../games/arena/session.js').GameSession} session
   * @param {object} frame session.frame() output
   * @param {number} localNow
   */
  update(session, frame, localNow) {
    const { room } = session;
    const spectating = session.spectator ? ' · spectating' : '';
    this.setText(this.roomBadge, (room.code ? `Room ${room.code}` : 'Public arena') + spectating);

    const left = frame.phaseEndsAt && frame.serverNow !== null
      ? Math.max(0, frame.phaseEndsAt - frame.serverNow) : null;
    this.setText(this.timer, frame.phase === Phase.PLAYING && left !== null ? clock(left) : '');
    this.setText(this.phase, phaseNote(frame, left, room.private));
    this.setText(this.banner, frame.phase === Phase.COUNTDOWN && left !== null
      ? `Starting in ${Math.ceil(left / 1000)}` : '');

    const me = session.ownShip();
    this.setText(this.respawn, me && me.st === ShipState.DEAD
      ? `Respawning in ${((me.r ?? 0) / session.game.tickRate).toFixed(1)} s` : '');

    this.updateFeed(session, localNow);
    this.updateScoreboard(session, frame);
  }

  updateFeed(session, localNow) {
    const recent = session.feed.filter((f) => localNow - f.at < FEED_MS);
    const key = recent.map((f) => `${f.at}`).join();
    if (key === this.feedKey) return;
    this.feedKey = key;
    fill(this.feed, recent.map((f) => h('li', {},
      h('span', { style: `color:${colorOf(f.killer)}` }, session.nameOf(f.killer)),
      ' ✦ ',
      h('span', { style: `color:${colorOf(f.victim)}` }, session.nameOf(f.victim)))));
  }

  updateScoreboard(session, frame) {
    const roundOver = frame.phase === Phase.ROUNDOVER && session.roundEnd;
    const visible = this.tabHeld || Boolean(roundOver);
    this.scoreboard.classList.toggle('hidden', !visible);
    if (!visible) return;
    const rows = roundOver
      ? session.roundEnd.scoreboard
      : (session.latest?.players ?? [])
        .map((p) => ({ id: p.id, name: session.nameOf(p.id), score: p.sc, kills: p.k, deaths: p.d }))
        .sort((a, b) => b.score - a.score || a.deaths - b.deaths);
    const title = roundOver
      ? `Round ${session.roundEnd.round} over · ${winnerText(session, session.roundEnd.winner)}`
      : `Round ${frame.round || '–'}`;
    const key = title + JSON.stringify(rows);
    if (key === this.boardKey) return;
    this.boardKey = key;
    fill(this.scoreboard,
      h('h2', {}, title),
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', {}, 'Player'), h('th', {}, 'Score'), h('th', {}, 'Kills'), h('th', {}, 'Deaths'))),
        h('tbody', {}, rows.map((r) => h('tr', { class: r.id === session.playerId ? 'me' : '' },
          h('td', { style: `color:${colorOf(r.id)}` }, r.name ?? session.nameOf(r.id)),
          h('td', {}, String(r.score)), h('td', {}, String(r.kills)), h('td', {}, String(r.deaths)))))));
  }
}

function winnerText(session, winner) {
  if (winner === null || winner === undefined) return 'no winner';
  return `${session.nameOf(winner)} wins`;
}

function phaseNote(frame, left, privateRoom) {
  switch (frame.phase) {
    case Phase.LOBBY:
      return 'Warm-up · waiting for the host to start';
    case Phase.ROUNDOVER: {
      // Private rooms go back to their lobby; public rooms start the next round on their own.
      const next = privateRoom ? 'back to the lobby' : 'next round';
      return left !== null ? `Round over · ${next} in ${Math.ceil(left / 1000)} s` : 'Round over';
    }
    case Phase.PLAYING:
      return frame.round ? `Round ${frame.round}` : '';
    default:
      return '';
  }
}

function clock(ms) {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
