/** The {@code game-server} command line: {@code Main} (serve) and its subcommands. */
package io.skirmish;
