package io.skirmish.bots.stats;

import java.util.List;

/**
 * PASS or FAIL, with why.
 *
 * @param reasons every threshold the run missed; empty when it passed
 * @param breached which thresholds those were, by {@link Breach} name, worst first
 * @param warnings what makes the figures doubtful without failing the run (e.g. overloaded bots)
 */
public record Verdict(boolean pass, List<String> reasons, List<String> breached, List<String> warnings) {
    public Verdict {
        reasons = List.copyOf(reasons);
        breached = breached == null ? List.of() : List.copyOf(breached);
        warnings = List.copyOf(warnings);
    }

    public int exitCode() {
        return pass ? 0 : 1;
    }
}
