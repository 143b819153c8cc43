package io.skirmish.game;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The games a server runs, by id, and which of them quick play offers. Immutable and thread-safe.
 *
 * <pre>{@code
 * GameCatalog games = GameCatalog.of(ArenaGame.TYPE, TagGame.TYPE).withQuickplay(List.of("arena"));
 * }</pre>
 */
public final class GameCatalog {
    private final Map<String, GameType> byId;
    private final List<String> quickplay;

    private GameCatalog(Map<String, GameType> byId, List<String> quickplay) {
        this.byId = byId;
        this.quickplay = List.copyOf(quickplay);
    }

    public static GameCatalog of(GameType... types) {
        Map<String, GameType> m = new LinkedHashMap<>();
        for (GameType t : types) {
            if (m.putIfAbsent(t.id(), t) != null) throw new IllegalArgumentException("two games with id " + t.id());
        }
        if (m.isEmpty()) throw new IllegalArgumentException("a catalog needs a game");
        return new GameCatalog(java.util.Collections.unmodifiableMap(m), new ArrayList<>(m.keySet()));
    }

    /**
     * This catalog, with quick play offering only {@code ids} (in that order; the first is quick
     * play's default). An empty list keeps every game.
     *
     * @throws IllegalArgumentException for an id that is not in the catalog
     */
    public GameCatalog withQuickplay(List<String> ids) {
        if (ids.isEmpty()) return new GameCatalog(byId, all().stream().map(GameType::id).toList());
        for (String id : ids) {
            if (!byId.containsKey(id)) throw new IllegalArgumentException("unknown game " + id + "; known: " + ids());
        }
        return new GameCatalog(byId, ids.stream().distinct().toList());
    }

    /** The game with this id, or null. */
    public GameType get(String id) {
        return id == null ? null : byId.get(id);
    }

    /** Every game, the default first. */
    public List<GameType> all() {
        return quickplayOrder(byId.values());
    }

    private List<GameType> quickplayOrder(java.util.Collection<GameType> types) {
        List<GameType> l = new ArrayList<>(types);
        l.sort(java.util.Comparator.comparingInt(t -> {
            int i = quickplay.indexOf(t.id());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        return l;
    }

    public List<String> ids() {
        return all().stream().map(GameType::id).toList();
    }

    /** The ids quick play offers, the default first. */
    public List<String> quickplay() {
        return quickplay;
    }

    /** The game of a room whose settings name none: quick play's first. */
    public GameType defaultGame() {
        return byId.get(quickplay.get(0));
    }

    /** {@code {games:[{id, name, maps, quickplay}]}}, as {@code GET /api/games} answers. */
    public JsonObject toJson() {
        JsonArray list = new JsonArray();
        for (GameType t : all()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", t.id());
            o.addProperty("name", t.name());
            JsonArray maps = new JsonArray();
            t.maps().forEach(maps::add);
            o.add("maps", maps);
            o.addProperty("quickplay", quickplay.contains(t.id()));
            list.add(o);
        }
        JsonObject o = new JsonObject();
        o.add("games", list);
        return o;
    }
}
