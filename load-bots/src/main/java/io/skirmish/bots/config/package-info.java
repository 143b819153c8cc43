/** A run's settings as values: durations, ramps, room targets, thresholds, shards. */
package io.skirmish.bots.config;
