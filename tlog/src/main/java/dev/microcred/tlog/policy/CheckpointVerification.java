package dev.microcred.tlog.policy;

import dev.microcred.tlog.checkpoint.Checkpoint;
import java.util.List;
import java.util.Objects;

/**
 * Whether a signed checkpoint satisfies a policy, and why. "Not accepted" is an answer, not an exception.
 *
 * @param accepted   signed by a trusted log and cosigned by a quorum
 * @param checkpoint the checkpoint that was checked
 * @param cosigners  the policy names of the witnesses whose cosignatures verified
 * @param reason     a plain-language sentence saying what was found
 */
public record CheckpointVerification(boolean accepted, Checkpoint checkpoint, List<String> cosigners,
        String reason) {
    public CheckpointVerification {
        Objects.requireNonNull(checkpoint, "checkpoint");
        cosigners = List.copyOf(cosigners);
        Objects.requireNonNull(reason, "reason");
    }
}
