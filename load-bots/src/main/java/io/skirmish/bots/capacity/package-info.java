/** The capacity search: steps of growing player counts, then bisection, until a threshold fails; what limited it. */
package io.skirmish.bots.capacity;
