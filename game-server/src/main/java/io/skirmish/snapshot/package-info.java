/**
 * Compact snapshots (protocol version 2): the quantised state of a room at one snapshot
 * ({@link io.skirmish.snapshot.Frame}), its wire form as a keyframe or as a delta against the room's
 * previous snapshot ({@link io.skirmish.snapshot.FrameEncoder}, {@link io.skirmish.snapshot.FrameDecoder}),
 * and which form each connection gets ({@link io.skirmish.snapshot.SnapshotChain}): encoded once per
 * room and snapshot, written to many. The schema is in {@code docs/protocol.md}, "Compact snapshots";
 * the browser client ({@code src/net/snapshotCodec.js}) and the load bots decode it, all three tested
 * against the golden vectors the Java tests write ({@code game-client-js/test/golden/snapshots.json}).
 *
 * <p>Depends on the arena's units ({@link io.skirmish.arena.Quantum}) and on the room SPI's types only.
 */
package io.skirmish.snapshot;
