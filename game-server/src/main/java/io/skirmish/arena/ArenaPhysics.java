package io.skirmish.arena;

import com.google.gson.JsonObject;

/** The constants of the arena's rules. Units: world units, seconds, ticks. */
public record ArenaPhysics(double accel, double drag, double maxSpeed, double shipRadius,
                           double shotSpeed, double shotRadius, int shotTtlTicks, int fireCooldownTicks,
                           int maxHp, int shotDamage, int respawnTicks, int protectTicks) {

    public static final ArenaPhysics DEFAULT = new ArenaPhysics(1400, 4, 320, 18, 720, 4, 30, 6, 100, 20, 90, 60);

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("accel", accel);
        o.addProperty("drag", drag);
        o.addProperty("maxSpeed", maxSpeed);
        o.addProperty("shipRadius", shipRadius);
        o.addProperty("shotSpeed", shotSpeed);
        o.addProperty("shotRadius", shotRadius);
        o.addProperty("shotTtlTicks", shotTtlTicks);
        o.addProperty("fireCooldownTicks", fireCooldownTicks);
        o.addProperty("maxHp", maxHp);
        o.addProperty("shotDamage", shotDamage);
        o.addProperty("respawnTicks", respawnTicks);
        o.addProperty("protectTicks", protectTicks);
        return o;
    }
}
