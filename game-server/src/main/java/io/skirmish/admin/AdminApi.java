package io.skirmish.admin;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.skirmish.net.FullHttpRoutes.Reply;
import io.skirmish.net.FullHttpRoutes.Request;
import io.skirmish.protocol.ProtocolException;
import io.skirmish.recorder.FlightRecorder;
import io.skirmish.room.RawJson;
import io.skirmish.room.Room;
import io.skirmish.room.RoomSummary;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin JSON API (already authorised): rooms, one room, its live snapshot and recording, the
 * server view, and the operator's actions. Each action is logged with the room and the action.
 */
final class AdminApi {
    private static final Logger audit = LoggerFactory.getLogger("io.skirmish.admin.audit");
    private static final Pattern ROOM = Pattern.compile("^/admin/api/rooms/([a-z0-9]{1,32})(/[a-z]+)?$");
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    static final int MAX_MESSAGE = 200;
    private static final long ROOM_ANSWER_SECONDS = 3;

    private final AdminConsole.Server server;
    private final RoomStats stats;
    private final ServerHistory history;

    AdminApi(AdminConsole.Server server, RoomStats stats, ServerHistory history) {
        this.server = server;
        this.stats = stats;
        this.history = history;
    }

    CompletableFuture<Reply> handle(Request r, String via) {
        String path = r.path();
        boolean get = r.method().equals("GET") || r.method().equals("HEAD");
        boolean post = r.method().equals("POST");
        if (path.equals("/admin/api/session") && get) {
            return AdminConsole.done(Reply.json(200, "{\"ok\":true,\"via\":\"" + via + "\"}"));
        }
        if (path.equals("/admin/api/rooms") && get) {
            return AdminConsole.done(Reply.json(200, rooms().toString()));
        }
        if (path.equals("/admin/api/server") && get) {
            return AdminConsole.done(Reply.json(200, serverView().toString()));
        }
        if (path.equals("/admin/api/drain") && post) {
            audit.info("admin action=drain via={}", via);
            server.drain();
            return AdminConsole.done(Reply.json(202, "{\"ok\":true,\"draining\":true}"));
        }
        Matcher m = ROOM.matcher(path);
        if (!m.matches()) {
            return AdminConsole.done(AdminConsole.error(404, "no such admin endpoint"));
        }
        String id = m.group(1);
        String action = m.group(2) == null ? "" : m.group(2).substring(1);
        Room room = server.rooms().room(id);
        if (get && action.equals("recording")) {
            return recording(id, room, via);
        }
        if (room == null) {
            return AdminConsole.done(AdminConsole.error(404, "no such room"));
        }
        if (get) {
            return switch (action) {
                case "" -> answer(room.operator().inspect().thenApply(j -> roomDetail(room, j)));
                case "live" -> AdminConsole.done(live(room));
                default -> AdminConsole.done(AdminConsole.error(404, "no such admin endpoint"));
            };
        }
        if (!post) {
            return AdminConsole.done(AdminConsole.error(405, "GET or POST"));
        }
        JsonObject body;
        try {
            String text = new String(r.body(), StandardCharsets.UTF_8);
            body = text.isBlank() ? new JsonObject() : JsonParser.parseString(text).getAsJsonObject();
        } catch (RuntimeException e) {
            return AdminConsole.done(AdminConsole.error(400, "the body must be a JSON object"));
        }
        return switch (action) {
            case "kick" -> {
                Integer player = intField(body, "player");
                if (player == null) yield AdminConsole.done(AdminConsole.error(400, "player (an id) is required"));
                audit.info("admin action=kick room={} player={} via={}", id, player, via);
                yield answer(room.operator().kick(player).thenApply(j -> ok(j)));
            }
            case "lock", "unlock" -> {
                boolean lock = action.equals("lock");
                audit.info("admin action={} room={} via={}", action, id, via);
                yield answer(room.operator().lock(lock).thenApply(j -> ok(j)));
            }
            case "close" -> {
                audit.info("admin action=close room={} via={}", id, via);
                yield answer(room.operator().close().thenApply(j -> ok(j)));
            }
            case "message" -> {
                String text = body.has("text") && body.get("text").isJsonPrimitive() ? body.get("text").getAsString() : "";
                text = text.strip();
                if (text.isEmpty() || text.length() > MAX_MESSAGE || text.chars().anyMatch(c -> c < 0x20)) {
                    yield AdminConsole.done(AdminConsole.error(400, "text: 1 to " + MAX_MESSAGE + " printable characters"));
                }
                audit.info("admin action=message room={} chars={} via={}", id, text.length(), via);
                yield answer(room.operator().message(text).thenApply(j -> ok(j)));
            }
            default -> AdminConsole.done(AdminConsole.error(404, "no such admin action"));
        };
    }

    private CompletableFuture<Reply> recording(String id, Room room, String via) {
        audit.info("admin action=recording room={} via={}", id, via);
        var f = server.recorders().recording(room, id, "requested from the console");
        if (f.isEmpty()) {
            return AdminConsole.done(AdminConsole.error(404, "no recording of that room"));
        }
        String name = "room-" + id + "-" + FILE_TIME.format(Instant.now()) + ".skrec.gz";
        return answer(f.get().thenApply(bytes -> new Reply(200, "application/gzip", bytes,
                Map.of("Content-Disposition", "attachment; filename=\"" + name + "\""))));
    }

    private static Reply ok(RawJson j) {
        return Reply.json(200, j.json());
    }

    private static Integer intField(JsonObject o, String name) {
        try {
            JsonElement e = o.get(name);
            return e == null || !e.isJsonPrimitive() ? null : e.getAsInt();
        } catch (RuntimeException x) {
            return null;
        }
    }

    /** Waits (without blocking) for a room's answer, at most a few seconds; refusals become 4xx. */
    private static CompletableFuture<Reply> answer(CompletableFuture<Reply> f) {
        return f.orTimeout(ROOM_ANSWER_SECONDS, TimeUnit.SECONDS).handle((reply, err) -> {
            if (err == null) return reply;
            Throwable c = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
            if (c instanceof ProtocolException p) {
                return AdminConsole.error(p.code().name().equals("BAD_REQUEST") ? 400 : 409, p.getMessage());
            }
            if (c instanceof TimeoutException) return AdminConsole.error(503, "the room did not answer in time");
            return AdminConsole.error(500, "internal error");
        });
    }

    JsonObject rooms() {
        JsonArray list = new JsonArray();
        var live = server.rooms().rooms();
        stats.retain(live.stream().map(Room::id).collect(Collectors.toSet()));
        long now = System.currentTimeMillis();
        for (Room room : live) {
            list.add(roomRow(room, now));
        }
        JsonObject o = new JsonObject();
        o.add("rooms", list);
        JsonArray failed = new JsonArray();
        server.recorders().failedRoomIds().forEach(failed::add);
        o.add("failedRecordings", failed);
        return o;
    }

    private JsonObject roomRow(Room room, long now) {
        RoomSummary s = room.summary();
        JsonObject o = new JsonObject();
        o.addProperty("id", room.id());
        o.addProperty("code", room.code());
        o.addProperty("private", room.isPrivate());
        o.addProperty("game", gameOf(room));
        o.addProperty("map", s.map());
        o.addProperty("phase", s.phase());
        o.addProperty("players", s.players());
        o.addProperty("capacity", s.capacity());
        o.addProperty("spectators", s.spectators());
        o.addProperty("locked", room.isLocked());
        RoomStats.Room st = stats.of(room.id());
        o.addProperty("tickP50Ms", st == null ? 0 : st.quantile(0.5) / 1e6);
        o.addProperty("tickP99Ms", st == null ? 0 : st.quantile(0.99) / 1e6);
        o.addProperty("snapshotBytes", st == null ? 0 : st.snapshotBytes());
        // Each snapshot goes to every member: the room's snapshot bandwidth out.
        o.addProperty("bytesPerSecond", st == null ? 0 : st.snapshotBytesPerSecond() * (s.players() + s.spectators()));
        o.addProperty("ageSeconds", Math.max(0, (now - room.createdAtMillis()) / 1000));
        o.addProperty("recorderBytes", server.recorders().of(room).map(FlightRecorder::bytes).orElse(0L));
        return o;
    }

    private Reply roomDetail(Room room, RawJson inspect) {
        JsonObject o = roomRow(room, System.currentTimeMillis());
        o.add("room", JsonParser.parseString(inspect.json()));
        RoomStats.Room st = stats.of(room.id());
        JsonArray ticks = new JsonArray();
        if (st != null) {
            for (long n : st.recent(150)) ticks.add(Math.round(n / 100.0) / 10.0); // microseconds, one decimal
        }
        o.add("tickMicros", ticks);
        server.recorders().of(room).ifPresent(rec -> {
            long[] span = rec.span();
            JsonObject r = new JsonObject();
            r.addProperty("bytes", rec.bytes());
            r.addProperty("firstTick", span[0]);
            r.addProperty("lastTick", span[1]);
            o.add("recorder", r);
        });
        return Reply.json(200, o.toString());
    }

    private static Reply live(Room room) {
        RawJson snap = room.latestSnapshot();
        return Reply.json(200, snap == null ? "null" : snap.json());
    }

    private JsonObject serverView() {
        JsonObject o = ServerHistory.json(history.now());
        o.addProperty("draining", !server.rooms().accepting() && !server.rooms().overloaded());
        o.addProperty("recorderSeconds", server.recorders().stats().seconds());
        o.addProperty("recordedTicks", server.recorders().stats().ticks());
        o.add("history", history.json());
        return o;
    }

    static String gameOf(Room room) {
        return room.settings().game();
    }
}
