package dev.microcred.store;

import dev.microcred.core.Bytes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code achievement} table. Stateless. */
public final class Achievements {
    private static final String INSERT = """
            INSERT INTO achievement (id, issuer_id, name, document, validity_days, created_at, archived_at,
                                     status_purposes)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String COLUMNS = """
            SELECT id, issuer_id, name, document, validity_days, created_at, archived_at, status_purposes
            FROM achievement
            """;
    private static final String BY_ID = COLUMNS + " WHERE id = ?";
    private static final String BY_ISSUER = COLUMNS + " WHERE issuer_id = ? ORDER BY created_at, id";
    private static final String ALL = COLUMNS + " ORDER BY issuer_id, created_at, id";
    private static final String UPDATE = """
            UPDATE achievement SET name = ?, document = ?, validity_days = ? WHERE id = ?
            """;
    private static final String UPDATE_STATUS_PURPOSES = """
            UPDATE achievement SET status_purposes = ? WHERE id = ?
            """;
    private static final String DELETE_IMAGE = "DELETE FROM achievement_image WHERE achievement_id = ?";
    private static final String INSERT_IMAGE = """
            INSERT INTO achievement_image (achievement_id, media_type, content, digest, uploaded_at)
            VALUES (?, ?, ?, ?, ?)
            """;
    private static final String IMAGE = """
            SELECT achievement_id, media_type, content, digest, uploaded_at FROM achievement_image
            WHERE achievement_id = ?
            """;
    private static final String ARCHIVE = """
            UPDATE achievement SET archived_at = ? WHERE id = ? AND archived_at IS NULL
            """;

    public void insert(Connection c, StoredAchievement a) throws SQLException {
        Jdbc.update(c, INSERT, a.id(), a.issuerId(), a.name(), a.document(), a.validityDays(), a.createdAt(),
                a.archivedAt(), purposes(a.suspendable()));
    }

    public Optional<StoredAchievement> byId(Connection c, String id) throws SQLException {
        return Jdbc.one(c, BY_ID, Achievements::map, id);
    }

    public List<StoredAchievement> byIssuer(Connection c, String issuerId) throws SQLException {
        return Jdbc.list(c, BY_ISSUER, Achievements::map, issuerId);
    }

    /** Every issuer's achievements, archived ones too: by issuer id, each issuer's oldest first. */
    public List<StoredAchievement> all(Connection c) throws SQLException {
        return Jdbc.list(c, ALL, Achievements::map);
    }

    public void update(Connection c, String id, String name, String document, Integer validityDays)
            throws SQLException {
        Jdbc.update(c, UPDATE, name, document, validityDays, id);
    }

    /** Sets which status entries credentials of the achievement carry from now on (see {@link StoredAchievement}). */
    public void updateSuspendable(Connection c, String id, boolean suspendable) throws SQLException {
        Jdbc.update(c, UPDATE_STATUS_PURPOSES, purposes(suspendable), id);
    }

    private static String purposes(boolean suspendable) {
        return suspendable ? "revocation suspension" : "revocation";
    }

    public boolean archive(Connection c, String id, Instant now) throws SQLException {
        return Jdbc.update(c, ARCHIVE, now, id) == 1;
    }

    /** Makes {@code image} the achievement's image, replacing the one it had. */
    public void putImage(Connection c, AchievementImage image) throws SQLException {
        Jdbc.update(c, DELETE_IMAGE, image.achievementId());
        Jdbc.update(c, INSERT_IMAGE, image.achievementId(), image.mediaType(), image.content().toArray(),
                image.digest(), image.uploadedAt());
    }

    /** The image uploaded for an achievement, if any. */
    public Optional<AchievementImage> image(Connection c, String achievementId) throws SQLException {
        return Jdbc.one(c, IMAGE, rs -> new AchievementImage(rs.getString("achievement_id"),
                rs.getString("media_type"), Bytes.of(rs.getBytes("content")), rs.getString("digest"),
                Jdbc.instant(rs, "uploaded_at")), achievementId);
    }

    private static StoredAchievement map(ResultSet rs) throws SQLException {
        return new StoredAchievement(rs.getString("id"), rs.getString("issuer_id"), rs.getString("name"),
                rs.getString("document"), Jdbc.integer(rs, "validity_days"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "archived_at"), rs.getString("status_purposes").contains("suspension"));
    }
}
