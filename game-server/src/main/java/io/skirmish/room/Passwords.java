package io.skirmish.room;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Room passwords are kept as salted PBKDF2 hashes and compared in constant time; the clear text is never kept. */
public final class Passwords {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ITERATIONS = 2_000;

    private Passwords() {}

    /** A salted hash; its {@code toString} shows nothing of it. */
    public record Hash(byte[] salt, byte[] hash) {
        @Override
        public String toString() {
            return "Hash[redacted]";
        }
    }

    public static Hash hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new Hash(salt, derive(password, salt));
    }

    public static boolean matches(Hash expected, String candidate) {
        if (expected == null) {
            return true;
        }
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.hash(), derive(candidate, expected.salt()));
    }

    private static byte[] derive(String password, byte[] salt) {
        try {
            var spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        }
    }
}
