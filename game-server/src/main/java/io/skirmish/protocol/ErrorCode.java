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
    INTERNAL
}
