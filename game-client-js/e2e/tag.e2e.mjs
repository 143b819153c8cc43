// Browser end-to-end round of Tag:
//   node e2e/tag.e2e.mjs --url http://127.0.0.1:PORT --out <dir>
// Alice picks Tag in the lobby, creates a private room and shortens the round to 30 s; Bob joins
// through the invite link; Alice starts. Whoever is IT chases the other with the keyboard until IT
// changes hands; then both see the round end with a winner on the scoreboard.
import { runE2E, step, wait } from './harness.mjs';

const KEYS = { left: 'KeyA', right: 'KeyD', up: 'KeyW', down: 'KeyS' };

/** Holds the keys that move `page`'s runner toward player `targetId`, until `done()` in the page. */
async function chase(page, targetId, timeoutMs) {
  const held = new Set();
  const deadline = Date.now() + timeoutMs;
  const it0 = await page.evaluate(() => window.skirmish.it);
  while (Date.now() < deadline) {
    const s = await page.evaluate(() => ({ it: window.skirmish.it, me: window.skirmish.playerId,
      players: window.skirmish.players }));
    if (s.it !== it0) break;
    const me = s.players.find((p) => p.id === s.me);
    const other = s.players.find((p) => p.id === targetId);
    const want = new Set();
    if (me && other) {
      if (other.x < me.x - 4) want.add(KEYS.left);
      if (other.x > me.x + 4) want.add(KEYS.right);
      if (other.y < me.y - 4) want.add(KEYS.up);
      if (other.y > me.y + 4) want.add(KEYS.down);
    }
    for (const k of held) if (!want.has(k)) { await page.keyboard.up(k); held.delete(k); }
    for (const k of want) if (!held.has(k)) { await page.keyboard.down(k); held.add(k); }
    await page.waitForTimeout(50); // the pace of a player's hands, not a synchronisation
  }
  for (const k of held) await page.keyboard.up(k);
  return (await page.evaluate(() => window.skirmish.it)) !== it0;
}

await runE2E('tag', async ({ pageA, pageB, base }) => {
  await pageA.goto(`${base}/?name=Alice`);
  await step('Alice connects', wait(pageA, () => window.skirmish?.connection === 'connected'));
  await step('the lobby offers Tag', pageA.waitForSelector('#lobby-game option[value="tag"]', { state: 'attached' }));
  await pageA.selectOption('#lobby-game', 'tag');
  const rules = await pageA.textContent('#game-rules');
  if (!/IT/.test(rules)) throw new Error(`no Tag rules in the lobby: "${rules}"`);
  await pageA.click('#create');
  const link = await step('Alice gets an invite link',
    pageA.waitForSelector('#invite-link').then((el) => el.inputValue()));
  await step('Alice plays Tag', wait(pageA, () => window.skirmish.game === 'tag'));
  await pageA.fill('#room-panel label:has-text("Round seconds") input', '30');
  await pageA.click('#room-panel button:has-text("Apply")');
  const invite = new URL(link);
  invite.searchParams.set('name', 'Bob');
  await pageB.goto(`${base}/${invite.search}`);
  await step('Bob joins the Tag room', wait(pageB, () => window.skirmish?.state === 'playing'
    && window.skirmish.game === 'tag'));
  const aliceId = await pageA.evaluate(() => window.skirmish.playerId);
  const bobId = await pageB.evaluate(() => window.skirmish.playerId);
  await step('Alice sees Bob', wait(pageA, (id) => window.skirmish.players.some((p) => p.id === id), bobId));
  await pageA.click('#start');
  await step('the round runs with someone IT', wait(pageA,
    () => window.skirmish.phase === 'playing' && window.skirmish.it !== null, undefined, 20000));
  const it = await pageA.evaluate(() => window.skirmish.it);
  const [chaser, target] = it === aliceId ? [pageA, bobId] : [pageB, aliceId];
  console.log(`player ${it} is IT and chases player ${target}`);
  if (!(await chase(chaser, target, 20000))) throw new Error('IT never changed hands');
  const after = await pageB.evaluate(() => window.skirmish.it);
  console.log(`tagged: player ${after} is IT now`);
  await step('the round ends for Alice', wait(pageA, () => window.skirmish.phase === 'roundover', undefined, 45000));
  await step('and for Bob', wait(pageB, () => window.skirmish.phase === 'roundover'));
  const board = await pageB.textContent('#scoreboard');
  if (!/Winner: (Alice|Bob)/.test(board)) throw new Error(`no winner on Bob's scoreboard: "${board}"`);
  console.log(`scoreboard: ${board}`);
});
