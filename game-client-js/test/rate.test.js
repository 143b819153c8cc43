import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RateMeter } from '../src/net/rate.js';

test('rate counts amounts within the window', () => {
  const m = new RateMeter(1000);
  for (let t = 0; t < 1000; t += 100) m.add(t, 50);
  assert.equal(m.rate(999), 500);
  assert.equal(m.rate(1450), 250);
  assert.equal(m.rate(5000), 0);
});
