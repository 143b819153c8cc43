package io.skirmish.bots.harness;

import io.skirmish.bots.net.Reply;
import io.skirmish.protocol.ErrorCode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * When a refused join is tried again: only for refusals that may pass (overload, rate limits,
 * timeouts), a few times, with exponential backoff and jitter (so that refused bots do not come
 * back all at once).
 */
final class JoinRetry {
    static final int MAX_ATTEMPTS = 4;
    private static final Duration FIRST_DELAY = Duration.ofMillis(500);
    private static final Set<String> RETRYABLE = Set.of(ErrorCode.RATE_LIMITED.name(), ErrorCode.SERVER_FULL.name(),
            ErrorCode.INTERNAL.name(), Reply.TIMEOUT);

    private JoinRetry() {}

    /** The delay before attempt {@code failedAttempts + 1}, or empty to give up. */
    static Optional<Duration> delayAfter(int failedAttempts, String code, RandomGenerator rng) {
        if (failedAttempts >= MAX_ATTEMPTS || !RETRYABLE.contains(code)) {
            return Optional.empty();
        }
        long base = FIRST_DELAY.toMillis() << (failedAttempts - 1);
        return Optional.of(Duration.ofMillis(base + rng.nextLong(base / 2 + 1)));
    }
}
