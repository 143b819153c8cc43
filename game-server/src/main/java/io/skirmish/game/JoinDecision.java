package io.skirmish.game;

import io.skirmish.protocol.ErrorCode;

/** The answer of {@link Game#onJoinAttempt}: accept, or refuse with a code and a reason. */
public record JoinDecision(boolean accepted, ErrorCode code, String reason) {
    public static final JoinDecision ACCEPT = new JoinDecision(true, null, null);

    public static JoinDecision refuse(ErrorCode code, String reason) {
        return new JoinDecision(false, code, reason);
    }
}
