/** Scaling past one process: child JVMs each driving a shard of the bots, their reports merged. */
package io.skirmish.bots.processes;
