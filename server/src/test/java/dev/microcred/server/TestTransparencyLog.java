package dev.microcred.server;

import dev.microcred.core.Sha256;
import dev.microcred.server.anchoring.AnchorRecorder;
import dev.microcred.server.anchoring.CheckpointSource;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.checkpoint.CheckpointSigner;
import dev.microcred.tlog.entry.Anchor;
import dev.microcred.tlog.entry.Issuance;
import dev.microcred.tlog.merkle.CompactRange;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.MemoryHashStore;
import dev.microcred.tlog.note.Ed25519NoteSigner;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A transparency log in memory for the anchoring tests, built with the tlog module (RFC 9162 tree, checkpoints signed
 * by {@link CheckpointSigner}), behind the two seams anchoring uses: it publishes checkpoints when told to
 * ({@link #publish}) and appends anchor entries as leaves, refusing a call outside a database transaction. Thread-safe.
 */
final class TestTransparencyLog implements CheckpointSource, AnchorRecorder {
    private final Ed25519NoteSigner key;
    private final CheckpointSigner signer;
    private final MemoryHashStore tree = new MemoryHashStore();
    private final List<Anchor> anchors = new ArrayList<>();
    private CompactRange range = CompactRange.EMPTY;
    private String published;
    private boolean failNextAppend;

    TestTransparencyLog(String origin) {
        this.key = Ed25519NoteSigner.generate(origin);
        this.signer = new CheckpointSigner(key, Optional.empty());
    }

    /** Appends {@code count} issuance entries. */
    synchronized TestTransparencyLog append(int count) {
        for (int i = 0; i < count; i++) {
            long n = range.size();
            range = range.append(new Issuance("did:web:academy.example", "did:web:academy.example#key-1",
                    Hash.of(Sha256.digest("credential " + n)), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n))
                    .leafHash(), tree);
        }
        return this;
    }

    /** Signs and publishes a checkpoint of the current tree; returns the signed note. */
    synchronized String publish() {
        published = signer.sign(Checkpoint.of(key.name(), range.size(), range.root()), tree).format();
        return published;
    }

    @Override
    public synchronized Optional<String> latest() {
        return Optional.ofNullable(published);
    }

    /** The next {@link #append(Connection, Anchor)} fails, as a log whose storage is down would. */
    synchronized void failNextAppend() {
        failNextAppend = true;
    }

    @Override
    public synchronized void append(Connection c, Anchor entry) throws SQLException {
        if (c.getAutoCommit()) {
            throw new IllegalStateException("an anchor entry is appended inside the transaction that records it");
        }
        if (failNextAppend) {
            failNextAppend = false;
            throw new SQLException("the log's storage is unavailable", "08006");
        }
        anchors.add(entry);
        range = range.append(entry.leafHash(), tree);
    }

    synchronized List<Anchor> anchors() {
        return List.copyOf(anchors);
    }

    synchronized long size() {
        return range.size();
    }
}
