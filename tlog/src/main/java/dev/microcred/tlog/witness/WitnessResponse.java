package dev.microcred.tlog.witness;

import dev.microcred.tlog.checkpoint.Checkpoint;
import java.util.Objects;
import java.util.Optional;

/**
 * What a witness answers to add-checkpoint, and what it must persist before answering.
 *
 * @param status      the HTTP status: 200, 400, 403, 404, 409 or 422
 * @param contentType the content type of {@code body}
 * @param body        the response body: cosignature lines (200), the stored size and a newline (409), or a
 *                    one-line reason
 * @param newState    on 200, the checkpoint to record as the latest cosigned for its origin, atomically with the
 *                    check of the old size (tlog-witness); empty otherwise
 */
public record WitnessResponse(int status, String contentType, String body, Optional<Checkpoint> newState) {
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String TLOG_SIZE = "text/x.tlog.size";

    public WitnessResponse {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(newState, "newState");
    }

    static WitnessResponse error(int status, String reason) {
        return new WitnessResponse(status, TEXT, reason + "\n", Optional.empty());
    }
}
