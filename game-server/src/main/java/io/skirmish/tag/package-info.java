/** Tag, the second built-in game: run, touch to pass on "it", spend the least time as "it". */
package io.skirmish.tag;
