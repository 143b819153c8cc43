package io.skirmish.snapshot;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.skirmish.arena.Quantum;
import io.skirmish.game.Phase;

/** A frame as the snapshot object the browser's decoder produces (the same fields as a full JSON snapshot). */
final class FrameJson {
    private FrameJson() {}

    static JsonObject snapshot(Frame f) {
        JsonObject o = new JsonObject();
        if (f.delayed()) o.addProperty("delayMs", f.delayMs());
        o.addProperty("tick", f.tick());
        o.addProperty("time", f.time());
        o.addProperty("phase", Phase.values()[f.phase()].wire());
        o.addProperty("round", f.round());
        if (f.phaseEndsAt() == 0) o.add("phaseEndsAt", JsonNull.INSTANCE);
        else o.addProperty("phaseEndsAt", f.phaseEndsAt());
        JsonArray players = new JsonArray();
        for (Frame.ShipRec s : f.ships()) {
            JsonObject p = new JsonObject();
            p.addProperty("id", s.id());
            p.addProperty("x", Quantum.fromUnits(s.x()));
            p.addProperty("y", Quantum.fromUnits(s.y()));
            p.addProperty("vx", Quantum.fromUnits(s.vx()));
            p.addProperty("vy", Quantum.fromUnits(s.vy()));
            p.addProperty("a", Quantum.angle(s.aim()));
            p.addProperty("hp", s.hp());
            p.addProperty("seq", s.seq());
            p.addProperty("st", s.st());
            if (s.st() == 2) p.addProperty("r", s.respawn());
            p.addProperty("sc", s.score());
            p.addProperty("k", s.kills());
            p.addProperty("d", s.deaths());
            p.addProperty("c", s.connected() ? 1 : 0);
            players.add(p);
        }
        o.add("players", players);
        JsonArray shots = new JsonArray();
        for (Frame.ShotRec s : f.shots()) {
            JsonArray a = new JsonArray();
            a.add(s.id());
            a.add(Quantum.fromUnits(s.x()));
            a.add(Quantum.fromUnits(s.y()));
            a.add(Quantum.fromUnits(s.stepX() * f.tickRate()));
            a.add(Quantum.fromUnits(s.stepY() * f.tickRate()));
            a.add(s.owner());
            shots.add(a);
        }
        o.add("shots", shots);
        return o;
    }
}
