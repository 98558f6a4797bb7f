package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * A private key encrypted at rest: microcred key file format version 1, specified byte for byte in
 * {@code docs/KEYFILE.md}. The private key is sealed with AES-256-GCM; the AES key comes either from a
 * passphrase through Argon2id (parameters and salt in the file) or from a 32-byte {@link KeyEncryptionKey}
 * through HKDF-SHA256 (salt in the file). Every header line is bound to the ciphertext as associated data.
 *
 * <p>{@link #parse} reads the public part without any secret; {@link #open} decrypts. A file that does not
 * start with the armor line is {@link Problem#MALFORMED_INPUT}; a later version is {@link Problem#UNSUPPORTED};
 * any other deviation, a wrong passphrase or key-encryption key, or an altered byte is
 * {@link Problem#DECRYPTION_FAILED}. Immutable and thread-safe.
 */
public final class KeyFile {
    /** The first line of every key file. */
    public static final String BEGIN = "-----BEGIN MICROCRED PRIVATE KEY-----";
    /** The last line of every key file. */
    public static final String END = "-----END MICROCRED PRIVATE KEY-----";
    /** The format version this class writes and reads. */
    public static final int VERSION = 1;

    static final int SALT_LENGTH = 16;
    static final int NONCE_LENGTH = 12;
    static final int TAG_BITS = 128;
    static final int LINE_LENGTH = 64;
    /** HKDF {@code info} for the key-encryption-key protection. */
    static final byte[] HKDF_INFO = "microcred key file v1".getBytes(StandardCharsets.US_ASCII);
    /** The largest key file accepted (an RSA-8192 key file is under 8 KiB). */
    static final int MAX_LENGTH = 64 * 1024;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64U = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern VERSION_LINE = Pattern.compile("version: ([0-9]{1,9})");
    private static final Pattern ARGON2_LINE = Pattern.compile("kdf: argon2id; m=([1-9][0-9]{0,8}); t=([1-9][0-9]{0,8});"
            + " p=([1-9][0-9]{0,8})");
    private static final Pattern B64U_TEXT = Pattern.compile("[A-Za-z0-9_-]+");

    /** How the AES key of a key file is obtained. */
    public enum Protection {
        /** Argon2id of a passphrase ({@code protection: passphrase}). */
        PASSPHRASE("passphrase"),
        /** HKDF-SHA256 of a 32-byte key-encryption key ({@code protection: kek}). */
        KEY_ENCRYPTION_KEY("kek");

        private final String label;

        Protection(String label) {
            this.label = label;
        }
    }

    private final String keyTypeLabel;
    private final PublicKey publicKey;
    private final Protection protection;
    private final Argon2idParameters argon2;
    private final byte[] salt;
    private final byte[] nonce;
    private final byte[] ciphertext;
    private final String header;

    private KeyFile(String keyTypeLabel, PublicKey publicKey, Protection protection, Argon2idParameters argon2,
            byte[] salt, byte[] nonce, byte[] ciphertext) {
        this.keyTypeLabel = keyTypeLabel;
        this.publicKey = publicKey;
        this.protection = protection;
        this.argon2 = argon2;
        this.salt = salt;
        this.nonce = nonce;
        this.ciphertext = ciphertext;
        this.header = header(keyTypeLabel, publicKey, protection, argon2, salt, nonce);
    }

    // ---------------------------------------------------------------- sealing

    /** Seals {@code key} under {@code passphrase} with {@link Argon2idParameters#DEFAULT}. */
    public static KeyFile seal(Signer key, char[] passphrase) {
        return seal(key, passphrase, Argon2idParameters.DEFAULT);
    }

    /** Seals {@code key} under {@code passphrase} with the given Argon2id cost. */
    public static KeyFile seal(Signer key, char[] passphrase, Argon2idParameters cost) {
        Objects.requireNonNull(cost, "cost");
        byte[] salt = random(SALT_LENGTH);
        byte[] aesKey = argon2id(passphrase, salt, cost);
        return sealWith(key, Protection.PASSPHRASE, cost, salt, aesKey);
    }

    /** Seals {@code key} under a key-encryption key. */
    public static KeyFile seal(Signer key, KeyEncryptionKey kek) {
        byte[] salt = random(SALT_LENGTH);
        byte[] aesKey = hkdf(kek, salt);
        return sealWith(key, Protection.KEY_ENCRYPTION_KEY, null, salt, aesKey);
    }

    private static KeyFile sealWith(Signer key, Protection protection, Argon2idParameters cost, byte[] salt,
            byte[] aesKey) {
        Objects.requireNonNull(key, "key");
        byte[] nonce = random(NONCE_LENGTH);
        String label = label(key.publicKey().type());
        String header = header(label, key.publicKey(), protection, cost, salt, nonce);
        byte[] plaintext = privateBytes(key);
        try {
            byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, aesKey, nonce, header, plaintext);
            return new KeyFile(label, key.publicKey(), protection, cost, salt, nonce, ciphertext);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("AES-GCM encryption cannot fail on its tag", e);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
            Arrays.fill(aesKey, (byte) 0);
        }
    }

    // ---------------------------------------------------------------- text

    /** The file's text, ending with a line feed. */
    public String text() {
        StringBuilder out = new StringBuilder(header.length() + ciphertext.length * 2);
        out.append(header).append('\n');
        String body = B64U.encodeToString(ciphertext);
        for (int i = 0; i < body.length(); i += LINE_LENGTH) {
            out.append(body, i, Math.min(body.length(), i + LINE_LENGTH)).append('\n');
        }
        return out.append(END).append('\n').toString();
    }

    /** The header: armor line and the eight {@code name: value} lines, each ending with a line feed. */
    private static String header(String label, PublicKey publicKey, Protection protection, Argon2idParameters cost,
            byte[] salt, byte[] nonce) {
        String kdf = protection == Protection.PASSPHRASE
                ? "argon2id; m=" + cost.memoryKib() + "; t=" + cost.iterations() + "; p=" + cost.parallelism()
                : "hkdf-sha256";
        return BEGIN + "\n"
                + "version: " + VERSION + "\n"
                + "key-type: " + label + "\n"
                + "public-key: " + B64U.encodeToString(publicKey.bytes()) + "\n"
                + "protection: " + protection.label + "\n"
                + "kdf: " + kdf + "\n"
                + "salt: " + B64U.encodeToString(salt) + "\n"
                + "cipher: aes-256-gcm\n"
                + "nonce: " + B64U.encodeToString(nonce) + "\n";
    }

    /** Reads a key file without decrypting it. Lines may end with CR LF. */
    public static KeyFile parse(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new MicrocredException(Problem.TOO_LARGE, "a key file is at most " + MAX_LENGTH + " characters");
        }
        if (!text.startsWith(BEGIN + "\n") && !text.startsWith(BEGIN + "\r\n")) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "not a microcred key file (expected " + BEGIN + ")");
        }
        if (!text.endsWith("\n")) {
            throw damaged("no line feed after the END line");
        }
        List<String> lines = lines(text);
        Matcher version = VERSION_LINE.matcher(line(lines, 1));
        if (!version.matches()) {
            throw damaged("no version line");
        }
        if (!version.group(1).equals(Integer.toString(VERSION))) {
            throw new MicrocredException(Problem.UNSUPPORTED, "unsupported key file version " + version.group(1)
                    + " (this microcred reads version " + VERSION + ")");
        }
        String label = value(lines, 2, "key-type");
        KeyType type = switch (label) {
            case "Ed25519" -> KeyType.ED25519;
            case "P-256" -> KeyType.P256;
            case "RSA" -> KeyType.RSA;
            default -> throw damaged("unknown key-type");
        };
        byte[] publicBytes = base64url(value(lines, 3, "public-key"), "public-key");
        PublicKey publicKey;
        try {
            publicKey = switch (type) {
                case ED25519 -> Ed25519PublicKey.of(publicBytes);
                case P256 -> publicBytes.length == P256PublicKey.COMPRESSED_LENGTH
                        ? P256PublicKey.of(publicBytes) : null;
                case RSA -> RsaPublicKey.fromDer(publicBytes);
            };
        } catch (MicrocredException e) {
            throw damaged("invalid public-key");
        }
        if (publicKey == null || !Arrays.equals(publicKey.bytes(), publicBytes)) {
            throw damaged("public-key is not in its canonical encoding");
        }
        Protection protection = switch (value(lines, 4, "protection")) {
            case "passphrase" -> Protection.PASSPHRASE;
            case "kek" -> Protection.KEY_ENCRYPTION_KEY;
            default -> throw damaged("unknown protection");
        };
        Argon2idParameters cost = null;
        if (protection == Protection.PASSPHRASE) {
            Matcher kdf = ARGON2_LINE.matcher(line(lines, 5));
            if (!kdf.matches()) {
                throw damaged("kdf line does not match the protection");
            }
            try {
                cost = new Argon2idParameters(Integer.parseInt(kdf.group(1)), Integer.parseInt(kdf.group(2)),
                        Integer.parseInt(kdf.group(3)));
            } catch (MicrocredException | NumberFormatException e) {
                throw damaged("Argon2id parameters out of bounds");
            }
        } else if (!line(lines, 5).equals("kdf: hkdf-sha256")) {
            throw damaged("kdf line does not match the protection");
        }
        byte[] salt = base64url(value(lines, 6, "salt"), "salt");
        if (!line(lines, 7).equals("cipher: aes-256-gcm")) {
            throw damaged("unknown cipher");
        }
        byte[] nonce = base64url(value(lines, 8, "nonce"), "nonce");
        if (salt.length != SALT_LENGTH || nonce.length != NONCE_LENGTH) {
            throw damaged("salt or nonce of the wrong length");
        }
        if (!line(lines, 9).isEmpty()) {
            throw damaged("no blank line after the header");
        }
        // The body: base64url lines of 64 characters, the last one 1..64, then the END line, then nothing.
        StringBuilder body = new StringBuilder();
        int i = 10;
        for (; i < lines.size() && !lines.get(i).equals(END); i++) {
            String bodyLine = lines.get(i);
            if (bodyLine.isEmpty() || bodyLine.length() > LINE_LENGTH
                    || (body.length() % LINE_LENGTH != 0)) {
                throw damaged("ciphertext lines are not 64 characters wide");
            }
            body.append(bodyLine);
        }
        if (i != lines.size() - 1) {
            throw damaged(i >= lines.size() ? "no END line" : "content after the END line");
        }
        byte[] ciphertext = base64url(body.toString(), "ciphertext");
        if (ciphertext.length <= TAG_BITS / 8) {
            throw damaged("ciphertext too short");
        }
        return new KeyFile(label, publicKey, protection, cost, salt, nonce, ciphertext);
    }

    /** Splits on LF and drops one CR before each LF; the text ends with a line feed (checked before). */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int lf = text.indexOf('\n', start);
            int end = lf > start && text.charAt(lf - 1) == '\r' ? lf - 1 : lf;
            lines.add(text.substring(start, end));
            start = lf + 1;
        }
        return lines;
    }

    private static String line(List<String> lines, int index) {
        if (index >= lines.size()) {
            throw damaged("truncated header");
        }
        return lines.get(index);
    }

    private static String value(List<String> lines, int index, String name) {
        String line = line(lines, index);
        String prefix = name + ": ";
        if (!line.startsWith(prefix)) {
            throw damaged("expected the " + name + " line");
        }
        return line.substring(prefix.length());
    }

    /** Strict base64url: alphabet only, no padding, and the canonical encoding of what it decodes to. */
    private static byte[] base64url(String text, String what) {
        if (!B64U_TEXT.matcher(text).matches()) {
            throw damaged(what + " is not base64url");
        }
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw damaged(what + " is not base64url");
        }
        if (!B64U.encodeToString(decoded).equals(text)) {
            throw damaged(what + " is not canonical base64url");
        }
        return decoded;
    }

    // ---------------------------------------------------------------- opening

    /** Decrypts a passphrase-protected key file. */
    public Signer open(char[] passphrase) {
        if (protection != Protection.PASSPHRASE) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "this key file is protected by a key-encryption key, not a passphrase");
        }
        return decrypt(argon2id(passphrase, salt, argon2));
    }

    /** Decrypts a key file protected by a key-encryption key. */
    public Signer open(KeyEncryptionKey kek) {
        if (protection != Protection.KEY_ENCRYPTION_KEY) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "this key file is protected by a passphrase, not a key-encryption key");
        }
        return decrypt(hkdf(kek, salt));
    }

    private Signer decrypt(byte[] aesKey) {
        byte[] plaintext = null;
        try {
            plaintext = gcm(Cipher.DECRYPT_MODE, aesKey, nonce, header, ciphertext);
            Signer key;
            try {
                key = switch (publicKey.type()) {
                    case ED25519 -> Ed25519PrivateKey.fromSeed(plaintext);
                    case P256 -> P256PrivateKey.fromScalar(plaintext);
                    case RSA -> RsaPrivateKey.fromPkcs8(plaintext);
                };
            } catch (MicrocredException e) {
                throw damaged("the decrypted private key is not a " + keyTypeLabel + " key");
            }
            if (!key.publicKey().equals(publicKey)) {
                throw damaged("the private key does not match the public-key line");
            }
            return key;
        } catch (AEADBadTagException e) {
            throw new MicrocredException(Problem.DECRYPTION_FAILED,
                    "cannot decrypt the key file: wrong passphrase or key-encryption key, or the file was altered");
        } finally {
            Arrays.fill(aesKey, (byte) 0);
            if (plaintext != null) {
                Arrays.fill(plaintext, (byte) 0);
            }
        }
    }

    // ---------------------------------------------------------------- accessors

    /** The type of the sealed key. */
    public KeyType keyType() {
        return publicKey.type();
    }

    /** The public key, readable without decrypting (and checked against the private key on opening). */
    public PublicKey publicKey() {
        return publicKey;
    }

    public Protection protection() {
        return protection;
    }

    @Override
    public String toString() {
        return "KeyFile[" + keyTypeLabel + ", " + protection.label + ", public=" + publicKey + "]";
    }

    // ---------------------------------------------------------------- primitives

    static byte[] argon2id(char[] passphrase, byte[] salt, Argon2idParameters cost) {
        if (passphrase == null || passphrase.length == 0) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the passphrase is empty");
        }
        byte[] password = utf8(passphrase);
        try {
            // RFC 9106 §3.1: Argon2id, version 0x13, tag length 32, no secret K, no associated data X.
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(cost.memoryKib())
                    .withIterations(cost.iterations())
                    .withParallelism(cost.parallelism())
                    .withSalt(salt)
                    .build());
            byte[] out = new byte[32];
            generator.generateBytes(password, out);
            return out;
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** The passphrase in Unicode NFC, UTF-8 encoded, so that the same text typed anywhere opens the file. */
    private static byte[] utf8(char[] passphrase) {
        String normalized = Normalizer.normalize(CharBuffer.wrap(passphrase), Normalizer.Form.NFC);
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(normalized);
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return out;
    }

    static byte[] hkdf(KeyEncryptionKey kek, byte[] salt) {
        // RFC 5869: PRK = HMAC-SHA256(salt, IKM); OKM = T(1) = HMAC-SHA256(PRK, info || 0x01), L = 32.
        byte[] ikm = kek.bytes();
        try {
            HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
            generator.init(new HKDFParameters(ikm, salt, HKDF_INFO));
            byte[] out = new byte[32];
            generator.generateBytes(out, 0, out.length);
            return out;
        } finally {
            Arrays.fill(ikm, (byte) 0);
        }
    }

    private static byte[] gcm(int mode, byte[] aesKey, byte[] nonce, String header, byte[] input)
            throws AEADBadTagException {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(aesKey, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is required of every JDK", e);
        }
    }

    private static byte[] privateBytes(Signer key) {
        if (key instanceof Ed25519PrivateKey ed) {
            return ed.seed();
        }
        if (key instanceof P256PrivateKey ec) {
            return ec.scalar();
        }
        if (key instanceof RsaPrivateKey rsa) {
            return rsa.pkcs8();
        }
        throw new MicrocredException(Problem.UNSUPPORTED, "cannot seal a " + key.getClass().getSimpleName());
    }

    private static String label(KeyType type) {
        return switch (type) {
            case ED25519 -> "Ed25519";
            case P256 -> "P-256";
            case RSA -> "RSA";
        };
    }

    private static byte[] random(int length) {
        byte[] out = new byte[length];
        RANDOM.nextBytes(out);
        return out;
    }

    private static MicrocredException damaged(String detail) {
        return new MicrocredException(Problem.DECRYPTION_FAILED, "the key file is damaged or altered: " + detail);
    }
}
