// Browser end-to-end check of a host kicking a guest:
//   node e2e/kick.e2e.mjs --url http://127.0.0.1:PORT --out <dir>
// Alice creates a private room, Bob joins through the invite link, Alice clicks Kick on Bob's row:
// Bob is back in the lobby with a message saying so, and Alice's room no longer lists him.
import { runE2E, step, wait, createAndInvite } from './harness.mjs';

await runE2E('kick', async ({ pageA, pageB, base }) => {
  const { bobId } = await createAndInvite(pageA, pageB, base);
  await step('Alice sees Bob in her room', wait(pageA,
    (id) => window.skirmish.players.some((p) => p.id === id), bobId));
  await step('Alice kicks Bob', pageA.click('#room-panel li:has-text("Bob") button:has-text("Kick")',
    { timeout: 15000 }));
  await step('Bob is back in the lobby', wait(pageB, () => window.skirmish.state === 'lobby'));
  const message = await pageB.textContent('#lobby-message');
  if (!/removed/i.test(message)) throw new Error(`Bob was not told he was kicked: "${message}"`);
  await step('Alice no longer has Bob', wait(pageA,
    (id) => !window.skirmish.players.some((p) => p.id === id), bobId));
  console.log(`Bob saw: "${message}"`);
});
