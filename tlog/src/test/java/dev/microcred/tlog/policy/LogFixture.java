package dev.microcred.tlog.policy;

import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.checkpoint.CheckpointSigner;
import dev.microcred.tlog.merkle.CompactRange;
import dev.microcred.tlog.merkle.MemoryHashStore;
import dev.microcred.tlog.merkle.TreeHash;
import dev.microcred.tlog.note.Ed25519NoteSigner;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.witness.Ed25519Cosigner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** A small log with a signed checkpoint and three witnesses, for policy and receipt tests. */
public final class LogFixture {
    public static final String ORIGIN = "log.microcred.example/issuance";
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneOffset.UTC);
    public final Ed25519NoteSigner log = Ed25519NoteSigner.generate(ORIGIN);
    public final List<Ed25519Cosigner> witnesses = IntStream.rangeClosed(1, 3)
            .mapToObj(i -> new Ed25519Cosigner("witness" + i + ".example", Ed25519PrivateKey.generate(), CLOCK))
            .toList();
    public final List<byte[]> entries = IntStream.range(0, 100).mapToObj(i -> ("entry " + i + "\n").getBytes())
            .toList();
    public final MemoryHashStore tree = new MemoryHashStore();
    public final CompactRange range = CompactRange.EMPTY.appendAll(entries.stream().map(TreeHash::leaf).toList(),
            tree);
    public final SignedNote signed = new CheckpointSigner(log, Optional.empty())
            .sign(Checkpoint.of(ORIGIN, range.size(), range.root()), tree);

    /** The checkpoint cosigned by the witnesses numbered (1-based) as given. */
    public SignedNote cosignedBy(int... numbers) {
        SignedNote note = signed;
        for (int n : numbers) {
            note = note.withSignatures(witnesses.get(n - 1));
        }
        return note;
    }

    /** A policy trusting the log and the three witnesses, with the given quorum lines appended. */
    public Policy policy(String quorumLines) {
        StringBuilder text = new StringBuilder("# microcred test policy\nlog ")
                .append(log.verifier().verifierKey().format()).append('\n');
        for (int i = 0; i < witnesses.size(); i++) {
            text.append("witness W").append(i + 1).append(' ')
                    .append(witnesses.get(i).verifier().verifierKey().format()).append('\n');
        }
        return Policy.parse(text.append(quorumLines).toString());
    }
}
