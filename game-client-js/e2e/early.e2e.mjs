// Browser end-to-end check of a click made before the page has connected:
//   node e2e/early.e2e.mjs --url http://127.0.0.1:PORT --out <dir>
// Alice's Socket.IO connection is held back for a while (her WebSocket reaches the server only after
// HOLD_MS, her polling requests wait as long), she clicks Quick play while the page still says it is
// connecting, and she must be playing once it connects: the click waits for the connection, with no
// "Not connected" message and no second click. Page B stays unused.
import { runE2E, step, wait } from './harness.mjs';

const HOLD_MS = 1500;

await runE2E('early', async ({ pageA, base }) => {
  await pageA.routeWebSocket(/\/socket\.io\//, (ws) => {
    setTimeout(() => ws.connectToServer(), HOLD_MS);
  });
  await pageA.route(/\/socket\.io\//, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
    await route.continue();
  });
  await pageA.goto(`${base}/?name=Early`);
  await step('the page is up but not connected', wait(pageA,
    () => document.querySelector('#quickplay') && window.skirmish?.connection !== 'connected'));
  await pageA.click('#quickplay');
  const clickedWhile = await pageA.evaluate(() => window.skirmish.connection);
  if (clickedWhile === 'connected') throw new Error('the page connected before the click: nothing was tested');
  await step('Alice plays after the one click', wait(pageA, () => window.skirmish.state === 'playing'));
  const message = (await pageA.textContent('#lobby-message')) ?? '';
  if (message.trim()) throw new Error(`the lobby showed a message: "${message}"`);
  console.log(`clicked while "${clickedWhile}", playing once connected`);
});
