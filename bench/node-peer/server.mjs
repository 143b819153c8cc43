// Bench peer (issue 11): a minimal Node socket.io 4.8 server doing the broadcast Skirmish does, so the
// long-polling delivery bench (game-client-js/bench/polling-delivery.mjs) can be run against both.
// Quick play only: `room:quickplay` is acknowledged and seats the client in the first room with fewer
// than 8 players; every room gets one snapshot 30 times a second, as the `s` event carrying base64
// text of BYTES bytes (default 100: about a fighting room's compact delta). The bytes start as a
// compact keyframe's header does (docs/protocol.md: `u flags = 0, u tickRate, u tick, u time`), so a
// load generator reads the server's `time` from both servers alike (bench/ws-load); the rest is random.
// Not a test, not a game.
//   npm ci --prefix bench/node-peer && node bench/node-peer/server.mjs [PORT] [BYTES]   # PORT 0: a free port
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Server } from 'socket.io';
import { createRequire } from 'node:module';

const version = createRequire(import.meta.url)('socket.io/package.json').version;

const port = +(process.argv[2] ?? 0);
const bytes = +(process.argv[3] ?? 100);
const ROOM_SIZE = 8;
const HZ = 30;

const http = createServer();
const io = new Server(http, { cors: { origin: '*' } });
const rooms = []; // { name, members: Set<socket id>, tick }
let nextRoom = 1;

io.on('connection', (socket) => {
  socket.on('room:quickplay', (_payload, ack) => {
    let room = rooms.find((r) => r.members.size < ROOM_SIZE);
    if (!room) {
      room = { name: 'r' + nextRoom++, members: new Set(), tick: 0 };
      rooms.push(room);
    }
    room.members.add(socket.id);
    socket.join(room.name);
    socket.data.room = room;
    if (typeof ack === 'function') ack({ ok: true, room: room.name, id: room.members.size });
  });
  socket.on('disconnect', () => {
    const room = socket.data.room;
    if (!room) return;
    room.members.delete(socket.id);
    if (room.members.size === 0) rooms.splice(rooms.indexOf(room), 1);
  });
});

// LEB128 varint bytes of a non-negative integer (up to 2^53).
function varint(v) {
  const out = [];
  while (v >= 128) {
    out.push((v % 128) | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}

// BYTES bytes (at least the header): a keyframe header with this tick and the wall clock, then random.
function snapshot(tick) {
  const head = [0, ...varint(HZ), ...varint(tick), ...varint(Date.now())];
  return Buffer.concat([Buffer.from(head), randomBytes(Math.max(0, bytes - head.length))]);
}

// One snapshot per room per tick, on a fixed schedule (a late tick is not made up twice).
const period = 1000 / HZ;
let due = performance.now();
function tick() {
  for (const room of rooms) {
    room.tick++;
    // Fresh bytes per room and tick, as a real snapshot would be (encoded once per room).
    io.to(room.name).emit('s', snapshot(room.tick).toString('base64').replace(/=+$/, ''));
  }
  due += period;
  const now = performance.now();
  if (due < now - period) due = now;
  setTimeout(tick, Math.max(0, due - now));
}

http.listen(port, '127.0.0.1', () => {
  console.log(`node peer (socket.io ${version}, node ${process.versions.node}, rooms of ${ROOM_SIZE}, ${HZ} Hz, ${bytes} B) listening on port ${http.address().port}`);
  setTimeout(tick, period);
});
