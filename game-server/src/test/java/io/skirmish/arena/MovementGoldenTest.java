package io.skirmish.arena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Writes the movement golden vectors that the browser client's predictor is tested against
 * ({@code game-client-js/test/golden/movement.json}) and checks that the committed file is what the
 * server's {@link Movement} produces now. After a deliberate change to the movement rules, run
 * {@code mvn -pl game-server test -Dtest=MovementGoldenTest -Dgolden.update=true} and change the
 * JavaScript port until its test passes again.
 */
class MovementGoldenTest {
    static final Path FILE = Path.of("..", "game-client-js", "test", "golden", "movement.json");
    static final int TICK_RATE = 30;

    @Test
    void committedGoldenVectorsMatchTheServerMovement() throws IOException {
        String expected = new GsonBuilder().setPrettyPrinting().create().toJson(generate()) + "\n";
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(FILE, expected, StandardCharsets.UTF_8);
        }
        if (!Files.exists(FILE)) {
            fail("missing " + FILE + "; run with -Dgolden.update=true to write it");
        }
        JsonElement committed = JsonParser.parseString(Files.readString(FILE, StandardCharsets.UTF_8));
        assertEquals(JsonParser.parseString(expected), committed,
                "movement.json differs from the server's movement rules; if the change is deliberate, "
                        + "run with -Dgolden.update=true and update the JavaScript predictor");
    }

    static JsonObject generate() {
        ArenaMap map = ArenaMap.byId("arena");
        ArenaPhysics p = ArenaPhysics.DEFAULT;
        JsonObject root = new JsonObject();
        root.addProperty("tickRate", TICK_RATE);
        root.add("physics", p.toJson());
        root.add("map", map.toJson());
        JsonArray cases = new JsonArray();
        cases.add(constant("accelerate right from rest", 400, 300, 0, 0, 1, 0, 45));
        cases.add(constant("diagonal input longer than 1 is normalised", 400, 300, 0, 0, 1, 1, 30));
        cases.add(constant("coast to a stop with no input", 400, 300, 300, -100, 0, 0, 40));
        cases.add(constant("into the left arena edge", 60, 500, -200, 0, -1, 0, 20));
        cases.add(constant("into the bottom-right corner", 1560, 960, 150, 150, 1, 1, 20));
        cases.add(constant("head-on into the centre block", 600, 500, 0, 0, 1, 0, 40));
        cases.add(constant("slide along the top of the centre block", 650, 395, 0, 0, 1, 0.4, 50));
        cases.add(constant("into a bunker corner", 250, 170, 0, 0, 1, 1, 30));
        cases.add(constant("centre inside a wall is pushed out", 710, 500, 0, 0, 0, 0, 3));
        cases.add(random("random walk", 800, 250, 120, 7));
        cases.add(random("random walk among the bunkers", 400, 300, 120, 11));
        root.add("cases", cases);
        return root;
    }

    private static JsonObject constant(String name, double x, double y, double vx, double vy, double mx, double my, int n) {
        double[][] inputs = new double[n][];
        for (int i = 0; i < n; i++) {
            inputs[i] = new double[] {mx, my};
        }
        return run(name, x, y, vx, vy, inputs);
    }

    private static JsonObject random(String name, double x, double y, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] inputs = new double[n][];
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) {
            if (i % 10 == 0) {
                // Round to what a keyboard or a stick would send, but keep some non-unit vectors.
                mx = Math.round((rng.nextDouble() * 2 - 1) * 100) / 100.0;
                my = Math.round((rng.nextDouble() * 2 - 1) * 100) / 100.0;
            }
            inputs[i] = new double[] {mx, my};
        }
        return run(name, x, y, 0, 0, inputs);
    }

    private static JsonObject run(String name, double x, double y, double vx, double vy, double[][] inputs) {
        ArenaMap map = ArenaMap.byId("arena");
        Movement.Body b = new Movement.Body(x, y, vx, vy);
        JsonObject c = new JsonObject();
        c.addProperty("name", name);
        c.add("start", arr(x, y, vx, vy));
        JsonArray in = new JsonArray();
        JsonArray out = new JsonArray();
        for (double[] i : inputs) {
            Movement.step(b, i[0], i[1], ArenaPhysics.DEFAULT, map, 1.0 / TICK_RATE);
            in.add(arr(i[0], i[1]));
            out.add(arr(b.x, b.y, b.vx, b.vy));
        }
        c.add("inputs", in);
        c.add("expected", out);
        return c;
    }

    private static JsonArray arr(double... v) {
        JsonArray a = new JsonArray();
        for (double d : v) a.add(d);
        return a;
    }
}
