package dev.microcred.tlog.witness;

import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.merkle.ConsistencyProof;
import dev.microcred.tlog.merkle.TreeHash;
import dev.microcred.tlog.note.NoteSignature;
import dev.microcred.tlog.note.NoteVerifier;
import dev.microcred.tlog.note.SignedNote;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The decision logic of a tlog-witness: given an add-checkpoint request and the checkpoint the witness last
 * cosigned for that origin, the answer and the state to persist. No I/O and no state of its own: the caller
 * looks up and stores the latest cosigned checkpoint per origin, and must do the lookup and the update in one
 * atomic step (tlog-witness warns of the roll-back race otherwise).
 *
 * <p>Checks, in the order of the spec: a malformed body is 400; an unknown origin 404; no signature verifying
 * under a trusted key of the origin 403; an old size above the checkpoint size 400; an old size other than the
 * stored size 409 with the stored size; a consistency proof that does not verify (or is not empty when the old
 * size is 0 or equals the new size) 422; the same size with another root 409 (and a size-0 checkpoint without the empty root 422). Otherwise 200 with the
 * cosignature. Immutable and thread-safe.
 */
public final class Witness {
    private final Ed25519Cosigner cosigner;
    private final Map<String, List<NoteVerifier>> logKeys;

    /**
     * @param cosigner the witness key
     * @param logKeys  the trusted keys of each known log, by origin
     */
    public Witness(Ed25519Cosigner cosigner, Map<String, List<NoteVerifier>> logKeys) {
        this.cosigner = Objects.requireNonNull(cosigner, "cosigner");
        this.logKeys = Map.copyOf(logKeys);
    }

    /**
     * Answers an add-checkpoint request body.
     *
     * @param body           the request body
     * @param latestCosigned the checkpoint this witness last cosigned for an origin, if any
     */
    public WitnessResponse addCheckpoint(String body, Function<String, Optional<Checkpoint>> latestCosigned) {
        AddCheckpointRequest request;
        Checkpoint checkpoint;
        try {
            request = AddCheckpointRequest.parse(body);
            checkpoint = Checkpoint.from(request.checkpoint());
        } catch (MicrocredException e) {
            return WitnessResponse.error(400, "malformed request: " + e.getMessage());
        }
        List<NoteVerifier> keys = logKeys.get(checkpoint.origin());
        if (keys == null) {
            return WitnessResponse.error(404, "unknown log origin");
        }
        if (request.checkpoint().verify(keys).verifiedBy().isEmpty()) {
            return WitnessResponse.error(403, "no valid signature from a known key of the log");
        }
        if (request.oldSize() > checkpoint.size()) {
            return WitnessResponse.error(400, "old size " + request.oldSize() + " is above the checkpoint size");
        }
        Optional<Checkpoint> latest = latestCosigned.apply(checkpoint.origin());
        long storedSize = latest.map(Checkpoint::size).orElse(0L);
        if (request.oldSize() != storedSize) {
            return new WitnessResponse(409, WitnessResponse.TLOG_SIZE, storedSize + "\n", Optional.empty());
        }
        if (request.oldSize() == checkpoint.size()) {
            if (!request.proof().isEmpty()) {
                return WitnessResponse.error(422, "a proof between equal sizes is empty");
            }
            if (latest.isPresent() && !latest.get().root().equals(checkpoint.root())) {
                return new WitnessResponse(409, WitnessResponse.TLOG_SIZE, storedSize + "\n", Optional.empty());
            }
            if (checkpoint.size() == 0 && !checkpoint.root().equals(TreeHash.EMPTY)) {
                return WitnessResponse.error(422, "an empty tree has the empty root");
            }
        } else if (request.oldSize() == 0) {
            if (!request.proof().isEmpty()) {
                return WitnessResponse.error(422, "the proof from size 0 is empty");
            }
        } else {
            ConsistencyProof proof = new ConsistencyProof(request.oldSize(), checkpoint.size(), request.proof());
            if (!proof.verify(latest.orElseThrow().root(), checkpoint.root())) {
                return WitnessResponse.error(422, "the consistency proof does not verify");
            }
        }
        NoteSignature cosignature = new NoteSignature(cosigner.name(), cosigner.keyId(),
                Bytes.of(cosigner.sign(request.checkpoint().textBytes())));
        return new WitnessResponse(200, WitnessResponse.TEXT, cosignature.line(), Optional.of(checkpoint));
    }

    /** The verifier of this witness's cosignatures. */
    public CosignatureVerifier verifier() {
        return cosigner.verifier();
    }
}
