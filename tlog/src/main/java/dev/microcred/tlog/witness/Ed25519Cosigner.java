package dev.microcred.tlog.witness;

import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.tlog.note.NoteSigner;
import java.time.Clock;
import java.util.Objects;

/**
 * A witness key producing tlog-cosignature v1 cosignatures, timestamped from the given clock (POSIX seconds).
 * As a {@link NoteSigner} it plugs into {@link dev.microcred.tlog.note.SignedNote#withSignatures}. Each cosigner
 * name needs its own key: the Ed25519 message does not commit to the name. Thread-safe; {@link #toString()} shows
 * the public key only.
 */
public final class Ed25519Cosigner implements NoteSigner {
    private final Ed25519PrivateKey key;
    private final CosignatureVerifier verifier;
    private final Clock clock;

    public Ed25519Cosigner(String name, Ed25519PrivateKey key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.verifier = CosignatureVerifier.of(name, key.publicKey());
    }

    @Override
    public String name() {
        return verifier.name();
    }

    @Override
    public int keyId() {
        return verifier.keyId();
    }

    /** The {@code timestamped_signature} over the checkpoint note text at the clock's current second. */
    @Override
    public byte[] sign(byte[] text) {
        return sign(text, clock.instant().getEpochSecond());
    }

    /** The {@code timestamped_signature} over the checkpoint note text at {@code timestamp}. */
    public byte[] sign(byte[] text, long timestamp) {
        byte[] signature = key.sign(CosignatureVerifier.message(timestamp, text));
        byte[] out = new byte[Cosignature.LENGTH];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (timestamp >>> (56 - 8 * i));
        }
        System.arraycopy(signature, 0, out, 8, 64);
        return out;
    }

    @Override
    public CosignatureVerifier verifier() {
        return verifier;
    }

    @Override
    public String toString() {
        return "Ed25519Cosigner[" + verifier + "]";
    }
}
