package io.skirmish.loop;

/**
 * Decides, with hysteresis, whether something that runs every tick is overloaded: it enters
 * overload after {@code enterAfter} consecutive runs over budget, and leaves it after
 * {@code exitAfter} consecutive runs within budget. Single-threaded (the owner's game thread).
 */
public final class OverloadMonitor {
    public enum Change { NONE, ENTERED, STILL_OVER, LEFT }

    private final long budgetNanos;
    private final int enterAfter;
    private final int exitAfter;
    private int over;
    private int under;
    private boolean overloaded;

    public OverloadMonitor(long budgetNanos, int enterAfter, int exitAfter) {
        this.budgetNanos = budgetNanos;
        this.enterAfter = enterAfter;
        this.exitAfter = exitAfter;
    }

    /**
     * Records one run. Returns {@link Change#ENTERED} when overload starts, {@link Change#STILL_OVER}
     * each further {@code enterAfter} consecutive overruns while overloaded (so the owner can act
     * again), {@link Change#LEFT} when it ends.
     */
    public Change record(long nanos) {
        if (nanos > budgetNanos) {
            under = 0;
            if (++over >= enterAfter) {
                over = 0;
                if (!overloaded) {
                    overloaded = true;
                    return Change.ENTERED;
                }
                return Change.STILL_OVER;
            }
        } else {
            over = 0;
            if (overloaded && ++under >= exitAfter) {
                overloaded = false;
                under = 0;
                return Change.LEFT;
            }
        }
        return Change.NONE;
    }

    public boolean overloaded() {
        return overloaded;
    }
}
