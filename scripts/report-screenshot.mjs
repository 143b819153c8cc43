// Screenshots a load-bots HTML report (for the README): headless Debian Chromium driven by
// playwright-core (from game-client-js's dev dependencies), no network.
//   node scripts/report-screenshot.mjs cap.html docs/load-bots-capacity.png [width] [height]
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const require = createRequire(new URL('../game-client-js/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const [html, png, width = '1100', height = '1400'] = process.argv.slice(2);
if (!html || !png) {
  console.error('usage: node scripts/report-screenshot.mjs REPORT.html OUT.png [width] [height]');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(pathToFileURL(path.resolve(html)).href, { waitUntil: 'load' });
  await page.waitForFunction(() => Number(document.body.dataset.charts || 0) > 0);
  await page.screenshot({ path: png });
  if (errors.length) {
    console.error('console errors:\n' + errors.join('\n'));
    process.exit(1);
  }
  console.log(`${png}: ${width}x${height} of ${html}`);
} finally {
  await browser.close();
}
