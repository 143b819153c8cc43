package io.skirmish.bots.net;

import com.google.gson.stream.JsonReader;
import io.skirmish.bots.behaviour.Ship;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code snapshot} payload, streaming: only the fields bots use are decoded, the rest
 * (shots, scores, velocities) are skipped. Snapshots are most of what the bots receive, and
 * reflective mapping of every field cost several times more.
 */
public final class SnapshotReader {
    private SnapshotReader() {}

    /**
     * @throws IllegalArgumentException when the text is not JSON
     * @throws IllegalStateException when a field has the wrong type
     */
    public static Messages.Snapshot read(String json) {
        try (JsonReader in = new JsonReader(new StringReader(json))) {
            long tick = 0;
            long time = 0;
            List<Ship> players = List.of();
            int it = 0;
            in.beginObject();
            while (in.hasNext()) {
                switch (in.nextName()) {
                    case "tick" -> tick = in.nextLong();
                    case "time" -> time = in.nextLong();
                    case "players" -> players = players(in);
                    case "it" -> it = nullableInt(in); // tag's player who is "it"
                    default -> in.skipValue();
                }
            }
            in.endObject();
            return new Messages.Snapshot(tick, time, players, it);
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed snapshot: " + e.getMessage(), e);
        }
    }

    /** An int, or 0 for null. */
    private static int nullableInt(JsonReader in) throws IOException {
        if (in.peek() == com.google.gson.stream.JsonToken.NULL) {
            in.nextNull();
            return 0;
        }
        return in.nextInt();
    }

    private static List<Ship> players(JsonReader in) throws IOException {
        List<Ship> ships = new ArrayList<>();
        in.beginArray();
        while (in.hasNext()) {
            ships.add(ship(in));
        }
        in.endArray();
        return ships;
    }

    private static Ship ship(JsonReader in) throws IOException {
        int id = 0;
        double x = 0;
        double y = 0;
        double a = 0;
        long seq = 0;
        int st = 0;
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "id" -> id = in.nextInt();
                case "x" -> x = in.nextDouble();
                case "y" -> y = in.nextDouble();
                case "a" -> a = in.nextDouble();
                case "seq" -> seq = in.nextLong();
                case "st" -> st = in.nextInt();
                default -> in.skipValue();
            }
        }
        in.endObject();
        return new Ship(id, x, y, a, seq, st);
    }
}
