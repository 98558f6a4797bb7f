package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The {@code tlog_anchor} table: anchors of checkpoints on a chain, claimed before the transaction is sent (the
 * unique key (chain, origin, size, hash) lets one server of several send it) and completed once it is in a block.
 * Stateless.
 */
public final class TlogAnchors {
    private static final String COLUMNS = """
            SELECT id, log_origin, tree_size, checkpoint_sha256, chain, sender, status, tx, anchored_at, entry,
                   claimed_at, updated_at FROM tlog_anchor
            """;
    private static final String INSERT = """
            INSERT INTO tlog_anchor (id, log_origin, tree_size, checkpoint_sha256, chain, sender, status, tx,
                                     anchored_at, entry, claimed_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String FIND = COLUMNS
            + " WHERE chain = ? AND log_origin = ? AND tree_size = ? AND checkpoint_sha256 = ?";
    private static final String RECENT = COLUMNS + " ORDER BY claimed_at DESC, id LIMIT ?";
    private static final String LAST_ANCHORED = COLUMNS
            + " WHERE chain = ? AND status = 'anchored' ORDER BY anchored_at DESC, id LIMIT 1";
    private static final String TAKE_OVER = """
            UPDATE tlog_anchor SET claimed_at = ?, updated_at = ?, sender = ?
            WHERE id = ? AND status = 'sending' AND claimed_at < ?
            """;
    private static final String COMPLETE = """
            UPDATE tlog_anchor SET status = 'anchored', tx = ?, anchored_at = ?, entry = ?, updated_at = ?
            WHERE id = ? AND status = 'sending'
            """;
    private static final String RELEASE = "DELETE FROM tlog_anchor WHERE id = ? AND status = 'sending'";

    /** Inserts a claim ({@link StoredAnchor#SENDING}); a second claim of the same checkpoint and chain conflicts. */
    public void claim(Connection c, StoredAnchor claim) throws SQLException {
        Jdbc.update(c, INSERT, claim.id(), claim.log(), claim.size(), claim.checkpointSha256(), claim.chain(),
                claim.sender(), claim.status(), claim.tx(), claim.anchoredAt(), claim.entry(), claim.claimedAt(),
                claim.updatedAt());
    }

    public Optional<StoredAnchor> find(Connection c, String chain, String log, long size, String checkpointSha256)
            throws SQLException {
        return Jdbc.one(c, FIND, TlogAnchors::map, chain, log, size, checkpointSha256);
    }

    /** Takes over a claim made before {@code staleBefore} (its server stopped); false if it is not stale. */
    public boolean takeOver(Connection c, String id, String sender, Instant staleBefore, Instant now)
            throws SQLException {
        return Jdbc.update(c, TAKE_OVER, now, now, sender, id, staleBefore) == 1;
    }

    /** Completes a claim; false if it is no longer claimed. */
    public boolean complete(Connection c, String id, String tx, Instant anchoredAt, String entry, Instant now)
            throws SQLException {
        return Jdbc.update(c, COMPLETE, tx, anchoredAt, entry, now, id) == 1;
    }

    /** Drops a claim whose transaction could not be anchored, so that a later attempt may claim it again. */
    public void release(Connection c, String id) throws SQLException {
        Jdbc.update(c, RELEASE, id);
    }

    /** The latest rows, newest claim first. */
    public List<StoredAnchor> recent(Connection c, int limit) throws SQLException {
        return Jdbc.list(c, RECENT, TlogAnchors::map, limit);
    }

    /** The anchor on {@code chain} with the latest block time. */
    public Optional<StoredAnchor> lastAnchored(Connection c, String chain) throws SQLException {
        return Jdbc.one(c, LAST_ANCHORED, TlogAnchors::map, chain);
    }

    private static StoredAnchor map(ResultSet rs) throws SQLException {
        return new StoredAnchor(rs.getString("id"), rs.getString("log_origin"), rs.getLong("tree_size"),
                rs.getString("checkpoint_sha256"), rs.getString("chain"), rs.getString("sender"),
                rs.getString("status"), rs.getString("tx"), Jdbc.instant(rs, "anchored_at"), rs.getString("entry"),
                Jdbc.instant(rs, "claimed_at"), Jdbc.instant(rs, "updated_at"));
    }
}
