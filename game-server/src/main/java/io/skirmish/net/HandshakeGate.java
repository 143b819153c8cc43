package io.skirmish.net;

import io.skirmish.transport.SessionGate;

/**
 * What every request that would open an Engine.IO session must pass, however its query looks: an
 * allowed browser origin, the live-session caps ({@link ConnectionLimits}) and the caps on sessions
 * that have not connected to a namespace yet (handshakes that were never followed up would otherwise
 * be held, uncounted, for the connect timeout). Refusals are counted by reason.
 */
final class HandshakeGate implements SessionGate {
    private final OriginPolicy origins;
    private final ConnectionLimits limits;
    private final AddressCounter pending;
    private final NetMetrics metrics;

    HandshakeGate(OriginPolicy origins, ConnectionLimits limits, NetLimits caps, NetMetrics metrics) {
        this.origins = origins;
        this.limits = limits;
        this.pending = new AddressCounter(caps.maxPendingHandshakes(), caps.maxPendingHandshakesPerAddress());
        this.metrics = metrics;
        metrics.gauge("skirmish_pending_handshakes", "Engine.IO sessions not yet connected to a namespace",
                pending::total);
    }

    @Override
    public Admission admit(String address, String origin, String host) {
        if (!origins.allows(origin, host)) {
            metrics.handshakeRefused("origin");
            return Admission.refused("FORBIDDEN_ORIGIN: this origin may not connect");
        }
        String over = limits.refusal(address);
        if (over != null) {
            metrics.handshakeRefused("connection_limit");
            return Admission.refused("SERVER_FULL: " + over);
        }
        AddressCounter.Refusal r = pending.tryAcquire(address);
        if (r != null) {
            String reason = r == AddressCounter.Refusal.TOTAL ? "pending_handshakes" : "pending_handshakes_per_address";
            metrics.handshakeRefused(reason);
            return Admission.refused("SERVER_FULL: too many handshakes not yet connected"
                    + (r == AddressCounter.Refusal.TOTAL ? "" : " from your address"));
        }
        return Admission.admitted(() -> pending.release(address));
    }

    int pending() {
        return pending.total();
    }
}
