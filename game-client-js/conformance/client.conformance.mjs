// The official Node socket.io-client against Skirmish's conformance server (the same Socket.IO stack
// as the game server): binary both ways on both transports, acks, namespaces, auth refusal,
// unknown namespaces, null values, upgrade and reconnect.
//   node conformance/client.conformance.mjs --url http://127.0.0.1:PORT
// Prints one line per check and "N passed, M failed"; exits 0 only if all passed.
import { io } from 'socket.io-client';
import { parseArgs } from 'node:util';
import assert from 'node:assert/strict';

const { values: args } = parseArgs({ options: { url: { type: 'string' } } });
if (!args.url) {
  console.log('usage: node conformance/client.conformance.mjs --url http://127.0.0.1:PORT');
  process.exit(2);
}
const base = args.url.replace(/\/+$/, '');
const TIMEOUT_MS = 5000;
const sockets = [];

function open(nsp = '/', options = {}) {
  const s = io(base + nsp, { forceNew: true, reconnection: false, timeout: TIMEOUT_MS, ...options });
  sockets.push(s);
  return s;
}

/** Resolves with the args of the next `event` on `emitter`, or rejects after the timeout. */
function next(emitter, event) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
    emitter.once(event, (...a) => {
      clearTimeout(timer);
      resolve(a);
    });
  });
}

async function connected(s) {
  if (!s.connected) await Promise.race([next(s, 'connect'), next(s, 'connect_error').then(([e]) => { throw e; })]);
  return s;
}

const binary = () => Buffer.from([0, 1, 2, 127, 128, 254, 255, 4]);
const sameBytes = (got, want) => assert.deepEqual(Buffer.from(got), want);

const checks = [];
const check = (name, fn) => checks.push({ name, fn });

for (const transport of ['websocket', 'polling']) {
  check(`${transport}: a binary event round-trips byte for byte`, async () => {
    const s = await connected(open('/', { transports: [transport] }));
    const back = next(s, 'message-back');
    s.emit('message', binary(), { nested: binary(), n: 1 });
    const [a, b] = await back;
    sameBytes(a, binary());
    sameBytes(b.nested, binary());
    assert.equal(b.n, 1);
  });
  check(`${transport}: a binary ack round-trips byte for byte`, async () => {
    const s = await connected(open('/', { transports: [transport] }));
    // The callback form: emitWithAck() resolves with the ack's first argument only.
    const [a, b] = await new Promise((resolve, reject) => s.timeout(TIMEOUT_MS)
      .emit('message-with-ack', binary(), 'text', (err, ...ack) => (err ? reject(err) : resolve(ack))));
    sameBytes(a, binary());
    assert.equal(b, 'text');
  });
}

check('null values survive, as do nested arrays and unicode', async () => {
  const s = await connected(open('/'));
  const payload = { a: null, list: [1, null, 'x'], text: 'héllo ✓' };
  const back = next(s, 'message-back');
  s.emit('message', payload, null);
  const [a, b] = await back;
  assert.deepEqual(a, payload);
  assert.equal(b, null);
});

check('the connect payload (auth) reaches the server', async () => {
  const s = open('/custom', { auth: { token: 'abc' } });
  const [auth] = await next(s, 'auth');
  assert.deepEqual(auth, { token: 'abc' });
});

check('an auth-gated namespace accepts the right token and refuses others with a message', async () => {
  const bad = open('/secure', { auth: { token: 'wrong' } });
  const [err] = await next(bad, 'connect_error');
  assert.equal(err.message, 'unauthorized');
  assert.equal(bad.connected, false);
  const good = await connected(open('/secure', { auth: { token: 'secret' } }));
  const back = next(good, 'shout-back');
  good.emit('shout', 'hi');
  assert.deepEqual(await back, ['hi']);
});

check('a refused client receives nothing meant for members', async () => {
  const member = await connected(open('/secure', { auth: { token: 'secret' } }));
  const outsider = open('/secure', { auth: { token: 'nope' } });
  await next(outsider, 'connect_error');
  let leaked = false;
  outsider.on('shout-back', () => { leaked = true; });
  const back = next(member, 'shout-back');
  member.emit('shout', 'members only');
  await back;
  assert.equal(leaked, false);
});

check('an unknown namespace gives a connect_error with a message', async () => {
  const s = open('/nowhere');
  const [err] = await next(s, 'connect_error');
  assert.equal(err.message, 'Invalid namespace');
});

check('polling upgrades to WebSocket and keeps working', async () => {
  const s = await connected(open('/', { transports: ['polling', 'websocket'] }));
  if (s.io.engine.transport.name !== 'websocket') await next(s.io.engine, 'upgrade');
  assert.equal(s.io.engine.transport.name, 'websocket');
  const back = next(s, 'message-back');
  s.emit('message', binary());
  sameBytes((await back)[0], binary());
});

check('the client reconnects by itself after the connection drops', async () => {
  const s = await connected(open('/', { reconnection: true, reconnectionDelay: 100, reconnectionDelayMax: 200 }));
  const firstId = s.id;
  const dropped = next(s, 'disconnect');
  s.io.engine.close(); // the transport goes away under the socket
  await dropped;
  await next(s, 'connect');
  assert.notEqual(s.id, firstId, 'a new session');
  const back = next(s, 'message-back');
  s.emit('message', 'again');
  assert.deepEqual(await back, ['again']);
});

let passed = 0;
let failed = 0;
for (const { name, fn } of checks) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (err) {
    failed++;
    console.log(`FAIL ${name}: ${err.message}`);
  }
}
sockets.forEach((s) => s.close());
console.log(`socket.io-client conformance: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
