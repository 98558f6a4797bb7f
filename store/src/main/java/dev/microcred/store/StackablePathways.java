package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code stackable_pathway}, {@code pathway_part} and {@code milestone_award} tables. Parts are stored as a
 * space-separated list of achievement ids (UUIDs hold no spaces), in their order, and as {@code pathway_part} rows,
 * indexed by achievement, written in the same transaction. Stateless.
 */
public final class StackablePathways {
    private static final String INSERT = """
            INSERT INTO stackable_pathway (id, issuer_id, name, milestone_id, parts, min_parts, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_PART = """
            INSERT INTO pathway_part (pathway_id, achievement_id) VALUES (?, ?)
            """;
    private static final String COLUMNS = """
            SELECT id, issuer_id, name, milestone_id, parts, min_parts, created_at FROM stackable_pathway
            """;
    private static final String BY_ISSUER = COLUMNS + " WHERE issuer_id = ? ORDER BY created_at, id";
    private static final String ALL = COLUMNS + " ORDER BY created_at, id";
    private static final String WITH_PART = COLUMNS + """
             WHERE id IN (SELECT pathway_id FROM pathway_part WHERE achievement_id = ?) ORDER BY created_at, id
            """;
    private static final String INSERT_AWARD = """
            INSERT INTO milestone_award (pathway_id, recipient_hash, credential_id, awarded_at) VALUES (?, ?, ?, ?)
            """;
    private static final String AWARD = """
            SELECT credential_id FROM milestone_award WHERE pathway_id = ? AND recipient_hash = ?
            """;

    public void insert(Connection c, StoredPathway p) throws SQLException {
        for (String part : p.parts()) {
            if (part.isBlank() || part.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("an achievement id holds no white space: " + part);
            }
        }
        Jdbc.update(c, INSERT, p.id(), p.issuerId(), p.name(), p.milestoneId(), String.join(" ", p.parts()),
                p.minParts(), p.createdAt());
        Jdbc.batch(c, INSERT_PART, p.parts().stream().map(part -> new Object[] {p.id(), part}).toList());
    }

    /** The issuer's pathways, oldest first. */
    public List<StoredPathway> byIssuer(Connection c, String issuerId) throws SQLException {
        return Jdbc.list(c, BY_ISSUER, StackablePathways::map, issuerId);
    }

    /** Every pathway of the platform, oldest first. */
    public List<StoredPathway> all(Connection c) throws SQLException {
        return Jdbc.list(c, ALL, StackablePathways::map);
    }

    /** The pathways with {@code achievementId} among their parts, oldest first. */
    public List<StoredPathway> withPart(Connection c, String achievementId) throws SQLException {
        return Jdbc.list(c, WITH_PART, StackablePathways::map, achievementId);
    }

    /**
     * Records that {@code credentialId} awarded the pathway's milestone to the recipient.
     *
     * @throws SQLException a unique violation (SQLSTATE 23505) when it was awarded to them already
     */
    public void award(Connection c, String pathwayId, String recipientHash, String credentialId, Instant now)
            throws SQLException {
        Jdbc.update(c, INSERT_AWARD, pathwayId, recipientHash, credentialId, now);
    }

    /** The credential that awarded the pathway's milestone to the recipient, if any. */
    public Optional<String> awarded(Connection c, String pathwayId, String recipientHash) throws SQLException {
        return Jdbc.one(c, AWARD, rs -> rs.getString(1), pathwayId, recipientHash);
    }

    private static StoredPathway map(ResultSet rs) throws SQLException {
        List<String> parts = new ArrayList<>(List.of(rs.getString("parts").split(" ")));
        return new StoredPathway(rs.getString("id"), rs.getString("issuer_id"), rs.getString("name"),
                rs.getString("milestone_id"), parts, rs.getInt("min_parts"), Jdbc.instant(rs, "created_at"));
    }
}
