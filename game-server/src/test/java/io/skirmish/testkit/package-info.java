/**
 * The kit for game authors (published as the {@code game-server} test-jar): {@link
 * io.skirmish.testkit.GameKit} runs real rooms of your game on a manual clock, {@link
 * io.skirmish.testkit.TestPlayer} scripts players and checks what they receive, and {@link
 * io.skirmish.testkit.Determinism} checks seeds, hashes and save/restore. See {@code docs/writing-a-game.md}.
 * {@link io.skirmish.testkit.RedisProcess} runs a real {@code redis-server} for tests of a cluster.
 */
package io.skirmish.testkit;
