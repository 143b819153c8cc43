package io.skirmish.protocol;

import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/** Writes rounded numbers compactly: {@code 12} rather than {@code 12.0}, at most the given decimals. */
public final class JsonNumbers {
    private JsonNumbers() {}

    public static void write(JsonWriter out, double v, int decimals) throws IOException {
        double scale = decimals == 2 ? 100 : Math.pow(10, decimals);
        double r = Math.round(v * scale) / scale;
        if (r == (long) r) {
            out.value((long) r);
        } else {
            out.value(r);
        }
    }
}
