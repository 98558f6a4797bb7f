package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
    private static final String UNSENT = COLUMNS + " WHERE sent_at IS NULL ORDER BY created_at, id LIMIT ?";
    private static final String MARK_SENT = """
            UPDATE mail_outbox SET sent_at = ? WHERE id = ? AND sent_at IS NULL
            """;

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

    public List<OutboxMail> unsent(Connection c, int limit) throws SQLException {
        return Jdbc.list(c, UNSENT, Outbox::map, limit);
    }

    public boolean markSent(Connection c, String id, Instant now) throws SQLException {
        return Jdbc.update(c, MARK_SENT, now, id) == 1;
    }

    private static OutboxMail map(ResultSet rs) throws SQLException {
        return new OutboxMail(rs.getString("id"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body"), rs.getString("kind"), rs.getString("related_id"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "sent_at"));
    }
}
