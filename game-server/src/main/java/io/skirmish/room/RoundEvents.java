package io.skirmish.room;

import com.google.gson.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The round cycle's calls into its room (game thread): a round starts and the game hears of it; time
 * is up or the game ended the round, and {@code round:end} goes out with the game's results before the
 * scoreboard phase; the room is back in its lobby.
 */
final class RoundEvents implements RoundCycle.Hooks {
    private static final Logger log = LoggerFactory.getLogger(Room.class);

    private final Room room;

    RoundEvents(Room room) {
        this.room = room;
    }

    @Override
    public void roundStarted(int round, long endsAtMillis) {
        log.info("room round started room={} tick={} round={} players={} seconds={}", room.id(), room.currentTick(),
                round, room.members().seatCount(), room.roundSeconds());
        room.slot().game().onRoundStart(round, endsAtMillis);
    }

    @Override
    public void roundTimeUp(int round) {
        room.slot().game().onRoundEnd(round);
        finishRound(room.slot().takeRoundResults());
    }

    @Override
    public void backInLobby() {
        room.members().seats().forEach(s -> s.ready = false);
    }

    @Override
    public void changed() {
        room.changed();
    }

    /** The round is over: {@code round:end} with the game's results (if any), then the scoreboard phase. */
    void finishRound(JsonObject results) {
        RoundCycle rounds = room.rounds();
        log.info("room round ended room={} tick={} round={} players={}", room.id(), room.currentTick(), rounds.round(),
                room.members().seatCount());
        JsonObject fields = new JsonObject();
        fields.addProperty("round", rounds.round());
        if (results != null) results.entrySet().forEach(e -> fields.add(e.getKey(), e.getValue()));
        room.slot().emitFields("round:end", fields);
        rounds.roundOver(room.currentTick());
    }
}
