/** The load-bots command line: options to a run or a capacity search, the table, the JSON and HTML reports, the merge command. */
package io.skirmish.bots;
