package io.skirmish.transport;

/**
 * Decides on every HTTP request that would create an Engine.IO session, whatever else its query
 * holds (an empty or bare {@code sid} is no sid, as in the reference server, so such a request is a
 * handshake and comes here too). The engine asks it right before creating a session, so no path to
 * a new session can skip it.
 */
@FunctionalInterface
public interface SessionGate {
    /** Admits everything and counts nothing (the conformance server). */
    SessionGate OPEN = (address, origin, host) -> Admission.admitted(() -> { });

    /**
     * @param address the client's IP address as text
     * @param origin the request's {@code Origin} header, or null
     * @param host the request's {@code Host} header, or null
     */
    Admission admit(String address, String origin, String host);

    /**
     * The decision: a refusal (answered {@code 403 {"code":4,"message":refusal}}) or an admission whose
     * {@code release} runs once, when the session connects to its first namespace or ends before that.
     */
    record Admission(String refusal, Runnable release) {
        public static Admission refused(String refusal) {
            return new Admission(refusal, () -> { });
        }

        public static Admission admitted(Runnable release) {
            return new Admission(null, release);
        }
    }
}
