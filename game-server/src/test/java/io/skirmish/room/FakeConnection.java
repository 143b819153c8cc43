package io.skirmish.room;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.List;

/** A connection that records what the room sends it. */
final class FakeConnection implements Connection {
    record Sent(String event, String json) {
        JsonObject obj() {
            return JsonParser.parseString(json).getAsJsonObject();
        }
    }

    final String address;
    final List<Sent> sent = new ArrayList<>();
    volatile boolean writable = true;
    volatile boolean closed;

    FakeConnection(String address) {
        this.address = address;
    }

    FakeConnection() {
        this("127.0.0.1");
    }

    @Override
    public synchronized void send(String event, RawJson payload) {
        sent.add(new Sent(event, payload.json()));
    }

    @Override
    public synchronized boolean sendVolatile(String event, RawJson payload) {
        if (!writable) return false;
        sent.add(new Sent(event, payload.json()));
        return true;
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public void close() {
        closed = true;
    }

    synchronized List<JsonObject> all(String event) {
        return sent.stream().filter(s -> s.event().equals(event)).map(Sent::obj).toList();
    }

    synchronized JsonObject last(String event) {
        List<JsonObject> l = all(event);
        return l.isEmpty() ? null : l.get(l.size() - 1);
    }

    synchronized void clear() {
        sent.clear();
    }
}
