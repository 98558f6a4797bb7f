package dev.microcred.tlog.witness;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.merkle.ConsistencyProof;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.note.SignedNote;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The body of a tlog-witness {@code POST <submission prefix>/add-checkpoint}: {@code old <size>\n}, zero to 63
 * consistency proof lines (one base64 hash each), an empty line, then the signed checkpoint.
 *
 * @param oldSize    the size of the checkpoint the client believes the witness last cosigned (0 if none)
 * @param proof      the consistency proof from {@code oldSize} to the checkpoint's size
 * @param checkpoint the signed checkpoint
 */
public record AddCheckpointRequest(long oldSize, List<Hash> proof, SignedNote checkpoint) {
    public AddCheckpointRequest {
        Objects.requireNonNull(checkpoint, "checkpoint");
        proof = List.copyOf(proof);
        if (oldSize < 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "negative old size");
        }
        if (proof.size() > ConsistencyProof.MAX_HASHES) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "more than 63 consistency proof lines");
        }
    }

    /** The request for {@code note} with the consistency proof {@code proof} (from its old size). */
    public static AddCheckpointRequest of(ConsistencyProof proof, SignedNote note) {
        return new AddCheckpointRequest(proof.size1(), proof.hashes(), note);
    }

    public static AddCheckpointRequest parse(String body) {
        if (!body.startsWith("old ")) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "the request starts with an old size line");
        }
        int end = body.indexOf('\n');
        if (end < 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "the old size line ends with a newline");
        }
        long oldSize = Checkpoint.parseSize(body.substring(4, end), "old size");
        List<Hash> proof = new ArrayList<>();
        int at = end + 1;
        while (true) {
            int next = body.indexOf('\n', at);
            if (next < 0) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "no empty line before the checkpoint");
            }
            if (next == at) {
                at = next + 1;
                break;
            }
            if (proof.size() == ConsistencyProof.MAX_HASHES) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "more than 63 consistency proof lines");
            }
            proof.add(Hash.parseBase64(body.substring(at, next)));
            at = next + 1;
        }
        return new AddCheckpointRequest(oldSize, proof, SignedNote.parse(body.substring(at)));
    }

    public String format() {
        StringBuilder out = new StringBuilder("old ").append(oldSize).append('\n');
        for (Hash hash : proof) {
            out.append(hash.base64()).append('\n');
        }
        return out.append('\n').append(checkpoint.format()).toString();
    }
}
