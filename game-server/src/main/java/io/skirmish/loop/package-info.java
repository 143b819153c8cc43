/** Fixed-rate game threads: the loop, its scheduler, overload detection and the injectable {@code Ticker}. */
package io.skirmish.loop;
