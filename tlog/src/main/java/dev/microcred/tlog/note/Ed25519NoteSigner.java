package dev.microcred.tlog.note;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.tlog.CanonicalBase64;

/**
 * Signs notes with Ed25519 (signature type 0x01). The signer key text is
 * {@code PRIVATE+KEY+<name>+<hex8 key ID>+<base64(0x01 || 32-byte seed)>}, as Go's sumdb/note writes it.
 * Immutable and thread-safe; {@link #toString()} shows the public key only.
 */
public final class Ed25519NoteSigner implements NoteSigner {
    private static final String PREFIX = "PRIVATE+KEY+";
    private final String name;
    private final Ed25519PrivateKey key;
    private final Ed25519NoteVerifier verifier;

    private Ed25519NoteSigner(String name, Ed25519PrivateKey key) {
        this.name = KeyNames.require(name);
        this.key = key;
        this.verifier = Ed25519NoteVerifier.of(name, key.publicKey());
    }

    public static Ed25519NoteSigner of(String name, Ed25519PrivateKey key) {
        return new Ed25519NoteSigner(name, key);
    }

    /** A fresh key named {@code name}. */
    public static Ed25519NoteSigner generate(String name) {
        return new Ed25519NoteSigner(name, Ed25519PrivateKey.generate());
    }

    /** Parses {@code PRIVATE+KEY+<name>+<hex8>+<base64(0x01 || seed)>}; the key ID must match the key. */
    public static Ed25519NoteSigner parse(String skey) {
        if (!skey.startsWith(PREFIX)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a signer key starts with PRIVATE+KEY+");
        }
        String rest = skey.substring(PREFIX.length());
        int first = rest.indexOf('+');
        int second = first < 0 ? -1 : rest.indexOf('+', first + 1);
        if (second < 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a signer key is PRIVATE+KEY+<name>+<id>+<key>");
        }
        String name = KeyNames.require(rest.substring(0, first));
        int id = VerifierKey.parseKeyId(rest.substring(first + 1, second));
        byte[] typed = CanonicalBase64.decode(rest.substring(second + 1), "signer key");
        if (typed.length != 33 || typed[0] != VerifierKey.ED25519) {
            throw new MicrocredException(Problem.INVALID_KEY, "not an Ed25519 signer key (0x01 || 32-byte seed)");
        }
        byte[] seed = new byte[32];
        System.arraycopy(typed, 1, seed, 0, 32);
        Ed25519NoteSigner signer = new Ed25519NoteSigner(name, Ed25519PrivateKey.fromSeed(seed));
        if (signer.keyId() != id) {
            throw new MicrocredException(Problem.INVALID_KEY, "key ID does not match signer key " + name);
        }
        return signer;
    }

    /** The signer key text. It is a secret: never log it. */
    public String format() {
        byte[] typed = new byte[33];
        typed[0] = VerifierKey.ED25519;
        System.arraycopy(key.seed(), 0, typed, 1, 32);
        return PREFIX + name + "+" + String.format("%08x", keyId()) + "+" + CanonicalBase64.encode(typed);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int keyId() {
        return verifier.keyId();
    }

    @Override
    public byte[] sign(byte[] text) {
        return key.sign(text);
    }

    @Override
    public Ed25519NoteVerifier verifier() {
        return verifier;
    }

    @Override
    public String toString() {
        return "Ed25519NoteSigner[" + verifier + "]";
    }
}
