package io.skirmish.recorder;

import com.google.gson.JsonObject;
import io.skirmish.game.GameContext;
import io.skirmish.game.Phase;
import io.skirmish.game.SnapshotView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/** The room as a replayed game sees it: the recorded tick and phase, events collected, kicks obeyed. */
final class ReplayContext implements GameContext, SnapshotView {
    private final int tickRate;
    long tick;
    Phase phase;
    final List<JsonObject> emitted = new ArrayList<>();
    final Map<Integer, Integer> lastSeq = new HashMap<>();
    IntConsumer onKick = id -> { };

    ReplayContext(int tickRate) {
        this.tickRate = tickRate;
    }

    @Override
    public long currentTick() {
        return tick;
    }

    @Override
    public int tickRate() {
        return tickRate;
    }

    @Override
    public Phase phase() {
        return phase;
    }

    @Override
    public void emit(JsonObject event) {
        emitted.add(event);
    }

    @Override
    public void kick(int playerId, String reason) {
        // The room frees the seat, which makes the game's onLeave call.
        onKick.accept(playerId);
    }

    @Override
    public int lastAppliedSeq(int playerId) {
        return lastSeq(playerId);
    }

    int lastSeq(int playerId) {
        return lastSeq.getOrDefault(playerId, 0);
    }

    @Override
    public boolean connected(int playerId) {
        return true;
    }
}
