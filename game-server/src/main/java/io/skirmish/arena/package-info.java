/** The arena, the first built-in game: a top-down twin-stick shooter as pure rules plus its SPI adapter. */
package io.skirmish.arena;
