package dev.microcred.store;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.merkle.TreeHash;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.postgresql.PGConnection;

/**
 * The transparency log tables (migrations V500, V510): the pending queue, the sequenced entries with their receipts,
 * the tile hashes of levels 8, 16, ... (level 0 is computed from the entries), the tree state, the signed checkpoints, the log key and the witnesses' sizes. Stateless; every
 * method runs on the caller's connection (and transaction).
 */
public final class TransparencyLogStore {
    /** An entry appended in an event's transaction, not sequenced yet. {@code credentialId} may be null. */
    public record Pending(long seq, String entry, String credentialId) {
        public Pending {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** The tree the sequencer built: its size and RFC 9162 root (32 bytes). */
    public record State(long size, byte[] root) {
    }

    /** A checkpoint the log key signed; {@code cosigned} and {@code publishedAt} are null until published. */
    public record SignedCheckpoint(long size, String note, String cosigned, Instant signedAt, Instant publishedAt) {
    }

    /** The log key: its origin and the sealed key file. */
    public record LogKeyRow(String origin, String keyFile) {
        @Override
        public String toString() {
            return "LogKeyRow[" + origin + "]";
        }
    }

    /** A sequenced entry: its index, its text and the credential it records (or null). */
    public record Sequenced(long index, String entry, String credentialId) {
    }

    private static final String INSERT_PENDING = """
            INSERT INTO tlog_pending (entry, credential_id, appended_at) VALUES (?, ?, ?)
            """;
    /** Rows per multi-row INSERT of pending entries where COPY is not available. */
    private static final int ROWS_PER_INSERT = 50;
    /** INSERT_PENDING with ROWS_PER_INSERT rows of placeholders: a constant, only {@code ?} parameters. */
    private static final String INSERT_PENDING_ROWS = INSERT_PENDING.strip()
            + ", (?, ?, ?)".repeat(ROWS_PER_INSERT - 1) + "\n";
    private static final String COPY_PENDING = """
            COPY tlog_pending (entry, credential_id, appended_at) FROM STDIN
            """;
    /** Batches of at least this many appends go in by COPY on PostgreSQL. */
    private static final int COPY_FROM = 16;
    private static final String SELECT_PENDING = """
            SELECT seq, entry, credential_id FROM tlog_pending ORDER BY seq LIMIT ?
            """;
    private static final String DELETE_PENDING = """
            DELETE FROM tlog_pending WHERE seq >= ? AND seq <= ?
            """;
    private static final String COUNT_PENDING = """
            SELECT COUNT(*) FROM tlog_pending
            """;
    private static final String MOVE_PENDING = """
            INSERT INTO tlog_entry (idx, entry, credential_id)
            SELECT CAST(? AS BIGINT) + ROW_NUMBER() OVER (ORDER BY seq) - 1, entry, credential_id
            FROM tlog_pending WHERE seq >= ? AND seq <= ?
            """;
    private static final String SELECT_LEAVES = """
            SELECT entry FROM tlog_entry WHERE idx >= ? AND idx < ? ORDER BY idx
            """;
    private static final String SELECT_ENTRIES = """
            SELECT idx, entry, credential_id FROM tlog_entry WHERE idx >= ? AND idx < ? ORDER BY idx
            """;
    private static final String SELECT_ENTRY_OF_CREDENTIAL = """
            SELECT idx, entry, credential_id FROM tlog_entry WHERE credential_id = ?
            """;
    private static final String SELECT_RECEIPT = """
            SELECT receipt FROM tlog_entry WHERE credential_id = ? AND receipt IS NOT NULL
            """;
    private static final String SELECT_WITHOUT_RECEIPT = """
            SELECT idx, entry, credential_id FROM tlog_entry
            WHERE idx >= ? AND idx < ? AND credential_id IS NOT NULL AND receipt IS NULL ORDER BY idx LIMIT ?
            """;
    private static final String UPDATE_RECEIPT = """
            UPDATE tlog_entry SET receipt = ? WHERE idx = ?
            """;
    private static final String INSERT_NODE = """
            INSERT INTO tlog_node (level, idx, hash) VALUES (?, ?, ?)
            """;
    private static final String SELECT_NODES = """
            SELECT hash FROM tlog_node WHERE level = ? AND idx >= ? AND idx < ? ORDER BY idx
            """;
    private static final String SELECT_STATE = """
            SELECT size, root FROM tlog_state WHERE id = 1
            """;
    private static final String LOCK_STATE = """
            SELECT size, root FROM tlog_state WHERE id = 1 FOR UPDATE
            """;
    private static final String INSERT_STATE = """
            INSERT INTO tlog_state (id, size, root, updated_at) VALUES (1, ?, ?, ?)
            """;
    private static final String UPDATE_STATE = """
            UPDATE tlog_state SET size = ?, root = ?, updated_at = ? WHERE id = 1 AND size = ?
            """;
    private static final String INSERT_CHECKPOINT = """
            INSERT INTO tlog_checkpoint (size, root, note, signed_at) VALUES (?, ?, ?, ?)
            """;
    private static final String PUBLISH_CHECKPOINT = """
            UPDATE tlog_checkpoint SET cosigned = ?, published_at = ? WHERE size = ?
            """;
    private static final String SELECT_LAST_SIGNED = """
            SELECT size, note, cosigned, signed_at, published_at FROM tlog_checkpoint ORDER BY size DESC LIMIT 1
            """;
    private static final String SELECT_LAST_PUBLISHED = """
            SELECT size, note, cosigned, signed_at, published_at FROM tlog_checkpoint
            WHERE published_at IS NOT NULL ORDER BY size DESC LIMIT 1
            """;
    private static final String SELECT_CHECKPOINTS = """
            SELECT size, note, cosigned, signed_at, published_at FROM tlog_checkpoint ORDER BY size
            """;
    private static final String SELECT_KEY = """
            SELECT origin, key_file FROM tlog_key WHERE id = 1
            """;
    private static final String INSERT_KEY = """
            INSERT INTO tlog_key (id, origin, key_file, created_at) VALUES (1, ?, ?, ?)
            """;
    private static final String SELECT_WITNESS = """
            SELECT size FROM tlog_witness WHERE url = ?
            """;
    private static final String UPDATE_WITNESS = """
            UPDATE tlog_witness SET size = ? WHERE url = ?
            """;
    private static final String INSERT_WITNESS = """
            INSERT INTO tlog_witness (url, size) VALUES (?, ?)
            """;

    private static final RowMapper<Sequenced> SEQUENCED = rs -> new Sequenced(rs.getLong("idx"), rs.getString("entry"),
            rs.getString("credential_id"));
    private static final RowMapper<SignedCheckpoint> CHECKPOINT = rs -> new SignedCheckpoint(rs.getLong("size"),
            rs.getString("note"), rs.getString("cosigned"), Jdbc.instant(rs, "signed_at"),
            Jdbc.instant(rs, "published_at"));

    /**
     * Appends entries to the pending queue, as one batch: on PostgreSQL, more than a few as one {@code COPY} (the
     * cheapest way in, several times the rows per second of INSERT batches), otherwise as an INSERT batch.
     */
    public void appendPending(Connection c, List<Pending> entries, Instant now) throws SQLException {
        if (entries.size() >= COPY_FROM && c.isWrapperFor(PGConnection.class)) {
            copyPending(c.unwrap(PGConnection.class), entries, now);
            return;
        }
        // elsewhere (H2) a batch of multi-row INSERTs of ROWS_PER_INSERT rows (their seq values follow the list
        // order: a multi-row VALUES inserts its rows in order), the rest row by row
        int whole = entries.size() - entries.size() % ROWS_PER_INSERT;
        List<Object[]> statements = new ArrayList<>(whole / ROWS_PER_INSERT);
        for (int i = 0; i < whole; i += ROWS_PER_INSERT) {
            Object[] params = new Object[3 * ROWS_PER_INSERT];
            for (int j = 0; j < ROWS_PER_INSERT; j++) {
                Pending p = entries.get(i + j);
                params[3 * j] = p.entry();
                params[3 * j + 1] = p.credentialId();
                params[3 * j + 2] = now;
            }
            statements.add(params);
        }
        Jdbc.batch(c, INSERT_PENDING_ROWS, statements);
        List<Object[]> rows = new ArrayList<>(entries.size() - whole);
        for (Pending p : entries.subList(whole, entries.size())) {
            rows.add(new Object[] {p.entry(), p.credentialId(), now});
        }
        Jdbc.batch(c, INSERT_PENDING, rows);
    }

    private static void copyPending(PGConnection c, List<Pending> entries, Instant now) throws SQLException {
        // COPY text format: columns separated by tabs, rows by newlines, \N for null, backslash escapes
        StringBuilder rows = new StringBuilder(entries.size() * 256);
        String appendedAt = now.toString();
        for (Pending p : entries) {
            copyField(rows, p.entry()).append('\t');
            if (p.credentialId() == null) {
                rows.append("\\N");
            } else {
                copyField(rows, p.credentialId());
            }
            rows.append('\t').append(appendedAt).append('\n');
        }
        long copied;
        try {
            copied = c.getCopyAPI().copyIn(COPY_PENDING, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into tlog_pending failed", e);
        }
        if (copied != entries.size()) {
            throw new SQLException("COPY stored " + copied + " of " + entries.size() + " pending entries");
        }
    }

    private static StringBuilder copyField(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(ch);
            }
        }
        return out;
    }

    /** The oldest {@code limit} pending entries, in append order. */
    public List<Pending> pending(Connection c, int limit) throws SQLException {
        return Jdbc.list(c, SELECT_PENDING, rs -> new Pending(rs.getLong("seq"), rs.getString("entry"),
                rs.getString("credential_id")), limit);
    }

    public long pendingCount(Connection c) throws SQLException {
        return Jdbc.count(c, COUNT_PENDING);
    }

    /** The tree state, locked for the rest of the transaction when {@code forUpdate}. */
    public Optional<State> state(Connection c, boolean forUpdate) throws SQLException {
        return Jdbc.one(c, forUpdate ? LOCK_STATE : SELECT_STATE, rs -> new State(rs.getLong("size"),
                rs.getBytes("root")));
    }

    /**
     * One sequencing step, in the caller's transaction: the pending entries become entries {@code from},
     * {@code from + 1}, ... (copied in the database, not re-sent) and leave the queue, the tile hashes are stored, and the state moves from
     * {@code from} to {@code next}. Throws {@code CONFLICT} (the caller rolls back) when the state is not at
     * {@code from} or an entry left the queue meanwhile: another sequencer ran.
     *
     * @param nodes (level, index, 32-byte hash) triples, levels 8, 16, ...
     */
    public void sequence(Connection c, long from, List<Pending> entries, List<Object[]> nodes, State next, Instant now)
            throws SQLException {
        Optional<State> current = state(c, true);
        long size = current.map(State::size).orElse(0L);
        if (size != from || next.size() != from + entries.size()) {
            throw new MicrocredException(Problem.CONFLICT, "the log is at size " + size + ", not " + from
                    + ": another sequencer ran");
        }
        // the entries read are the committed pending rows from the first seq to the last, in order: copying that
        // range (in the database, in seq order, indexes from, from + 1, ...) and deleting it must touch exactly them
        // (an append committed in the range meanwhile, or a row another sequencer took, changes a count and rolls
        // the step back)
        if (!entries.isEmpty()) {
            long first = entries.get(0).seq();
            long last = entries.get(entries.size() - 1).seq();
            if (Jdbc.update(c, MOVE_PENDING, from, first, last) != entries.size()
                    || Jdbc.update(c, DELETE_PENDING, first, last) != entries.size()) {
                throw new MicrocredException(Problem.CONFLICT, "the pending entries changed while they were sequenced");
            }
        }
        Jdbc.batch(c, INSERT_NODE, nodes);
        if (current.isEmpty()) {
            Jdbc.update(c, INSERT_STATE, next.size(), next.root(), now);
        } else if (Jdbc.update(c, UPDATE_STATE, next.size(), next.root(), now, from) != 1) {
            throw new MicrocredException(Problem.CONFLICT, "the log state moved: another sequencer ran");
        }
    }

    /**
     * The hashes of tree level {@code level}, indexes {@code [from, from + count)}, concatenated: level 0 (the leaf
     * hashes) computed from the entries, levels 8, 16, ... as stored.
     */
    public byte[] nodes(Connection c, int level, long from, int count) throws SQLException {
        if (level == 0) {
            return leaves(c, from, count);
        }
        byte[] out = new byte[count * 32];
        int n = 0;
        try (PreparedStatement s = c.prepareStatement(SELECT_NODES)) {
            Jdbc.bind(s, level, from, from + count);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byte[] h = rs.getBytes(1);
                    if (h.length != 32 || n == count) {
                        throw new SQLException("a stored tree hash is damaged at level " + level);
                    }
                    System.arraycopy(h, 0, out, 32 * n++, 32);
                }
            }
        }
        if (n != count) {
            throw new MicrocredException(Problem.NOT_FOUND, "level " + level + " holds " + n + " of the " + count
                    + " hashes from " + from);
        }
        return out;
    }

    /** RFC 9162 §2.1.1 leaf hashes, SHA-256(0x00 || entry), of entries {@code [from, from + count)}. */
    private static byte[] leaves(Connection c, long from, int count) throws SQLException {
        byte[] out = new byte[count * 32];
        int n = 0;
        try (PreparedStatement s = c.prepareStatement(SELECT_LEAVES)) {
            Jdbc.bind(s, from, from + count);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next() && n < count) {
                    byte[] leaf = TreeHash.leaf(rs.getString(1).getBytes(StandardCharsets.US_ASCII)).toArray();
                    System.arraycopy(leaf, 0, out, 32 * n++, 32);
                }
            }
        }
        if (n != count) {
            throw new MicrocredException(Problem.NOT_FOUND, "the log holds " + n + " of the " + count
                    + " entries from " + from);
        }
        return out;
    }

    /** The sequenced entries {@code [from, to)}, in order. */
    public List<Sequenced> entries(Connection c, long from, long to) throws SQLException {
        return Jdbc.list(c, SELECT_ENTRIES, SEQUENCED, from, to);
    }

    /** The sequenced entry recording the credential {@code credentialId}, if it has been sequenced. */
    public Optional<Sequenced> entryOf(Connection c, String credentialId) throws SQLException {
        return Jdbc.one(c, SELECT_ENTRY_OF_CREDENTIAL, SEQUENCED, credentialId);
    }

    /** The stored receipt of the credential {@code credentialId}, if one was built. */
    public Optional<String> receipt(Connection c, String credentialId) throws SQLException {
        return Jdbc.one(c, SELECT_RECEIPT, rs -> rs.getString(1), credentialId);
    }

    /**
     * Up to {@code limit} credential entries with indexes in {@code [from, below)} that have no receipt yet, in
     * index order ({@code from}: where the caller knows every credential entry before has its receipt).
     */
    public List<Sequenced> withoutReceipt(Connection c, long from, long below, int limit) throws SQLException {
        return Jdbc.list(c, SELECT_WITHOUT_RECEIPT, SEQUENCED, from, below, limit);
    }

    /** Stores receipts: (receipt text, entry index) pairs. */
    public void saveReceipts(Connection c, List<Object[]> receipts) throws SQLException {
        Jdbc.batch(c, UPDATE_RECEIPT, receipts);
    }

    public void insertCheckpoint(Connection c, long size, byte[] root, String note, Instant now) throws SQLException {
        Jdbc.update(c, INSERT_CHECKPOINT, size, root, note, now);
    }

    public void publishCheckpoint(Connection c, long size, String cosigned, Instant now) throws SQLException {
        Jdbc.update(c, PUBLISH_CHECKPOINT, cosigned, now, size);
    }

    public Optional<SignedCheckpoint> lastSigned(Connection c) throws SQLException {
        return Jdbc.one(c, SELECT_LAST_SIGNED, CHECKPOINT);
    }

    public Optional<SignedCheckpoint> lastPublished(Connection c) throws SQLException {
        return Jdbc.one(c, SELECT_LAST_PUBLISHED, CHECKPOINT);
    }

    /** Every checkpoint signed, by size. */
    public List<SignedCheckpoint> checkpoints(Connection c) throws SQLException {
        return Jdbc.list(c, SELECT_CHECKPOINTS, CHECKPOINT);
    }

    public Optional<LogKeyRow> key(Connection c) throws SQLException {
        return Jdbc.one(c, SELECT_KEY, rs -> new LogKeyRow(rs.getString("origin"), rs.getString("key_file")));
    }

    /** Stores the log key; {@code CONFLICT} (from the caller's commit) when another node stored one first. */
    public void insertKey(Connection c, String origin, String keyFile, Instant now) throws SQLException {
        Jdbc.update(c, INSERT_KEY, origin, keyFile, now);
    }

    /** The size the witness at {@code url} last cosigned, as far as this log knows (0 if never). */
    public long witnessSize(Connection c, String url) throws SQLException {
        return Jdbc.one(c, SELECT_WITNESS, rs -> rs.getLong(1), url).orElse(0L);
    }

    public void saveWitnessSize(Connection c, String url, long size) throws SQLException {
        if (Jdbc.update(c, UPDATE_WITNESS, size, url) == 0) {
            Jdbc.update(c, INSERT_WITNESS, url, size);
        }
    }
}
