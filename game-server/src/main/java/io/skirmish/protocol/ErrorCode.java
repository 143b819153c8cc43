package io.skirmish.protocol;

/** The error codes of failed acks and {@code server:error} events; the names are the wire codes. */
public enum ErrorCode {
    BAD_REQUEST,
    ROOM_NOT_FOUND,
    ROOM_FULL,
    ROOM_LOCKED,
    BAD_PASSWORD,
    NOT_IN_ROOM,
    NOT_HOST,
    SEAT_EXPIRED,
    RATE_LIMITED,
    SERVER_DRAINING,
    SERVER_FULL,
    BAD_STATE,
    /** Not an error: the room is on another node; the answer's {@code moveTo} says where to repeat the request. */
    MOVED,
    /** Cluster mode: the request needs the cluster directory (Redis), which is unreachable now. */
    CLUSTER_UNAVAILABLE,
    INTERNAL
}
