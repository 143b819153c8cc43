package io.skirmish.game;

/**
 * A typed game event, sent to every member of the room as {@code game:event}. The room writes the
 * envelope {@code {type, tick}}; the event's fields follow, taken from its record components (in
 * declaration order; write rounded numbers as {@code long}/{@code int} components). Events are
 * serialised on the game thread before the tick ends, so they may be reused afterwards.
 *
 * <pre>{@code
 * record Tagged(int it, int by) implements GameEvent {
 *     public String type() { return "tagged"; }
 * }
 * ctx.emit(new Tagged(3, 1));   // -> {"type":"tagged","tick":812,"it":3,"by":1}
 * }</pre>
 */
public interface GameEvent {
    /** The event's {@code type} on the wire, for example {@code "hit"}. */
    String type();
}
