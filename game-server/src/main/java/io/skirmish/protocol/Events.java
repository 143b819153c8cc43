package io.skirmish.protocol;

/**
 * Every Socket.IO event name of the Skirmish protocol, in one place (see {@code docs/protocol.md}).
 * The browser client mirrors these in {@code game-client-js/src/protocol.js}; the bots use this class.
 */
public final class Events {
    private Events() {}

    // client -> server, with ack
    public static final String TIME_SYNC = "time:sync";
    public static final String ROOM_QUICKPLAY = "room:quickplay";
    public static final String ROOM_CREATE = "room:create";
    public static final String ROOM_JOIN = "room:join";
    public static final String ROOM_REJOIN = "room:rejoin";
    public static final String ROOM_SPECTATE = "room:spectate";
    public static final String ROOM_LEAVE = "room:leave";
    public static final String ROOM_READY = "room:ready";
    public static final String ROOM_SETTINGS = "room:settings";
    public static final String ROOM_START = "room:start";
    public static final String ROOM_KICK = "room:kick";
    public static final String ROOM_LOCK = "room:lock";
    public static final String ROOM_TRANSFER_HOST = "room:transfer-host";
    // client -> server, no ack
    public static final String INPUT = "input";

    // server -> client
    public static final String SNAPSHOT = "snapshot";
    public static final String ROOM_UPDATE = "room:update";
    public static final String GAME_EVENT = "game:event";
    /** The join answer's {@code game} object again, when the host changed the game or map in the lobby. */
    public static final String GAME_INFO = "game:info";
    public static final String ROOM_KICKED = "room:kicked";
    public static final String ROOM_CLOSED = "room:closed";
    /** A message to everyone in the room from the server's operator: {@code {from, text}}. */
    public static final String ROOM_NOTICE = "room:notice";
    public static final String SERVER_ERROR = "server:error";
    public static final String SERVER_SHUTDOWN = "server:shutdown";

    /** The request events a client may send with an ack. */
    public static final java.util.List<String> REQUESTS = java.util.List.of(
            TIME_SYNC, ROOM_QUICKPLAY, ROOM_CREATE, ROOM_JOIN, ROOM_REJOIN, ROOM_SPECTATE, ROOM_LEAVE,
            ROOM_READY, ROOM_SETTINGS, ROOM_START, ROOM_KICK, ROOM_LOCK, ROOM_TRANSFER_HOST);
}
