package io.skirmish.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The admin token: given ({@code --admin-token} or {@code SKIRMISH_ADMIN_TOKEN}) or generated at
 * start. Compared in constant time: both sides are hashed to the same length first, then compared
 * with {@link MessageDigest#isEqual}, so neither the length nor a matching prefix shows in timing.
 */
public final class AdminToken {
    private final byte[] digest;
    private final boolean generated;
    private final String generatedValue;

    private AdminToken(String token, boolean generated) {
        this.digest = sha256(token);
        this.generated = generated;
        this.generatedValue = generated ? token : null;
    }

    /** The given token, or a new random one when {@code given} is null or blank. */
    public static AdminToken of(String given, SecureRandom random) {
        if (given != null && !given.isBlank()) {
            return new AdminToken(given.strip(), false);
        }
        byte[] b = new byte[24];
        random.nextBytes(b);
        return new AdminToken(Base64.getUrlEncoder().withoutPadding().encodeToString(b), true);
    }

    public boolean generated() {
        return generated;
    }

    /** The generated token, to be logged once at start; null when the operator chose it. */
    public String generatedValue() {
        return generatedValue;
    }

    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(candidate));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "AdminToken[redacted]";
    }
}
