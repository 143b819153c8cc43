/** One load run: the bots, their threads, the ramp, the warm-up and measured window, the per-second timeline. */
package io.skirmish.bots.harness;
