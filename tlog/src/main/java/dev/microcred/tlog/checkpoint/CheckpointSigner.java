package dev.microcred.tlog.checkpoint;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.merkle.ConsistencyProof;
import dev.microcred.tlog.merkle.HashReader;
import dev.microcred.tlog.merkle.TreeHash;
import dev.microcred.tlog.note.NoteSigner;
import dev.microcred.tlog.note.SignedNote;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs the checkpoints of one log, and refuses to sign a checkpoint that is not consistent with the last one
 * it signed: tlog-checkpoint says a log MUST NOT sign two inconsistent checkpoints.
 *
 * <p>The rule: the first checkpoint may have any size. After that, a checkpoint of the same origin is signed only
 * if (a) it has the same size and root as the last (re-signing), or (b) it is larger and the caller proves it
 * with a consistency proof from the last signed size to the new size, which is verified against both roots. The
 * proof comes either from the caller ({@link #sign(Checkpoint, ConsistencyProof)}) or is computed here from the
 * new tree's stored hashes ({@link #sign(Checkpoint, HashReader)}); a rewritten tree cannot yield a proof that
 * verifies against the root signed before. The origin must equal the key name (tlog-checkpoint: SHOULD).
 *
 * <p>The signer's memory is the last checkpoint it signed. The platform constructs it with the last checkpoint it
 * persisted and must persist each newly signed checkpoint before publishing it; if persisting fails, it must
 * construct a new signer from what is persisted. Thread-safe: signing is serialised.
 */
public final class CheckpointSigner {
    private final NoteSigner key;
    private Checkpoint last;

    /**
     * @param key        the log's key; its name is the origin
     * @param lastSigned the last checkpoint this log signed, or empty if it never signed one
     */
    public CheckpointSigner(NoteSigner key, Optional<Checkpoint> lastSigned) {
        this.key = Objects.requireNonNull(key, "key");
        this.last = lastSigned.orElse(null);
        if (last != null && !last.origin().equals(key.name())) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "last checkpoint is of origin " + last.origin() + ", not " + key.name());
        }
    }

    /** The last checkpoint signed, if any. */
    public synchronized Optional<Checkpoint> lastSigned() {
        return Optional.ofNullable(last);
    }

    /** Signs {@code next}, computing the consistency proof from the stored hashes of the new tree. */
    public synchronized SignedNote sign(Checkpoint next, HashReader tree) {
        long from = last == null ? 0 : Math.min(last.size(), next.size());
        if (last != null && next.size() < last.size()) {
            throw refusal(next, "it is smaller than the last signed size " + last.size());
        }
        return sign(next, ConsistencyProof.generate(tree, from, next.size()));
    }

    /**
     * Signs {@code next} if {@code proof} shows it consistent with the last signed checkpoint; throws
     * {@link MicrocredException} ({@link Problem#INVALID_REQUEST}) and signs nothing otherwise.
     */
    public synchronized SignedNote sign(Checkpoint next, ConsistencyProof proof) {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(proof, "proof");
        if (!next.origin().equals(key.name())) {
            throw refusal(next, "its origin is not the key name " + key.name());
        }
        if (next.size() == 0 && !next.root().equals(TreeHash.EMPTY)) {
            throw refusal(next, "an empty tree has the empty root");
        }
        if (last != null) {
            if (next.size() < last.size()) {
                throw refusal(next, "it is smaller than the last signed size " + last.size());
            }
            if (proof.size1() != last.size() || proof.size2() != next.size()) {
                throw refusal(next, "the proof is from size " + proof.size1() + " to " + proof.size2()
                        + ", not from the last signed size " + last.size());
            }
            if (!proof.verify(last.root(), next.root())) {
                throw refusal(next, "it is not consistent with the last signed checkpoint of size " + last.size());
            }
        }
        SignedNote note = SignedNote.sign(next.text(), key);
        last = next;
        return note;
    }

    private static MicrocredException refusal(Checkpoint next, String why) {
        return new MicrocredException(Problem.INVALID_REQUEST,
                "refusing to sign checkpoint of size " + next.size() + ": " + why);
    }
}
