package dev.microcred.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A row of {@code tlog_anchor}: one checkpoint being anchored, or anchored, on one chain.
 *
 * @param id               a random UUID
 * @param log              the checkpoint origin
 * @param size             the checkpoint tree size
 * @param checkpointSha256 SHA-256 of the checkpoint note text, 64 lower-case hex digits
 * @param chain            the CAIP-2 chain id
 * @param sender           the anchoring account's address
 * @param status           {@link #SENDING} or {@link #ANCHORED}
 * @param tx               the transaction id once anchored, else null
 * @param anchoredAt       the block time once anchored, else null
 * @param entry            the anchor log entry once anchored, else null
 * @param claimedAt        when a server claimed the anchoring
 * @param updatedAt        when the row last changed
 */
public record StoredAnchor(String id, String log, long size, String checkpointSha256, String chain, String sender,
                           String status, String tx, Instant anchoredAt, String entry, Instant claimedAt,
                           Instant updatedAt) {
    /** Claimed: the transaction is being sent or awaited. */
    public static final String SENDING = "sending";
    /** The transaction is in a block with status success; the entry is in the log. */
    public static final String ANCHORED = "anchored";

    public StoredAnchor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(checkpointSha256, "checkpointSha256");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(sender, "sender");
        if (!SENDING.equals(status) && !ANCHORED.equals(status)) {
            throw new IllegalArgumentException("unknown anchor status " + status);
        }
        Objects.requireNonNull(claimedAt, "claimedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public boolean anchored() {
        return ANCHORED.equals(status);
    }
}
