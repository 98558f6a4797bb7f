package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Account passwords hashed with Argon2id (RFC 9106) and stored in the PHC string format
 * {@code $argon2id$v=19$m=<KiB>,t=<passes>,p=<lanes>$<salt>$<hash>} (base64 without padding), so that the cost can
 * be raised later and old hashes still verify. Passwords are NFC-normalised UTF-8. Stateless and thread-safe.
 */
public final class PasswordHash {
    /** OWASP Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1. */
    public static final Argon2idParameters DEFAULT = new Argon2idParameters(19_456, 2, 1);
    static final int SALT_LENGTH = 16;
    static final int HASH_LENGTH = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=([0-9]{1,9}),t=([0-9]{1,9}),p=([0-9]{1,9})\\$([A-Za-z0-9+/]{16,})\\$([A-Za-z0-9+/]{16,})");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    private PasswordHash() {
    }

    /** The PHC string of {@code password} with {@link #DEFAULT} cost and a fresh salt. */
    public static String hash(char[] password) {
        return hash(password, DEFAULT);
    }

    public static String hash(char[] password, Argon2idParameters cost) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        byte[] h = derive(password, salt, cost, HASH_LENGTH);
        return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(h);
    }

    /**
     * Whether {@code password} matches the PHC string {@code stored} (compared in constant time).
     *
     * @throws MicrocredException {@code MALFORMED_INPUT} when {@code stored} is not an Argon2id PHC string
     */
    public static boolean verify(char[] password, String stored) {
        Matcher m = PHC.matcher(stored == null ? "" : stored);
        if (!m.matches()) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "not an Argon2id password hash");
        }
        Argon2idParameters cost = new Argon2idParameters(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
        byte[] salt = Base64.getDecoder().decode(m.group(4));
        byte[] expected = Base64.getDecoder().decode(m.group(5));
        byte[] actual = derive(password, salt, cost, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    static byte[] derive(char[] password, byte[] salt, Argon2idParameters cost, int length) {
        if (password == null || password.length == 0) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the password is empty");
        }
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(
                Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFC));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            // RFC 9106 §3.1: Argon2id, version 0x13
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(cost.memoryKib())
                    .withIterations(cost.iterations()).withParallelism(cost.parallelism()).withSalt(salt).build());
            byte[] out = new byte[length];
            generator.generateBytes(bytes, out);
            return out;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
