package io.skirmish.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The server view's charts: a sample every few seconds of the server's state, the last ten minutes kept. */
final class ServerHistory implements AutoCloseable {
    static final int EVERY_SECONDS = 2;
    static final int KEEP = 300;

    /** One sample. */
    record Sample(long at, int connections, int players, int rooms, long heapUsed, long heapMax, double refused,
                  boolean overloaded, boolean accepting, long recorderBytes) {}

    private final AdminConsole.Server server;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "admin-history");
        t.setDaemon(true);
        return t;
    });

    ServerHistory(AdminConsole.Server server) {
        this.server = server;
    }

    void start() {
        timer.scheduleAtFixedRate(this::sample, 0, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    Sample now() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Sample(System.currentTimeMillis(), server.connections(), server.rooms().playerCount(),
                server.rooms().roomCount(), heap.getUsed(), heap.getMax(), server.handshakesRefused(),
                server.rooms().overloaded(), server.rooms().accepting(), server.recorders().bytes());
    }

    private void sample() {
        try {
            Sample s = now();
            synchronized (samples) {
                samples.addLast(s);
                while (samples.size() > KEEP) samples.pollFirst();
            }
        } catch (RuntimeException e) {
            // A failed sample leaves a gap in the chart; the timer must go on.
        }
    }

    JsonArray json() {
        JsonArray a = new JsonArray();
        synchronized (samples) {
            for (Sample s : samples) a.add(json(s));
        }
        return a;
    }

    static JsonObject json(Sample s) {
        JsonObject o = new JsonObject();
        o.addProperty("at", s.at());
        o.addProperty("connections", s.connections());
        o.addProperty("players", s.players());
        o.addProperty("rooms", s.rooms());
        o.addProperty("heapUsed", s.heapUsed());
        o.addProperty("heapMax", s.heapMax());
        o.addProperty("handshakesRefused", s.refused());
        o.addProperty("overloaded", s.overloaded());
        o.addProperty("accepting", s.accepting());
        o.addProperty("recorderBytes", s.recorderBytes());
        return o;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
