package io.skirmish.arena;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/** A map: its size, its walls (axis-aligned rectangles) and where ships spawn. */
public record ArenaMap(String id, double width, double height, List<Rect> walls, List<Point> spawns) {

    public record Rect(double x, double y, double w, double h) {
        boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

    public record Point(double x, double y) {}

    public ArenaMap {
        walls = List.copyOf(walls);
        spawns = List.copyOf(spawns);
    }

    /** The maps a room can choose; the first is the default. */
    public static final Map<String, ArenaMap> ALL = Map.of(
            "arena", arena(),
            "pillars", pillars());

    public static final String DEFAULT_ID = "arena";

    public static ArenaMap byId(String id) {
        ArenaMap m = ALL.get(id);
        if (m == null) {
            throw new IllegalArgumentException("unknown map");
        }
        return m;
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("id", id);
        o.addProperty("width", width);
        o.addProperty("height", height);
        JsonArray ws = new JsonArray();
        for (Rect r : walls) {
            JsonArray a = new JsonArray();
            a.add(r.x);
            a.add(r.y);
            a.add(r.w);
            a.add(r.h);
            ws.add(a);
        }
        o.add("walls", ws);
        return o;
    }

    /** Open centre block, four corner bunkers and side cover. */
    private static ArenaMap arena() {
        return new ArenaMap("arena", 1600, 1000,
                List.of(new Rect(700, 420, 200, 160),
                        new Rect(300, 200, 180, 40), new Rect(300, 200, 40, 160),
                        new Rect(1120, 200, 180, 40), new Rect(1260, 200, 40, 160),
                        new Rect(300, 760, 180, 40), new Rect(300, 640, 40, 160),
                        new Rect(1120, 760, 180, 40), new Rect(1260, 640, 40, 160),
                        new Rect(780, 120, 40, 140), new Rect(780, 740, 40, 140)),
                List.of(new Point(120, 120), new Point(1480, 120), new Point(120, 880), new Point(1480, 880),
                        new Point(800, 60), new Point(800, 940), new Point(80, 500), new Point(1520, 500),
                        new Point(560, 500), new Point(1040, 500)));
    }

    /** A grid of pillars: close fighting, many lines of sight broken. */
    private static ArenaMap pillars() {
        var walls = new java.util.ArrayList<Rect>();
        for (int col = 0; col < 5; col++) {
            for (int row = 0; row < 3; row++) {
                walls.add(new Rect(230 + col * 280, 190 + row * 280, 60, 60));
            }
        }
        return new ArenaMap("pillars", 1400, 920, walls,
                List.of(new Point(100, 100), new Point(1300, 100), new Point(100, 820), new Point(1300, 820),
                        new Point(700, 80), new Point(700, 840), new Point(120, 460), new Point(1280, 460)));
    }

    boolean blocked(double x, double y) {
        if (x < 0 || y < 0 || x > width || y > height) {
            return true;
        }
        for (Rect r : walls) {
            if (r.contains(x, y)) {
                return true;
            }
        }
        return false;
    }
}
