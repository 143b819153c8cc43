// Browser check of cross-site WebSocket hijacking (red-team finding 1):
//   node e2e/crossorigin.e2e.mjs --url http://127.0.0.1:PORT --out <dir>
// Chromium opens a page of another origin (http://evil.example:PORT2, resolved to 127.0.0.1 and
// served by this script), whose script tries to open Engine.IO sessions on the game server with no
// sid, an empty sid and a bare sid, over WebSocket and polling, and to join a room by quick play.
// PASS only if every attempt was refused.
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({ options: { url: { type: 'string' }, out: { type: 'string', default: 'e2e-out' } } });
const game = new URL(args.url);
const outDir = resolve(args.out);
mkdirSync(outDir, { recursive: true });

// The attacker's page: plain script, as any site could serve it.
const attack = `<!doctype html><title>evil</title><script>
window.results = [];
const target = ${JSON.stringify(`${game.hostname}:${game.port}`)};
function tryWs(suffix) {
  return new Promise((done) => {
    const ws = new WebSocket('ws://' + target + '/socket.io/?EIO=4&transport=websocket' + suffix);
    let joined = false;
    ws.onmessage = (m) => {
      if (m.data.startsWith('0{')) ws.send('40');
      else if (m.data.startsWith('40')) ws.send('420["room:quickplay",{"name":"Hijacked"}]');
      else if (m.data.startsWith('430') && m.data.includes('"ok":true')) { joined = true; ws.close(); }
    };
    ws.onclose = () => done({ transport: 'websocket', suffix, opened: joined });
    setTimeout(() => { try { ws.close(); } catch (e) {} }, 4000);
  });
}
async function tryPolling(suffix) {
  // A CORS GET carries the page's Origin (a no-cors GET would not: the server then sees no browser,
  // and the page could not read the answer anyway); its answer is unreadable, the server's counter tells.
  let outcome;
  try {
    const r = await fetch('http://' + target + '/socket.io/?EIO=4&transport=polling' + suffix, { mode: 'cors' });
    outcome = r.type;
  } catch (e) { outcome = String(e); }
  return { transport: 'polling', suffix, outcome };
}
(async () => {
  for (const s of ['', '&sid=', '&sid']) {
    window.results.push(await tryWs(s));
    window.results.push(await tryPolling(s));
  }
  window.done = true;
})();
</script>`;

const evil = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(attack);
});
await new Promise((r) => evil.listen(0, '127.0.0.1', r));
const evilPort = evil.address().port;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic', '--host-resolver-rules=MAP evil.example 127.0.0.1'],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://evil.example:${evilPort}/`);
  await page.waitForFunction(() => window.done === true, null, { timeout: 60000 });
  const results = await page.evaluate(() => window.results);
  await page.screenshot({ path: join(outDir, 'evil.png') }).catch(() => {});
  console.log(JSON.stringify(results));
  const hijacked = results.filter((r) => r.opened);
  if (hijacked.length) {
    console.log(`FAIL crossorigin e2e: another origin joined a room with ${hijacked.map((r) => `'${r.suffix}'`).join(', ')}`);
    process.exitCode = 1;
  } else {
    console.log('PASS crossorigin e2e');
  }
} catch (err) {
  console.log(`FAIL crossorigin e2e: ${err.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  evil.close();
}
