package dev.microcred.anchor;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.note.SignedNote;
import java.util.Objects;

/**
 * A checkpoint and the SHA-256 of its note text: what an anchor commits to. The note text is the signed part of
 * the checkpoint (origin, tree size and root lines, each ending in a newline, and extension lines if any),
 * hashed as UTF-8; signatures and cosignatures are not part of it, so witnesses cosigning later do not change it.
 *
 * @param checkpoint the parsed checkpoint
 * @param sha256     SHA-256 of the note text
 */
public record CheckpointDigest(Checkpoint checkpoint, Hash sha256) {
    public CheckpointDigest {
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * The digest of a checkpoint given either as a signed note (as served at {@code /checkpoint}: text, blank
     * line, signature lines) or as its bare note text. Signatures are not checked here. Throws
     * {@link Problem#MALFORMED_INPUT} for anything else.
     */
    public static CheckpointDigest of(String noteOrText) {
        Objects.requireNonNull(noteOrText, "noteOrText");
        String text = noteOrText.contains("\n\n") ? SignedNote.parse(noteOrText).text() : noteOrText;
        if (text.length() > SignedNote.MAX_BYTES) {
            throw new MicrocredException(Problem.TOO_LARGE, "a checkpoint is at most " + SignedNote.MAX_BYTES
                    + " bytes");
        }
        Checkpoint checkpoint = Checkpoint.parse(text);
        if (!checkpoint.text().equals(text)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "not a checkpoint note text");
        }
        return new CheckpointDigest(checkpoint, Hash.of(Sha256.digest(text)));
    }
}
