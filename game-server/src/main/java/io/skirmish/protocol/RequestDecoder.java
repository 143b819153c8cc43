package io.skirmish.protocol;

import java.util.Locale;
import java.util.regex.Pattern;

/** Turns an event name and its decoded JSON payload into a validated {@link Request}. */
public final class RequestDecoder {
    /** Join-code alphabet: no look-alikes (I, L, O, 0, 1). */
    public static final String CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int CODE_LENGTH = 5;
    private static final Pattern CODE = Pattern.compile("[" + CODE_ALPHABET + "]{" + CODE_LENGTH + "}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    public static final int MAX_PASSWORD = 64;
    public static final int MIN_PLAYERS = 2;
    public static final int MAX_PLAYERS = 16;
    public static final int MIN_ROUND_SECONDS = 30;
    public static final int MAX_ROUND_SECONDS = 1800;

    private RequestDecoder() {}

    /**
     * @throws ProtocolException with {@code BAD_REQUEST} when a field is wrong, or when the event is
     *     not a request of this protocol
     */
    public static Request decode(String event, Object payload) {
        Fields f = Fields.of(payload);
        return switch (event) {
            case Events.TIME_SYNC -> new Request.TimeSync(f.has("t") ? f.number("t") : 0);
            case Events.ROOM_QUICKPLAY -> new Request.QuickPlay(f.name("name"), f.optString("game", 32));
            case Events.ROOM_CREATE -> new Request.Create(f.name("name"),
                    f.has("settings") ? patch(f.object("settings")) : Request.SettingsPatch.NONE);
            case Events.ROOM_JOIN -> new Request.Join(code(f), f.name("name"), f.optString("password", MAX_PASSWORD));
            case Events.ROOM_REJOIN -> new Request.Rejoin(token(f));
            case Events.ROOM_SPECTATE -> new Request.Spectate(code(f), f.name("name"), f.optString("password", MAX_PASSWORD));
            case Events.ROOM_LEAVE -> new Request.Leave();
            case Events.ROOM_READY -> new Request.Ready(f.bool("ready"));
            case Events.ROOM_SETTINGS -> new Request.Settings(patch(f));
            case Events.ROOM_START -> new Request.Start();
            case Events.ROOM_KICK -> new Request.Kick((int) f.integer("playerId", 1, Integer.MAX_VALUE));
            case Events.ROOM_LOCK -> new Request.Lock(f.bool("locked"));
            case Events.ROOM_TRANSFER_HOST -> new Request.TransferHost((int) f.integer("playerId", 1, Integer.MAX_VALUE));
            case Events.INPUT -> input(f);
            default -> throw Fields.bad("unknown event");
        };
    }

    /** An input: the room-owned {@code seq} is checked here, the rest is left to the room's game. */
    public static Request.Input input(Fields f) {
        int seq = (int) f.integer("seq", 0, Integer.MAX_VALUE);
        return new Request.Input(seq, f);
    }

    private static String code(Fields f) {
        String code = f.string("code", 16).strip().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw Fields.bad("code must be " + CODE_LENGTH + " characters of " + CODE_ALPHABET);
        }
        return code;
    }

    private static String token(Fields f) {
        String token = f.string("seatToken", 64);
        if (!TOKEN.matcher(token).matches()) {
            throw Fields.bad("seatToken is malformed");
        }
        return token;
    }

    private static Request.SettingsPatch patch(Fields f) {
        Integer maxPlayers = f.has("maxPlayers") ? (int) f.integer("maxPlayers", MIN_PLAYERS, MAX_PLAYERS) : null;
        Integer roundSeconds = f.has("roundSeconds")
                ? (int) f.integer("roundSeconds", MIN_ROUND_SECONDS, MAX_ROUND_SECONDS) : null;
        String map = f.optString("map", 32);
        Boolean spectators = f.has("spectators") ? f.bool("spectators") : null;
        String password = f.optString("password", MAX_PASSWORD);
        String game = f.optString("game", 32);
        return new Request.SettingsPatch(maxPlayers, roundSeconds, map, spectators, password, game);
    }
}
