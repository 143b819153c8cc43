import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SnapshotDecoder, decodeFrame, fromBase64 } from '../src/net/snapshotCodec.js';

// Written by the server's SnapshotGoldenTest from a real arena: every frame as a keyframe and as a
// delta on the frame before.
const golden = JSON.parse(readFileSync(new URL('./golden/snapshots.json', import.meta.url), 'utf8'));

test('the delta chain written by the server decodes to exactly its snapshots', () => {
  assert.ok(golden.frames.length > 50);
  const d = new SnapshotDecoder();
  golden.frames.forEach((f, i) => {
    const snap = d.decode(f.delta ?? f.keyframe);
    assert.deepEqual(snap, f.snapshot, `frame ${i}`);
  });
  assert.equal(d.refused, 0);
  assert.equal(d.deltas, golden.frames.length - 1);
});

test('every keyframe alone decodes to its snapshot', () => {
  for (const [i, f] of golden.frames.entries()) {
    const d = new SnapshotDecoder();
    assert.deepEqual(d.decode(f.keyframe), f.snapshot, `frame ${i}`);
  }
});

test('a delta on another base is refused, and the next keyframe recovers exactly', () => {
  const d = new SnapshotDecoder();
  d.decode(golden.frames[0].keyframe);
  assert.equal(d.decode(golden.frames[5].delta), null, 'skipped frames 1-4: the delta does not apply');
  assert.equal(d.refused, 1);
  assert.deepEqual(d.decode(golden.frames[6].keyframe), golden.frames[6].snapshot);
  assert.deepEqual(d.decode(golden.frames[7].delta), golden.frames[7].snapshot);
});

test('a delta before any keyframe, truncated bytes and junk are refused without throwing', () => {
  const d = new SnapshotDecoder();
  assert.equal(d.decode(golden.frames[3].delta), null);
  const key = fromBase64(golden.frames[3].keyframe);
  assert.equal(d.decode(key.subarray(0, key.length - 1)), null);
  assert.throws(() => decodeFrame(null, new Uint8Array([0x80, 0x80])), /truncated/);
  assert.deepEqual(d.decode(key), golden.frames[3].snapshot, 'keyframes still decode after junk');
});

test('a spectator\'s copies carry their delay, and their chain decodes to exactly the snapshots', () => {
  const { delayMs, frames } = golden.spectator;
  assert.ok(frames.length > 10 && delayMs > 0);
  const d = new SnapshotDecoder();
  frames.forEach((f, i) => {
    const snap = d.decode(f.delta ?? f.keyframe);
    assert.equal(snap.delayMs, delayMs, `frame ${i}`);
    assert.deepEqual(snap, f.snapshot, `frame ${i}`);
    assert.deepEqual(new SnapshotDecoder().decode(f.keyframe), f.snapshot, `keyframe ${i}`);
  });
  assert.equal(d.refused, 0);
  const { delayMs: _delay, ...live } = frames[3].snapshot;
  assert.deepEqual(new SnapshotDecoder().decode(golden.frames[3].keyframe), live, 'a player\'s copy has no delayMs');
});
