// Words for the player: error codes and connection states.
import { ClientErrorCode, ErrorCode } from '../protocol.js';
import { Status } from '../net/connection.js';

const ERRORS = {
  [ErrorCode.ROOM_NOT_FOUND]: 'No room has that code. Check the code, or the room may have ended.',
  [ErrorCode.ROOM_FULL]: 'That room is full.',
  [ErrorCode.ROOM_LOCKED]: 'The host has locked that room.',
  [ErrorCode.BAD_PASSWORD]: 'That room needs the right password.',
  [ErrorCode.SEAT_EXPIRED]: 'Your seat in the room was given up.',
  [ErrorCode.RATE_LIMITED]: 'Too many attempts. Wait a minute and try again.',
  [ErrorCode.SERVER_DRAINING]: 'The server is restarting. Try again in a moment.',
  [ErrorCode.SERVER_FULL]: 'The server is full. Try again later.',
  [ErrorCode.NOT_HOST]: 'Only the host can do that.',
  [ErrorCode.BAD_STATE]: 'Not possible right now.',
  [ErrorCode.NOT_IN_ROOM]: 'You are not in a room.',
  [ErrorCode.BAD_REQUEST]: 'The server refused that request.',
  [ClientErrorCode.TIMEOUT]: 'The server did not answer. It may be unreachable.',
  [ClientErrorCode.DISCONNECTED]: 'Not connected to the server.',
};

/** A sentence for a failed ack's `error`. */
export function errorText(error) {
  if (!error) return 'Something went wrong.';
  if (error.code === ErrorCode.INTERNAL) return `Server error (${error.message ?? 'no id'}).`;
  return ERRORS[error.code] ?? error.message ?? String(error.code);
}

export const STATUS_TEXT = Object.freeze({
  [Status.CONNECTING]: 'Connecting…',
  [Status.CONNECTED]: 'Connected',
  [Status.RECONNECTING]: 'Connection lost, reconnecting…',
  [Status.UNREACHABLE]: 'Server unreachable, retrying…',
  [Status.REFUSED]: 'Disconnected',
});
