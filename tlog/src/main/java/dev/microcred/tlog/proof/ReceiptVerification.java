package dev.microcred.tlog.proof;

import dev.microcred.tlog.checkpoint.Checkpoint;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of verifying a receipt. "Invalid" is an answer, not an exception.
 *
 * @param valid      the entry is in the log, under a checkpoint the policy accepts
 * @param checkpoint the checkpoint the receipt carries
 * @param cosigners  the policy names of the witnesses whose cosignatures verified
 * @param reason     a plain-language sentence saying what was found
 */
public record ReceiptVerification(boolean valid, Checkpoint checkpoint, List<String> cosigners, String reason) {
    public ReceiptVerification {
        Objects.requireNonNull(checkpoint, "checkpoint");
        cosigners = List.copyOf(cosigners);
        Objects.requireNonNull(reason, "reason");
    }
}
