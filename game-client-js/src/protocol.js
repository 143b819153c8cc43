// The wire contract's names, in one place (docs/protocol.md). Nothing else in the client spells
// an event name or an error code as a string literal.

/** Client-to-server requests (all but INPUT carry an ack). */
export const C2S = Object.freeze({
  TIME_SYNC: 'time:sync',
  QUICKPLAY: 'room:quickplay',
  CREATE: 'room:create',
  JOIN: 'room:join',
  REJOIN: 'room:rejoin',
  SPECTATE: 'room:spectate',
  LEAVE: 'room:leave',
  READY: 'room:ready',
  SETTINGS: 'room:settings',
  START: 'room:start',
  KICK: 'room:kick',
  LOCK: 'room:lock',
  TRANSFER_HOST: 'room:transfer-host',
  INPUT: 'input',
});

/** Server-to-client events. */
export const S2C = Object.freeze({
  SNAPSHOT: 'snapshot',
  ROOM_UPDATE: 'room:update',
  GAME_EVENT: 'game:event',
  GAME_INFO: 'game:info',
  KICKED: 'room:kicked',
  CLOSED: 'room:closed',
  SERVER_ERROR: 'server:error',
  SHUTDOWN: 'server:shutdown',
  NOTICE: 'room:notice',
});

/** `type` values of `game:event`. */
export const GameEventType = Object.freeze({
  HIT: 'hit',
  KILL: 'kill',
  RESPAWN: 'respawn',
  ROUND_START: 'round:start',
  ROUND_END: 'round:end',
});

/** Room phases. */
export const Phase = Object.freeze({
  LOBBY: 'lobby',
  COUNTDOWN: 'countdown',
  PLAYING: 'playing',
  ROUNDOVER: 'roundover',
});

/** Snapshot player `st` values. */
export const ShipState = Object.freeze({ ALIVE: 0, PROTECTED: 1, DEAD: 2 });

/** Error codes in `{ok:false, error:{code}}` acks and `server:error`. */
export const ErrorCode = Object.freeze({
  BAD_REQUEST: 'BAD_REQUEST',
  ROOM_NOT_FOUND: 'ROOM_NOT_FOUND',
  ROOM_FULL: 'ROOM_FULL',
  ROOM_LOCKED: 'ROOM_LOCKED',
  BAD_PASSWORD: 'BAD_PASSWORD',
  NOT_IN_ROOM: 'NOT_IN_ROOM',
  NOT_HOST: 'NOT_HOST',
  SEAT_EXPIRED: 'SEAT_EXPIRED',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVER_DRAINING: 'SERVER_DRAINING',
  SERVER_FULL: 'SERVER_FULL',
  BAD_STATE: 'BAD_STATE',
  MOVED: 'MOVED', // cluster: repeat the request at moveTo.url with moveTo.reservation (the connection does it)
  CLUSTER_UNAVAILABLE: 'CLUSTER_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
});

/** Codes this client makes up for failures that never reached the server. */
export const ClientErrorCode = Object.freeze({
  TIMEOUT: 'TIMEOUT',
  DISCONNECTED: 'DISCONNECTED',
});

/** Field limits the server enforces; checked before sending to give a clear message. */
export const Limits = Object.freeze({
  NAME_MAX: 16,
  PASSWORD_MAX: 64,
  CODE_LENGTH: 5,
  CODE_ALPHABET: 'ABCDEFGHJKMNPQRSTUVWXYZ23456789',
});

/** Room settings ranges and choices (room:settings). */
export const SettingsLimits = Object.freeze({
  maxPlayers: [2, 16],
  roundSeconds: [30, 1800],
  maps: ['arena', 'pillars'],
});
