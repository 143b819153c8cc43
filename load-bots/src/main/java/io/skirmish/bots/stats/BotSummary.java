package io.skirmish.bots.stats;

/**
 * What one bot saw over the run.
 *
 * @param room the code (or id) of the room it last joined; null if it never joined
 * @param joined whether any join of the bot succeeded
 * @param activeSeconds from the start of its connection to the end of the run
 * @param snapshots every snapshot it received, the warm-up's included
 * @param playingSeconds from its first join (a spectator's: its first snapshot), or from the start of the
 *     measured window if that came later, to the end of the run; 0 if it never joined
 * @param snapshotRateHz snapshots received over {@code playingSeconds}: gaps from drops count against it
 * @param node the server it last spoke to ({@code --url}, or where a cluster sent it); null if unknown
 * @param moves cluster moves it followed ({@code MOVED} answers, drains that moved its room)
 */
public record BotSummary(int index, String name, Role role, String room, boolean joined, long snapshots,
                         double activeSeconds, double playingSeconds, double snapshotRateHz, long bytesIn,
                         long bytesOut, long messagesIn, long messagesOut, long reconnects, long disconnects,
                         long kicks, String node, long moves) {

    /** A bot of a run on one server: no node named, no moves. */
    public BotSummary(int index, String name, Role role, String room, boolean joined, long snapshots,
                      double activeSeconds, double playingSeconds, double snapshotRateHz, long bytesIn,
                      long bytesOut, long messagesIn, long messagesOut, long reconnects, long disconnects, long kicks) {
        this(index, name, role, room, joined, snapshots, activeSeconds, playingSeconds, snapshotRateHz, bytesIn,
                bytesOut, messagesIn, messagesOut, reconnects, disconnects, kicks, null, 0);
    }
}
