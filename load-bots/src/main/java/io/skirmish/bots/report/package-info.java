/** The self-contained HTML report page (uPlot inlined from the jar). */
package io.skirmish.bots.report;
