package io.skirmish.bots.behaviour;

/**
 * One ship as a snapshot shows it: the fields of {@code snapshot.players[]} that bots use.
 *
 * @param a aim, radians
 * @param seq the last of this player's inputs the server applied
 * @param st 0 alive, 1 alive and spawn-protected, 2 dead
 */
public record Ship(int id, double x, double y, double a, long seq, int st) {
    public static final int DEAD = 2;

    public boolean alive() {
        return st != DEAD;
    }

    double distanceTo(double px, double py) {
        double dx = px - x;
        double dy = py - y;
        return Math.sqrt(dx * dx + dy * dy);
    }
}
