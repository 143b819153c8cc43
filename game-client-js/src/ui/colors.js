// Player colours, shared by every game's renderer and the lobby panels: a player keeps its colour.
const PALETTE = ['#4fc3f7', '#ff8a65', '#aed581', '#f06292', '#ffd54f', '#9575cd', '#4db6ac', '#e57373'];

export function colorOf(playerId) {
  return PALETTE[(Number(playerId) || 0) % PALETTE.length];
}
