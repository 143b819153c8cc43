import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nameProblem, normaliseCode } from '../src/validate.js';

test('names: 1 to 16 characters after trimming, no control characters', () => {
  assert.equal(nameProblem('  ada '), null);
  assert.equal(nameProblem('x'.repeat(16)), null);
  assert.match(nameProblem('   '), /Enter a name/);
  assert.match(nameProblem('x'.repeat(17)), /at most 16/);
  assert.match(nameProblem('a\u0007b'), /control/);
});

test('codes: five characters of the code alphabet, any case', () => {
  assert.equal(normaliseCode(' h7kqp '), 'H7KQP');
  assert.equal(normaliseCode('H7KQ'), null);
  assert.equal(normaliseCode('H7KQ0'), null, 'no zero');
  assert.equal(normaliseCode('HIKQP'), null, 'no I');
});
