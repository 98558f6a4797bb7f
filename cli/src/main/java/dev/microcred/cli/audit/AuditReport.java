package dev.microcred.cli.audit;

import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.entry.Issuance;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one audit found. A verdict other than {@link Verdict#VERIFIED} is an answer about the log, not an error.
 *
 * @param verdict    the verdict
 * @param detail     a plain-language sentence: what was verified, or what is wrong
 * @param checkpoint the checkpoint the log serves now
 * @param previous   the checkpoint seen by the audit before, if any
 * @param fetched    resources fetched over the network in this run
 * @param reused     resources read from the mirror
 * @param issuances  issuance entries of the issuer asked about (0 when none was)
 * @param unknown    issuance entries of that issuer whose credential hash the issuer's records do not hold, with
 *                   their indexes
 */
public record AuditReport(Verdict verdict, String detail, Checkpoint checkpoint, Optional<Checkpoint> previous,
                          int fetched, int reused, long issuances, List<Found> unknown) {
    /** The verdict of an audit. */
    public enum Verdict {
        /** Signed, consistent with what was seen before, and every tile and the root recomputed from the entries. */
        VERIFIED,
        /** The checkpoint is not signed by the log key, or does not satisfy the policy. */
        BAD_SIGNATURE,
        /** The checkpoint is not consistent with the one seen before: the log rewrote its history (a fork). */
        FORK,
        /** A tile or entry bundle disagrees with the others or with the checkpoint root. */
        CORRUPT
    }

    /** An issuance entry and its index in the log. */
    public record Found(long index, Issuance entry) {
        public Found {
            Objects.requireNonNull(entry, "entry");
        }
    }

    public AuditReport {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(previous, "previous");
        unknown = List.copyOf(unknown);
    }
}
