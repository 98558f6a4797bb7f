package dev.microcred.tlog.witness;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.Ed25519PublicKey;
import dev.microcred.tlog.note.NoteVerifier;
import dev.microcred.tlog.note.VerifierKey;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Verifies tlog-cosignature v1 (Ed25519, signature type 0x04) cosignatures over a checkpoint note text. Immutable
 * and thread-safe.
 */
public final class CosignatureVerifier implements NoteVerifier {
    private final VerifierKey key;
    private final Ed25519PublicKey publicKey;

    private CosignatureVerifier(VerifierKey key) {
        this.key = key;
        this.publicKey = Ed25519PublicKey.of(key.publicKey().toArray());
    }

    public static CosignatureVerifier of(String name, Ed25519PublicKey publicKey) {
        return new CosignatureVerifier(VerifierKey.of(name, VerifierKey.COSIGNATURE_V1, publicKey.bytes()));
    }

    /** The verifier of a vkey, which must be of type 0x04. */
    public static CosignatureVerifier of(VerifierKey key) {
        Objects.requireNonNull(key, "key");
        if (key.type() != VerifierKey.COSIGNATURE_V1) {
            throw new MicrocredException(Problem.INVALID_KEY,
                    "key " + key.name() + " is of signature type " + key.type() + ", not cosignature/v1 (4)");
        }
        return new CosignatureVerifier(key);
    }

    public static CosignatureVerifier parse(String vkey) {
        return of(VerifierKey.parse(vkey));
    }

    /** tlog-cosignature: the signed message, "cosignature/v1\ntime <t>\n" followed by the checkpoint note text. */
    static byte[] message(long timestamp, byte[] text) {
        byte[] header = ("cosignature/v1\ntime " + timestamp + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[header.length + text.length];
        System.arraycopy(header, 0, message, 0, header.length);
        System.arraycopy(text, 0, message, header.length, text.length);
        return message;
    }

    @Override
    public String name() {
        return key.name();
    }

    @Override
    public int keyId() {
        return key.keyId();
    }

    /** Checks a {@code timestamped_signature}: 8-byte big-endian timestamp (at most 2^63 - 1), 64-byte signature. */
    @Override
    public boolean verify(byte[] text, byte[] signature) {
        if (signature.length != Cosignature.LENGTH) {
            return false;
        }
        long timestamp = Cosignature.timestampOf(signature);
        if (timestamp < 0) {
            return false;
        }
        byte[] ed25519 = new byte[64];
        System.arraycopy(signature, 8, ed25519, 0, 64);
        return publicKey.verify(message(timestamp, text), ed25519);
    }

    @Override
    public VerifierKey verifierKey() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CosignatureVerifier other && key.equals(other.key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key.format();
    }
}
