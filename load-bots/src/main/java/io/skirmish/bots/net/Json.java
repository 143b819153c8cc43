package io.skirmish.bots.net;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import io.skirmish.bots.behaviour.Intent;
import java.util.HashMap;
import java.util.Map;
import org.json.JSONObject;

/**
 * JSON both ways: Gson reads what the server sends (on the bots' own threads); the library wants
 * {@code org.json} objects for the requests it sends. That old org.json's {@code put} throws a
 * checked exception, so those are built from maps instead.
 */
public final class Json {
    public static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final Gson PRETTY = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

    private Json() {}

    public static <T> T read(String json, Class<T> type) {
        return GSON.fromJson(json, type);
    }

    public static <T> T read(JsonElement json, Class<T> type) {
        return GSON.fromJson(json, type);
    }

    public static String pretty(Object value) {
        return PRETTY.toJson(value);
    }

    /** An object of the given name-value pairs; null values are left out. */
    public static JSONObject object(Object... namesAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                map.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return new JSONObject(map);
    }

    /**
     * The {@code input} payload as JSON text (it goes straight onto the wire, see {@link Wire#emit}),
     * numbers rounded to 3 decimals like a browser client's; {@link Double#toString} writes valid JSON.
     */
    public static String input(int seq, Intent intent) {
        return "{\"seq\":" + seq + ",\"moveX\":" + round3(intent.moveX()) + ",\"moveY\":" + round3(intent.moveY())
                + ",\"aim\":" + round3(intent.aim()) + ",\"fire\":" + intent.fire() + "}";
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
