/** The wire: Socket.IO sockets over one OkHttp client, the hot event path, requests, snapshot parsing. */
package io.skirmish.bots.net;
