package dev.microcred.server.tlog;

import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import dev.microcred.store.Database;
import dev.microcred.store.TransparencyLogStore;
import dev.microcred.tlog.entry.Issuance;
import dev.microcred.tlog.entry.LogEntry;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.policy.Policy;
import dev.microcred.tlog.tiles.BundleId;
import dev.microcred.tlog.tiles.EntryBundle;
import dev.microcred.tlog.tiles.TileHashReader;
import dev.microcred.tlog.tiles.TileId;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The instance's transparency log as the rest of the platform sees it: {@link #append} puts an entry in the log's
 * pending queue inside the caller's transaction (so the entry commits or rolls back with the event it records),
 * and the read side serves the published checkpoint, tiles, entry bundles, receipts and the policy. The
 * {@link Sequencer} gives pending entries their indexes, extends the tree and signs checkpoints.
 *
 * <p>Append API for other components (key rotation, anchors): call {@code append(connection, entry)} with the
 * connection of the transaction that records the event, e.g.
 * {@code db.inTransaction(c -> { ...; log.append(c, KeyEvent.rotated(did, old, next, now)); return null; })}, then
 * then {@link #committed()} after the commit (the sequencer integrates the entry promptly instead of at its next
 * interval). Entries carry hashes and ids only, never personal data. Thread-safe.
 */
public final class TransparencyLog {
    private final Database db;
    private final TransparencyLogStore store;
    private final LogKey key;
    private final List<TlogSettings.Witness> witnesses;
    private final Policy policy;
    private final String policyText;
    private final Clock clock;
    /** Told after a transaction that appended committed: the sequencer's (coalesced) trigger, once wired. */
    private final AtomicReference<Runnable> onCommitted = new AtomicReference<>(() -> { });

    public TransparencyLog(Database db, TransparencyLogStore store, LogKey key, List<TlogSettings.Witness> witnesses,
                           int quorum, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.key = Objects.requireNonNull(key, "key");
        this.witnesses = List.copyOf(witnesses);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policyText = policyText(key, this.witnesses, quorum);
        this.policy = Policy.parse(policyText);
    }

    /**
     * An entry to append, with the credential it records (null for other events), and its text (formatted when the
     * append is made: bulk issuance makes them on its signing threads, outside the committing one).
     */
    public record Append(LogEntry entry, String credentialId, String text) {
        public Append {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(text, "text");
        }

        public Append(LogEntry entry, String credentialId) {
            this(entry, credentialId, entry.format());
        }
    }

    /** Appends {@code entry} in the caller's transaction on {@code c}. */
    public void append(Connection c, LogEntry entry) throws SQLException {
        appendAll(c, List.of(new Append(entry, null)));
    }

    /** Appends the issuance entry of the credential {@code credentialId} in the caller's transaction. */
    public void append(Connection c, LogEntry entry, String credentialId) throws SQLException {
        appendAll(c, List.of(new Append(entry, credentialId)));
    }

    /** Appends entries, in order, in the caller's transaction, as one batch. */
    public void appendAll(Connection c, List<Append> entries) throws SQLException {
        List<TransparencyLogStore.Pending> rows = new ArrayList<>(entries.size());
        for (Append a : entries) {
            rows.add(new TransparencyLogStore.Pending(0, a.text(), a.credentialId()));
        }
        store.appendPending(c, rows, clock.instant());
    }

    /**
     * Tells the log that a transaction that appended entries committed: asks the sequencer for a round soon. Call
     * after the commit (a round before it would not see the entries). Cheap and non-blocking; triggers coalesce.
     */
    public void committed() {
        onCommitted.get().run();
    }

    /** What {@link #committed()} runs: the sequencer's {@link Sequencer#trigger()} (wired once at start). */
    public void onCommitted(Runnable trigger) {
        onCommitted.set(Objects.requireNonNull(trigger, "trigger"));
    }

    /**
     * The issuance entry of a signed credential: issuer DID, the verification method that signed it, SHA-256 of
     * the signed text as stored and served ({@code SignedCredential.text()}), and the issuance time it states
     * ({@code validFrom}, whole seconds).
     */
    public static Issuance issuance(String issuerDid, String verificationMethod, String signedText, Instant validFrom) {
        return new Issuance(issuerDid, verificationMethod,
                Hash.of(Sha256.digest(signedText.getBytes(StandardCharsets.UTF_8))),
                validFrom.truncatedTo(ChronoUnit.SECONDS));
    }

    public LogKey key() {
        return key;
    }

    public List<TlogSettings.Witness> witnesses() {
        return witnesses;
    }

    /** The policy a verifier of this instance's receipts uses: the log key, the witnesses and the quorum. */
    public Policy policy() {
        return policy;
    }

    /** {@link #policy()} as c2sp.org/tlog-policy text. */
    public String policyText() {
        return policyText;
    }

    /** The latest published checkpoint: signed by the log, cosigned by the quorum. */
    public Optional<String> checkpoint() {
        return db.read(store::lastPublished).map(TransparencyLogStore.SignedCheckpoint::cosigned);
    }

    /** The bytes of hash tile {@code id}; {@code NOT_FOUND} when the log has not grown that far. */
    public byte[] tile(TileId id) {
        return db.read(c -> store.nodes(c, 8 * id.level(), id.index() * TileId.FULL, id.width()));
    }

    /** The bytes of entry bundle {@code id}; {@code NOT_FOUND} when the log has not grown that far. */
    public byte[] bundle(BundleId id) {
        long from = id.index() * TileId.FULL;
        List<TransparencyLogStore.Sequenced> rows = db.read(c -> store.entries(c, from, from + id.width()));
        if (rows.size() != id.width()) {
            throw new MicrocredException(Problem.NOT_FOUND, "the log has no entries " + from + " to "
                    + (from + id.width() - 1));
        }
        List<Bytes> entries = new ArrayList<>(rows.size());
        for (TransparencyLogStore.Sequenced r : rows) {
            entries.add(Bytes.of(r.entry().getBytes(StandardCharsets.US_ASCII)));
        }
        return new EntryBundle(entries).toBytes();
    }

    /** The stored tlog-proof receipt of a credential, once a published checkpoint covers its entry. */
    public Optional<String> receipt(String credentialId) {
        return db.read(c -> store.receipt(c, credentialId));
    }

    /** Hashes of the tree of {@code size} leaves, read from the stored tiles (one reader per task: it caches). */
    TileHashReader reader(long size) {
        return new TileHashReader(size, this::tile);
    }

    private static String policyText(LogKey key, List<TlogSettings.Witness> witnesses, int quorum) {
        StringBuilder p = new StringBuilder("log ").append(key.vkey()).append('\n');
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < witnesses.size(); i++) {
            TlogSettings.Witness w = witnesses.get(i);
            p.append("witness w").append(i + 1).append(' ').append(w.key().verifierKey().format()).append(' ')
                    .append(w.url()).append('\n');
            members.append(" w").append(i + 1);
        }
        if (witnesses.isEmpty()) {
            p.append("quorum none\n");
        } else {
            p.append("group quorum ").append(quorum).append(members).append('\n').append("quorum quorum\n");
        }
        return p.toString();
    }
}
