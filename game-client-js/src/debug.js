// window.skirmish: a read-only view of the client for automated probes (the e2e test) and for
// curious players in the console. Refreshed every animation frame.

/** @param {{dropConnection: () => void}} actions debugging actions exposed with the state */
export function publishDebug(actions, target = window) {
  const hook = {
    state: 'lobby', // lobby | joining | playing | spectating | reconnecting
    connection: 'connecting',
    roomCode: null,
    playerId: null,
    phase: null,
    tick: null,
    rtt: null,
    clockOffset: null,
    snapshotHz: 0,
    interpDelay: null, // ms behind the punctual snapshot arrival line (latency not included)
    snapshotJitter: null, // ms, the high-percentile snapshot lateness the delay adapts to
    renderLag: null, // ms the remote ships are drawn behind the server's present
    stalls: 0,
    screenHits: 0, // own shots drawn hitting a ship
    extrapolatedMs: 0, // > 0 while remote ships are drawn past the newest snapshot
    pendingInputs: 0,
    corrections: 0,
    players: [], // [{id, x, y, st}] as drawn in the latest frame
    shots: [], // [{id, owner, x, y}] as drawn in the latest frame
    hits: [], // the latest `hit` game events, oldest first (at most 1000)
    frameTime: 0, // that frame's timestamp (performance.now() clock)
    ...actions,
  };
  target.skirmish = hook;
  return hook;
}
