package io.skirmish.arena;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.skirmish.game.SeededRandom;

/**
 * An {@link ArenaState} as JSON and back, exactly: doubles are written with all their digits, so a
 * restored state steps on bit for bit like the saved one.
 */
final class ArenaSave {
    private ArenaSave() {}

    static JsonObject save(ArenaState s) {
        JsonObject o = new JsonObject();
        o.addProperty("rng", s.rng.state());
        o.addProperty("nextShotId", s.nextShotId);
        JsonArray ships = new JsonArray();
        for (Ship sh : s.ships.values()) {
            JsonObject p = new JsonObject();
            p.addProperty("id", sh.id);
            p.addProperty("name", sh.name);
            p.addProperty("x", sh.body.x);
            p.addProperty("y", sh.body.y);
            p.addProperty("vx", sh.body.vx);
            p.addProperty("vy", sh.body.vy);
            p.addProperty("aim", sh.aim);
            p.addProperty("hp", sh.hp);
            p.addProperty("respawn", sh.respawnTicks);
            p.addProperty("protect", sh.protectTicks);
            p.addProperty("cooldown", sh.cooldown);
            p.addProperty("score", sh.score);
            p.addProperty("kills", sh.kills);
            p.addProperty("deaths", sh.deaths);
            p.addProperty("life", sh.life);
            ships.add(p);
        }
        o.add("ships", ships);
        JsonArray shots = new JsonArray();
        for (Shot sh : s.shots) {
            JsonArray a = new JsonArray();
            a.add(sh.id);
            a.add(sh.owner);
            a.add(sh.x);
            a.add(sh.y);
            a.add(sh.stepX); // units per tick (see Quantum)
            a.add(sh.stepY);
            a.add(sh.ttl);
            shots.add(a);
        }
        o.add("shots", shots);
        o.add("rewind", s.rewind.save());
        return o;
    }

    static void restore(ArenaState s, JsonObject o) {
        s.rng = new SeededRandom(o.get("rng").getAsLong());
        s.nextShotId = o.get("nextShotId").getAsInt();
        s.ships.clear();
        for (var e : o.getAsJsonArray("ships")) {
            JsonObject p = e.getAsJsonObject();
            Ship sh = new Ship(p.get("id").getAsInt(), p.get("name").getAsString());
            sh.body.x = p.get("x").getAsDouble();
            sh.body.y = p.get("y").getAsDouble();
            sh.body.vx = p.get("vx").getAsDouble();
            sh.body.vy = p.get("vy").getAsDouble();
            sh.aim = p.get("aim").getAsDouble();
            sh.hp = p.get("hp").getAsInt();
            sh.respawnTicks = p.get("respawn").getAsInt();
            sh.protectTicks = p.get("protect").getAsInt();
            sh.cooldown = p.get("cooldown").getAsInt();
            sh.score = p.get("score").getAsInt();
            sh.kills = p.get("kills").getAsInt();
            sh.deaths = p.get("deaths").getAsInt();
            sh.life = p.has("life") ? p.get("life").getAsInt() : 0;
            s.ships.put(sh.id, sh);
        }
        if (o.has("rewind")) {
            s.rewind.restore(o.getAsJsonArray("rewind"));
        } else {
            s.rewind.clear();
        }
        s.shots.clear();
        for (var e : o.getAsJsonArray("shots")) {
            JsonArray a = e.getAsJsonArray();
            s.shots.add(new Shot(a.get(0).getAsInt(), a.get(1).getAsInt(), a.get(2).getAsDouble(),
                    a.get(3).getAsDouble(), a.get(4).getAsDouble(), a.get(5).getAsDouble(), s.tickRate,
                    a.get(6).getAsInt()));
        }
    }
}
