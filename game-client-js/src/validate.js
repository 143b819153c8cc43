// Client-side checks of fields the server validates too, for a clear message before sending.
import { Limits } from './protocol.js';

const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** Returns why a name would be refused, or null if it is fine. */
export function nameProblem(name) {
  const trimmed = (name ?? '').trim();
  if (!trimmed) return 'Enter a name first.';
  if (trimmed.length > Limits.NAME_MAX) return `Names have at most ${Limits.NAME_MAX} characters.`;
  if (CONTROL_CHARS.test(trimmed)) return 'Names cannot contain control characters.';
  return null;
}

/** A typed room code in canonical form (upper case), or null if it cannot be a code. */
export function normaliseCode(code) {
  const c = (code ?? '').trim().toUpperCase();
  if (c.length !== Limits.CODE_LENGTH) return null;
  for (const ch of c) if (!Limits.CODE_ALPHABET.includes(ch)) return null;
  return c;
}
