package io.skirmish.transport.engine;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * The reference server's HTTP errors: status and {@code {"code":N,"message":"..."}} body. netty-socketio
 * answered 200 to bad handshakes and 500 to unknown session ids.
 */
enum EngineError {
    UNKNOWN_TRANSPORT(0, "Transport unknown"),
    UNKNOWN_SID(1, "Session ID unknown"),
    BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),
    BAD_REQUEST(3, "Bad request"),
    FORBIDDEN(4, "Forbidden"),
    UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version");

    final int code;
    final String message;

    EngineError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    HttpResponseStatus status() {
        return this == FORBIDDEN ? HttpResponseStatus.FORBIDDEN : HttpResponseStatus.BAD_REQUEST;
    }

    String json() {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
    }
}
