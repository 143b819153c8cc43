// The client modules of the games, by the id the server gives in the join answer (`game.id`).
// Adding a game is one module under games/ and one line here.
import arena from './arena/index.js';
import tag from './tag/index.js';

export const GAMES = Object.freeze({ arena, tag });

/** The module for a game id (the arena for a server too old to say). */
export function gameModule(id) {
  return GAMES[id] ?? arena;
}
