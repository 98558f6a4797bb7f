package dev.microcred.cli.audit;

import dev.microcred.cli.audit.AuditReport.Found;
import dev.microcred.cli.audit.AuditReport.Verdict;
import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.entry.Issuance;
import dev.microcred.tlog.entry.LogEntry;
import dev.microcred.tlog.merkle.CompactRange;
import dev.microcred.tlog.merkle.ConsistencyProof;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.NodeSink;
import dev.microcred.tlog.merkle.TreeHash;
import dev.microcred.tlog.note.Ed25519NoteVerifier;
import dev.microcred.tlog.note.NoteVerification;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.policy.CheckpointVerification;
import dev.microcred.tlog.policy.Policy;
import dev.microcred.tlog.tiles.BundleId;
import dev.microcred.tlog.tiles.EntryBundle;
import dev.microcred.tlog.tiles.Tile;
import dev.microcred.tlog.tiles.TileHashReader;
import dev.microcred.tlog.tiles.TileId;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * One audit of a tlog-tiles log, in the order a monitor must go:
 * <ol>
 *   <li>fetch {@code checkpoint}; it must be signed by the log key (origin = key name) and, with a policy,
 *       satisfy it (log signature and witness quorum);</li>
 *   <li>if an earlier checkpoint was verified, the new one must extend it: not smaller, and the RFC 9162
 *       consistency proof from the old size, computed from the log's tiles (the verified mirror for the old part,
 *       fresh tiles for the rest), must verify against both roots (RFC 9162 §2.1.4.2); otherwise a fork;</li>
 *   <li>mirror every entry bundle and tile of the new tree, recompute every leaf hash and every complete subtree
 *       from the entries, compare each with the hash the tiles hold, and the root with the checkpoint;</li>
 *   <li>list the issuance entries of {@code issuer} whose credential hash is not in {@code known}.</li>
 * </ol>
 * The verified checkpoint is saved in the mirror for the next run only when everything passed. Not thread-safe.
 */
public final class LogAudit {
    /** The largest checkpoint read (a signed note's own limit). */
    static final int MAX_CHECKPOINT = SignedNote.MAX_BYTES;
    /** The largest entry bundle read: 256 entries of up to 16 KiB. */
    static final int MAX_BUNDLE = 256 * (2 + 16 * 1024);

    private final LogMirror mirror;
    private final Ed25519NoteVerifier logKey;
    private final Optional<Policy> policy;
    private final Optional<String> issuer;
    private final Set<Hash> known;
    private final LongFunction<Progress> progressFor;

    LogAudit(LogMirror mirror, Ed25519NoteVerifier logKey, Optional<Policy> policy, Optional<String> issuer,
             Set<Hash> known, LongFunction<Progress> progressFor) {
        this.mirror = Objects.requireNonNull(mirror, "mirror");
        this.logKey = Objects.requireNonNull(logKey, "logKey");
        this.policy = policy;
        this.issuer = issuer;
        this.known = Set.copyOf(known);
        this.progressFor = progressFor;
    }

    /**
     * Runs the audit; throws {@link MicrocredException} only when the log could not be read at all.
     *
     * @param issuer   the issuer DID whose issuance entries are checked against {@code known}, if any
     * @param known    the credential hashes the issuer's own records hold
     * @param err      where the progress bar goes (logs of 10,000 entries or more), if {@code showProgress}
     */
    public static AuditReport run(LogMirror mirror, Ed25519NoteVerifier logKey, Optional<Policy> policy,
                                  Optional<String> issuer, Set<Hash> known, PrintWriter err, boolean showProgress) {
        return new LogAudit(mirror, logKey, policy, issuer, known, checkpointSize -> new Progress(err,
                checkpointSize, showProgress, System::nanoTime)).run();
    }

    AuditReport run() {
        SignedNote note = SignedNote.parse(mirror.fetch(LogMirror.CHECKPOINT, MAX_CHECKPOINT));
        Checkpoint checkpoint = Checkpoint.from(note);
        Optional<SignedNote> lastNote = mirror.lastCheckpoint();
        Optional<Checkpoint> last = lastNote.map(Checkpoint::from);
        // (1) the log's signature, and the policy
        NoteVerification signed = note.verify(List.of(logKey));
        if (!signed.valid() || !checkpoint.origin().equals(logKey.name())) {
            return verdict(Verdict.BAD_SIGNATURE, "the checkpoint of " + checkpoint.origin() + " is not signed by "
                    + logKey.verifierKey().format(), checkpoint, last);
        }
        String cosigned = "";
        if (policy.isPresent()) {
            CheckpointVerification accepted = policy.get().verify(note);
            if (!accepted.accepted()) {
                return verdict(Verdict.BAD_SIGNATURE, "the checkpoint does not satisfy the policy: " + accepted.reason(),
                        checkpoint, last);
            }
            cosigned = ", cosigned by " + String.join(", ", accepted.cosigners());
        }
        if (last.isPresent() && !last.get().origin().equals(checkpoint.origin())) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the mirror directory holds the log "
                    + last.get().origin() + ", not " + checkpoint.origin() + ": use another --mirror");
        }
        // (2) consistency with the checkpoint seen before
        if (last.isPresent()) {
            Optional<String> fork = fork(last.get(), checkpoint);
            if (fork.isPresent()) {
                String evidence = "fork-" + checkpoint.size() + "-" + checkpoint.root().hex().substring(0, 16)
                        + ".checkpoint";
                mirror.save(evidence, note.format());
                return verdict(Verdict.FORK, fork.get() + "; the log's checkpoint is kept as evidence in " + evidence
                        + " beside the earlier one (checkpoint)", checkpoint, last);
            }
        }
        // (3) every tile and the root, recomputed from the entries; (4) the issuer's entries
        Recomputation tree = new Recomputation(checkpoint.size());
        Progress progress = progressFor.apply(checkpoint.size());
        List<Found> unknown = new ArrayList<>();
        long issuances = 0;
        long index = 0;
        for (long bundleIndex = 0; index < checkpoint.size(); bundleIndex++) {
            TileId tileId = TileId.of(0, bundleIndex, checkpoint.size());
            BundleId bundleId = new BundleId(bundleIndex, tileId.width());
            EntryBundle bundle;
            try {
                bundle = EntryBundle.parse(mirror.read(bundleId.path(), MAX_BUNDLE, true), tileId.width());
            } catch (MicrocredException e) {
                if (e.problem() == Problem.FETCH_FAILED || e.problem() == Problem.IO_ERROR) {
                    throw e;
                }
                mirror.forget(bundleId.path());
                return verdict(Verdict.CORRUPT, "entry bundle " + bundleId.path() + " is malformed: " + e.getMessage(),
                        checkpoint, last);
            }
            for (Bytes entry : bundle.entries()) {
                byte[] bytes = entry.toArray();
                Optional<String> mismatch = tree.append(TreeHash.leaf(bytes));
                if (mismatch.isPresent()) {
                    mirror.forget(bundleId.path());
                    return verdict(Verdict.CORRUPT, mismatch.get() + " (entry bundle " + bundleId.path() + ")",
                            checkpoint, last);
                }
                if (issuer.isPresent()) {
                    Optional<Issuance> issuance = issuance(bytes);
                    if (issuance.isPresent() && issuance.get().issuer().equals(issuer.get())) {
                        issuances++;
                        if (!known.contains(issuance.get().credential())) {
                            unknown.add(new Found(index, issuance.get()));
                        }
                    }
                }
                index++;
                progress.update(index);
            }
        }
        progress.update(checkpoint.size());
        if (!tree.root().equals(checkpoint.root())) {
            return verdict(Verdict.CORRUPT, "the entries and tiles hash to the root " + tree.root().base64()
                    + ", not the checkpoint's " + checkpoint.root().base64(), checkpoint, last);
        }
        mirror.saveCheckpoint(note);
        String detail = "verified " + checkpoint.origin() + " at size " + checkpoint.size() + ", root "
                + checkpoint.root().base64() + ": signed by " + logKey.name() + cosigned + "; "
                + last.map(l -> "consistent with the checkpoint of size " + l.size() + " seen before")
                        .orElse("no earlier checkpoint in the mirror") + "; every tile and the root recomputed from "
                + "the entries";
        return new AuditReport(Verdict.VERIFIED, detail, checkpoint, last, mirror.fetched(), mirror.reused(),
                issuances, unknown);
    }

    /** Why {@code next} does not extend {@code last}, or empty if it does (RFC 9162 §2.1.4.2). */
    private Optional<String> fork(Checkpoint last, Checkpoint next) {
        if (next.size() < last.size()) {
            return Optional.of("FORK: the log's checkpoint has size " + next.size() + ", smaller than the size "
                    + last.size() + " seen before");
        }
        // the old part comes from the verified mirror; tiles not mirrored are fetched and not kept until verified
        TileHashReader reader = new TileHashReader(next.size(),
                id -> mirror.read(id.path(), id.width() * Hash.LENGTH, false));
        ConsistencyProof proof;
        try {
            proof = ConsistencyProof.generate(reader, last.size(), next.size());
        } catch (MicrocredException e) {
            if (e.problem() == Problem.MALFORMED_INPUT) {
                return Optional.of("FORK or corrupt tiles: the tiles give no consistency proof from size "
                        + last.size() + " to " + next.size() + " (" + e.getMessage() + ")");
            }
            throw e;
        }
        if (!proof.verify(last.root(), next.root())) {
            return Optional.of("FORK: the checkpoint of size " + next.size() + " (root " + next.root().base64()
                    + ") does not extend the checkpoint of size " + last.size() + " (root " + last.root().base64()
                    + ") seen before");
        }
        return Optional.empty();
    }

    private static Optional<Issuance> issuance(byte[] entry) {
        try {
            return LogEntry.parse(entry) instanceof Issuance i ? Optional.of(i) : Optional.empty();
        } catch (MicrocredException e) {
            return Optional.empty();
        }
    }

    private AuditReport verdict(Verdict verdict, String detail, Checkpoint checkpoint, Optional<Checkpoint> last) {
        return new AuditReport(verdict, detail, checkpoint, last, mirror.fetched(), mirror.reused(), 0, List.of());
    }

    /**
     * The tree rebuilt leaf by leaf; each complete subtree at a tile level (0, 8, 16, ...) is compared with the
     * hash the served tile holds at its place, so every hash of every tile of the tree is checked.
     */
    private final class Recomputation implements NodeSink {
        private final long size;
        private final Tile[] current = new Tile[8];
        private CompactRange range = CompactRange.EMPTY;
        private String mismatch;

        Recomputation(long size) {
            this.size = size;
        }

        Optional<String> append(Hash leafHash) {
            range = range.append(leafHash, this);
            return Optional.ofNullable(mismatch);
        }

        Hash root() {
            return range.root();
        }

        @Override
        public void accept(int level, long index, Hash hash) {
            if (level % 8 != 0 || mismatch != null) {
                return;
            }
            int tileLevel = level / 8;
            TileId id = TileId.of(tileLevel, index / TileId.FULL, size);
            Tile tile = current[tileLevel];
            if (tile == null || !tile.id().equals(id)) {
                byte[] bytes = mirror.read(id.path(), id.width() * Hash.LENGTH, true);
                try {
                    tile = Tile.parse(id, bytes);
                } catch (MicrocredException e) {
                    mirror.forget(id.path());
                    mismatch = "tile " + id.path() + " is malformed: " + e.getMessage();
                    return;
                }
                current[tileLevel] = tile;
            }
            if (!tile.hash((int) (index % TileId.FULL)).equals(hash)) {
                mirror.forget(id.path());
                mismatch = "tile " + id.path() + " holds at position " + index % TileId.FULL
                        + " a hash the entries do not give: the log serves a corrupt tile or entry bundle";
            }
        }
    }
}
