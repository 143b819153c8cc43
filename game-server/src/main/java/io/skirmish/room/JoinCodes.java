package io.skirmish.room;

import io.skirmish.protocol.RequestDecoder;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Predicate;

/** Random join codes, seat tokens and room ids: unguessable, and unrelated to one another. */
public final class JoinCodes {
    private final SecureRandom random;

    public JoinCodes(SecureRandom random) {
        this.random = random;
    }

    /** A new code for which {@code claim} succeeds (it must atomically claim the code among live rooms). */
    public String newCode(Predicate<String> claim) {
        String alphabet = RequestDecoder.CODE_ALPHABET;
        while (true) {
            char[] c = new char[RequestDecoder.CODE_LENGTH];
            for (int i = 0; i < c.length; i++) {
                c[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String code = new String(c);
            if (claim.test(code)) {
                return code;
            }
        }
    }

    /** 128 random bits, base64url. */
    public String newSeatToken() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** A room id: 8 random lowercase letters and digits. */
    public String newRoomId() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        char[] c = new char[8];
        for (int i = 0; i < c.length; i++) {
            c[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(c);
    }

    public long newSeed() {
        return random.nextLong();
    }
}
