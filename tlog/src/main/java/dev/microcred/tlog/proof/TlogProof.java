package dev.microcred.tlog.proof;

import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.CanonicalBase64;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.InclusionProof;
import dev.microcred.tlog.merkle.TreeHash;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.policy.CheckpointVerification;
import dev.microcred.tlog.policy.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tlog-proof receipt: index, inclusion proof and the signed (and cosigned) checkpoint, plus optional extra
 * data (microcred: the log entry).
 *
 * @param extra          opaque, unauthenticated data; microcred puts the entry bytes here
 * @param index          the zero-based index of the entry
 * @param inclusionProof the audit path from the leaf's sibling up to a child of the root
 * @param checkpoint     the signed checkpoint, with its cosignatures
 */
public record TlogProof(Optional<Bytes> extra, long index, List<Hash> inclusionProof, SignedNote checkpoint) {
    /** The first line of every proof. */
    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    public TlogProof {
        Objects.requireNonNull(extra, "extra");
        Objects.requireNonNull(checkpoint, "checkpoint");
        inclusionProof = List.copyOf(inclusionProof);
        if (index < 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "negative index");
        }
        if (inclusionProof.size() > InclusionProof.MAX_HASHES) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "an inclusion proof has at most 63 hashes");
        }
    }

    /** The receipt of {@code proof} under {@code checkpoint}, carrying {@code entry} as extra data if given. */
    public static TlogProof of(InclusionProof proof, SignedNote checkpoint, Optional<byte[]> entry) {
        return new TlogProof(entry.map(Bytes::of), proof.index(), proof.hashes(), checkpoint);
    }

    public static TlogProof parse(String text) {
        List<String> lines = new ArrayList<>();
        int at = 0;
        int blank = -1;
        while (at < text.length()) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "a proof line ends with a newline");
            }
            if (end == at) {
                blank = end + 1;
                break;
            }
            lines.add(text.substring(at, end));
            at = end + 1;
        }
        if (blank < 0 || lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT,
                    "a proof starts with " + HEADER + " and has an empty line before the checkpoint");
        }
        int i = 1;
        Optional<Bytes> extra = Optional.empty();
        if (i < lines.size() && lines.get(i).startsWith("extra ")) {
            extra = Optional.of(Bytes.of(CanonicalBase64.decode(lines.get(i).substring(6), "extra data")));
            i++;
        }
        if (i >= lines.size() || !lines.get(i).startsWith("index ")) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a proof has an index line");
        }
        long index = Checkpoint.parseSize(lines.get(i).substring(6), "index");
        List<Hash> hashes = new ArrayList<>();
        for (i++; i < lines.size(); i++) {
            hashes.add(Hash.parseBase64(lines.get(i)));
        }
        return new TlogProof(extra, index, hashes, SignedNote.parse(text.substring(blank)));
    }

    public String format() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        extra.ifPresent(bytes -> out.append("extra ").append(CanonicalBase64.encode(bytes.toArray())).append('\n'));
        out.append("index ").append(index).append('\n');
        for (Hash hash : inclusionProof) {
            out.append(hash.base64()).append('\n');
        }
        return out.append('\n').append(checkpoint.format()).toString();
    }

    /** Verifies that {@code entry} is the entry at {@link #index()} of a log and checkpoint {@code policy} trusts. */
    public ReceiptVerification verify(Policy policy, byte[] entry) {
        return verifyLeaf(policy, TreeHash.leaf(entry));
    }

    /** Verifies the entry carried as extra data; without extra data the receipt proves nothing on its own. */
    public ReceiptVerification verifyEmbeddedEntry(Policy policy) {
        Checkpoint body = Checkpoint.from(checkpoint);
        if (extra.isEmpty()) {
            return new ReceiptVerification(false, body, List.of(), "the receipt carries no entry");
        }
        return verify(policy, extra.get().toArray());
    }

    /** Verifies that the entry whose leaf hash is {@code leafHash} is at {@link #index()} under the checkpoint. */
    public ReceiptVerification verifyLeaf(Policy policy, Hash leafHash) {
        CheckpointVerification accepted = policy.verify(checkpoint);
        Checkpoint body = accepted.checkpoint();
        if (!accepted.accepted()) {
            return new ReceiptVerification(false, body, accepted.cosigners(), accepted.reason());
        }
        if (index >= body.size()) {
            return new ReceiptVerification(false, body, accepted.cosigners(),
                    "index " + index + " is not in the checkpoint of size " + body.size());
        }
        if (!new InclusionProof(index, body.size(), inclusionProof).verify(leafHash, body.root())) {
            return new ReceiptVerification(false, body, accepted.cosigners(),
                    "the inclusion proof does not lead from the entry to the checkpoint root");
        }
        return new ReceiptVerification(true, body, accepted.cosigners(),
                "entry " + index + " is in " + body.origin() + " at size " + body.size() + "; " + accepted.reason());
    }
}
