/**
 * The operator's console: {@code GET /admin} (a static page bundled with the browser client) and a
 * JSON API under {@code /admin/api/}, on the game server's HTTP port but apart from the players'
 * Socket.IO namespace. Every API request needs the admin token, as {@code Authorization: Bearer}
 * or as the HTTP-only, SameSite=Strict session cookie set by the login form; a token in a URL is
 * refused. Operator actions (kick, lock, close, message, drain, recording downloads) are logged with
 * the room and the action, never with a token.
 */
package io.skirmish.admin;
