package dev.microcred.anchor;

import dev.microcred.core.Sha256;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.checkpoint.CheckpointSigner;
import dev.microcred.tlog.entry.Issuance;
import dev.microcred.tlog.merkle.CompactRange;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.MemoryHashStore;
import dev.microcred.tlog.note.Ed25519NoteSigner;
import dev.microcred.tlog.note.SignedNote;
import java.time.Instant;
import java.util.Optional;

/**
 * A transparency log in memory, built with the tlog module: issuance entries appended to an RFC 9162 tree and
 * checkpoints signed by the log key with {@link CheckpointSigner}. Not thread-safe.
 */
final class TestCheckpoints {
    private final Ed25519NoteSigner key;
    private final CheckpointSigner signer;
    private final MemoryHashStore tree = new MemoryHashStore();
    private CompactRange range = CompactRange.EMPTY;

    TestCheckpoints(String origin) {
        this.key = Ed25519NoteSigner.generate(origin);
        this.signer = new CheckpointSigner(key, Optional.empty());
    }

    /** Appends {@code count} issuance entries of a test issuer. */
    TestCheckpoints append(int count) {
        for (int i = 0; i < count; i++) {
            long n = range.size();
            Issuance entry = new Issuance("did:web:academy.example", "did:web:academy.example#key-1",
                    Hash.of(Sha256.digest("credential " + n)), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n));
            range = range.append(entry.leafHash(), tree);
        }
        return this;
    }

    /** The current checkpoint, signed by the log key (as served at {@code /checkpoint}). */
    SignedNote checkpoint() {
        return signer.sign(Checkpoint.of(key.name(), range.size(), range.root()), tree);
    }

    Ed25519NoteSigner key() {
        return key;
    }
}
