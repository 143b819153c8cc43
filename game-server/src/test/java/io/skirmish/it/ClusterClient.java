package io.skirmish.it;

import com.google.gson.JsonObject;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * A test player that follows {@code MOVED} the way the browser client and the bots do: it connects
 * to {@code moveTo.url} and repeats the same request with {@code reservation} added.
 */
final class ClusterClient implements AutoCloseable {
    TestClient client;
    int port;
    int moves;

    ClusterClient(int port) throws Exception {
        this.port = port;
        this.client = TestClient.connect(port);
    }

    /** Sends a request and follows at most one move; returns the final answer. */
    JsonObject call(String event, String json) throws Exception {
        JsonObject answer = client.call(event, json);
        if (isMoved(answer)) {
            JsonObject to = answer.getAsJsonObject("moveTo");
            int target = URI.create(to.get("url").getAsString()).getPort();
            client.close();
            port = target;
            client = TestClient.connect(target);
            moves++;
            com.google.gson.JsonObject again = com.google.gson.JsonParser.parseString(json).getAsJsonObject();
            if (to.has("reservation")) again.add("reservation", to.get("reservation"));
            answer = client.request(event, again.toString()).get(10, TimeUnit.SECONDS);
        }
        return answer;
    }

    static boolean isMoved(JsonObject answer) {
        return answer.has("error") && "MOVED".equals(answer.getAsJsonObject("error").get("code").getAsString());
    }

    static String code(JsonObject answer) {
        return answer.has("error") ? answer.getAsJsonObject("error").get("code").getAsString() : "OK";
    }

    @Override
    public void close() {
        client.close();
    }
}
