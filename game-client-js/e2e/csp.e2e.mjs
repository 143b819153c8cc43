// Browser end-to-end check of the client page's security headers:
//   node e2e/csp.e2e.mjs --url http://127.0.0.1:PORT --out <dir>
// The page is served with a strict Content-Security-Policy, X-Frame-Options, nosniff and a
// Referrer-Policy; it has no inline script; and the client plays under it (Quick play, move, fire)
// with no CSP violation reported (securitypolicyviolation events) and no console error.
import { runE2E, step, wait } from './harness.mjs';

await runE2E('csp', async ({ pageA, base }) => {
  await pageA.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
  });
  const res = await pageA.goto(`${base}/?name=Csp`);
  const h = res.headers();
  const csp = h['content-security-policy'] ?? '';
  for (const part of ["script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "object-src 'none'"]) {
    if (!csp.includes(part)) throw new Error(`the page's CSP lacks ${part}: "${csp}"`);
  }
  if (csp.includes('unsafe-inline') || csp.includes('unsafe-eval')) throw new Error(`CSP allows unsafe code: ${csp}`);
  if (h['x-frame-options'] !== 'DENY') throw new Error(`X-Frame-Options: ${h['x-frame-options']}`);
  if (h['x-content-type-options'] !== 'nosniff') throw new Error(`X-Content-Type-Options: ${h['x-content-type-options']}`);
  if (!h['referrer-policy']) throw new Error('no Referrer-Policy');
  const inline = await pageA.evaluate(() => [...document.querySelectorAll('script')].filter((s) => !s.src).length);
  if (inline !== 0) throw new Error(`${inline} inline script(s) in the page`);

  await step('connects', wait(pageA, () => window.skirmish?.connection === 'connected'));
  await pageA.click('#quickplay');
  await step('plays', wait(pageA, () => window.skirmish?.state === 'playing' && window.skirmish.playerId));
  await step('receives snapshots', wait(pageA, () => window.skirmish.snapshotHz > 10));
  await pageA.keyboard.down('KeyD');
  await pageA.mouse.move(900, 400);
  await pageA.mouse.down();
  // Long enough for the HUD (kill feed, scoreboard with coloured names) to render.
  await pageA.keyboard.down('Tab');
  await wait(pageA, () => window.skirmish.snapshotHz > 10 && document.querySelector('#hud')?.childElementCount > 0);
  await pageA.keyboard.up('Tab');
  await pageA.mouse.up();
  await pageA.keyboard.up('KeyD');
  const violations = await pageA.evaluate(() => window.__cspViolations);
  if (violations.length) throw new Error(`CSP violations: ${violations.join('; ')}`);
  console.log(`CSP: ${csp}`);
});
