package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code mail_outbox} table: mail is enqueued in the transaction that causes it. Stateless. */
public final class Outbox {
    private static final String INSERT = """
            INSERT INTO mail_outbox (id, recipient, subject, body, kind, related_id, created_at, sent_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String COLUMNS = """
            SELECT id, recipient, subject, body, kind, related_id, created_at, sent_at FROM mail_outbox
            """;
    private static final String RECENT = COLUMNS + " ORDER BY created_at DESC, id LIMIT ?";
    private static final String BY_RECIPIENT = COLUMNS + " WHERE recipient = ? ORDER BY created_at DESC, id";
    private static final String BY_RELATED = COLUMNS + """
             WHERE kind = ? AND related_id = ? ORDER BY created_at, id
            """;
    private static final String UNSENT = COLUMNS + " WHERE sent_at IS NULL ORDER BY created_at, id LIMIT ?";
    private static final String MARK_SENT = """
            UPDATE mail_outbox SET sent_at = ?, last_attempt_at = ? WHERE id = ? AND sent_at IS NULL
            """;

    private static final String DUE = COLUMNS + """
             WHERE sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
             ORDER BY created_at, id LIMIT ?
            """;
    private static final String CLAIM = """
            UPDATE mail_outbox SET next_attempt_at = ?
            WHERE id = ? AND sent_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
            """;
    private static final String FAILED = """
            UPDATE mail_outbox SET attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ?, last_error = ?
            WHERE id = ? AND sent_at IS NULL
            """;
    private static final String DELIVERY_COLUMNS = """
            SELECT id, attempts, last_attempt_at, next_attempt_at, last_error, sent_at FROM mail_outbox
            """;
    private static final String DELIVERY = DELIVERY_COLUMNS + " WHERE id = ?";
    private static final String RECENT_DELIVERIES = DELIVERY_COLUMNS + " ORDER BY created_at DESC, id LIMIT ?";

    public void enqueue(Connection c, OutboxMail m) throws SQLException {
        Jdbc.update(c, INSERT, m.id(), m.recipient(), m.subject(), m.body(), m.kind(), m.relatedId(), m.createdAt(),
                m.sentAt());
    }

    /** Enqueues mails in one batch. */
    public void enqueueAll(Connection c, List<OutboxMail> mails) throws SQLException {
        List<Object[]> params = new ArrayList<>(mails.size());
        for (OutboxMail m : mails) {
            params.add(new Object[] {m.id(), m.recipient(), m.subject(), m.body(), m.kind(), m.relatedId(),
                m.createdAt(), m.sentAt()});
        }
        Jdbc.batch(c, INSERT, params);
    }

    public List<OutboxMail> recent(Connection c, int limit) throws SQLException {
        return Jdbc.list(c, RECENT, Outbox::map, limit);
    }

    public List<OutboxMail> byRecipient(Connection c, String recipient) throws SQLException {
        return Jdbc.list(c, BY_RECIPIENT, Outbox::map, recipient);
    }

    /** The mails of one kind about one thing (the claim mail of a credential), oldest first. */
    public List<OutboxMail> byRelated(Connection c, String kind, String relatedId) throws SQLException {
        return Jdbc.list(c, BY_RELATED, Outbox::map, kind, relatedId);
    }

    public List<OutboxMail> unsent(Connection c, int limit) throws SQLException {
        return Jdbc.list(c, UNSENT, Outbox::map, limit);
    }

    /** Unsent mails whose next attempt is due at {@code now}, oldest first. */
    public List<OutboxMail> due(Connection c, Instant now, int limit) throws SQLException {
        return Jdbc.list(c, DUE, Outbox::map, now, limit);
    }

    /**
     * Takes a due mail for sending until {@code leaseUntil}: false when it was sent or taken by another worker
     * meanwhile. A worker that dies while sending leaves the mail due again at {@code leaseUntil}.
     */
    public boolean claim(Connection c, String id, Instant now, Instant leaseUntil) throws SQLException {
        return Jdbc.update(c, CLAIM, leaseUntil, id, now) == 1;
    }

    /**
     * Records a failed attempt made at {@code attemptedAt}: the mail is due again at {@code retryAt}. {@code error}
     * must hold no personal data.
     */
    public void failed(Connection c, String id, Instant attemptedAt, Instant retryAt, String error)
            throws SQLException {
        Jdbc.update(c, FAILED, attemptedAt, retryAt, error.length() > 300 ? error.substring(0, 300) : error, id);
    }

    /** How delivery of a mail went so far, if it exists. */
    public Optional<Delivery> delivery(Connection c, String id) throws SQLException {
        return Jdbc.one(c, DELIVERY, Outbox::delivery, id);
    }

    /** How delivery went for the latest {@code limit} mails, newest first (the order of {@link #recent}). */
    public Map<String, Delivery> recentDeliveries(Connection c, int limit) throws SQLException {
        Map<String, Delivery> out = new LinkedHashMap<>();
        Jdbc.list(c, RECENT_DELIVERIES, rs -> new Object[] {rs.getString("id"), delivery(rs)}, limit)
                .forEach(row -> out.put((String) row[0], (Delivery) row[1]));
        return out;
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        return new Delivery(rs.getInt("attempts"), Jdbc.instant(rs, "last_attempt_at"),
                Jdbc.instant(rs, "next_attempt_at"), rs.getString("last_error"), Jdbc.instant(rs, "sent_at"));
    }

    /**
     * The delivery state of a mail.
     *
     * @param attempts failed attempts so far
     * @param lastAttemptAt when the last attempt (failed or the send) was made, null before the first
     * @param nextAttemptAt when it is due again (or leased until), null before the first attempt
     * @param lastError the last failure (error class and SMTP code), or null
     * @param sentAt null until sent
     */
    public record Delivery(int attempts, Instant lastAttemptAt, Instant nextAttemptAt, String lastError,
                           Instant sentAt) {
        /** Every attempt made: the failed ones and, once sent, the one that sent it. */
        public int attemptsMade() {
            return attempts + (sentAt == null ? 0 : 1);
        }
    }

    /** Marks a mail sent at {@code now} (also its last attempt). */
    public boolean markSent(Connection c, String id, Instant now) throws SQLException {
        return Jdbc.update(c, MARK_SENT, now, now, id) == 1;
    }

    private static OutboxMail map(ResultSet rs) throws SQLException {
        return new OutboxMail(rs.getString("id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body"), rs.getString("kind"), rs.getString("related_id"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "sent_at"));
    }
}
