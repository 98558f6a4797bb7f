package dev.microcred.credentials.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.fetch.FetchedDocument;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Answers whether a credential's status bit is set (W3C Bitstring Status List v1.0 §3.2 "Validate Algorithm").
 *
 * <p>The status list credential is given as a JSON object, as text (JSON, or a JWT-secured list whose payload is
 * read without checking the signature), as a fetched document, or is fetched through a {@link Fetcher}. Checking
 * the list's own proof is the verifier's job. Immutable and thread-safe.
 *
 * <p>"Could not check" is a {@link MicrocredException}: purpose mismatch ({@code STATUS_VERIFICATION_ERROR}),
 * index out of range ({@code RANGE_ERROR}), malformed list ({@code MALFORMED_VALUE_ERROR}), and in
 * {@linkplain #strict strict} mode a list shorter than 131,072 entries ({@code STATUS_LIST_LENGTH_ERROR}).
 */
public final class StatusCheck {
    private static final int NOT_FOUND = 404;
    private final Clock clock;
    private final boolean requireMinimumLength;

    private StatusCheck(Clock clock, boolean requireMinimumLength) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.requireMinimumLength = requireMinimumLength;
    }

    /** Accepts lists shorter than the specification's minimum with a warning (some issuers publish them). */
    public static StatusCheck lenient(Clock clock) {
        return new StatusCheck(clock, false);
    }

    /** Refuses lists shorter than 131,072 entries, as the specification's validate algorithm does. */
    public static StatusCheck strict(Clock clock) {
        return new StatusCheck(clock, true);
    }

    /** Fetches {@code entry.statusListCredential()} through {@code fetcher} and checks the entry against it. */
    public StatusResult check(StatusEntry entry, Fetcher fetcher) {
        return check(entry, fetcher.fetch(entry.statusListCredential()));
    }

    /** Checks against a fetched status list credential (JSON or JWT). */
    public StatusResult check(StatusEntry entry, FetchedDocument document) {
        if (document.status() < 200 || document.status() >= 300) {
            throw new MicrocredException(Problem.FETCH_FAILED, "status list " + document.uri() + " answered HTTP "
                    + document.status() + (document.status() == NOT_FOUND ? " (not found)" : ""));
        }
        return check(entry, new String(document.bodyBytes(), StandardCharsets.UTF_8));
    }

    /** Checks against a status list credential given as text: JSON, or a JWT whose payload is the credential. */
    public StatusResult check(StatusEntry entry, String listCredential) {
        String text = listCredential.strip();
        if (text.startsWith("{")) {
            return check(entry, Json.parseObject(text));
        }
        return check(entry, jwtPayload(text));
    }

    /** Checks {@code entry} against the status list credential {@code listCredential}. */
    public StatusResult check(StatusEntry entry, ObjectNode listCredential) {
        return check(entry, StatusListCredential.parse(listCredential));
    }

    /** Checks {@code entry} against a parsed status list credential. */
    public StatusResult check(StatusEntry entry, StatusListCredential list) {
        List<String> warnings = new ArrayList<>();
        // §3.2 step: the statusPurpose of the entry must match the list's
        if (list.statusPurpose() == null) {
            warnings.add("status list " + list.id() + " does not state its statusPurpose; assumed "
                    + entry.statusPurpose());
        } else if (!entry.statusPurpose().equals(list.statusPurpose())) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "status purpose mismatch: the entry says "
                    + entry.statusPurpose() + ", the list " + list.id() + " is for " + list.statusPurpose());
        }
        // §3.2 step: the uncompressed bitstring must hold at least 131,072 entries
        long entries = list.list().length() / entry.statusSize();
        if (entries < StatusList.MIN_BITS) {
            String message = "status list " + list.id() + " has " + entries + " entries, fewer than the "
                    + StatusList.MIN_BITS + " the specification requires";
            if (requireMinimumLength) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, message);
            }
            warnings.add(message);
        }
        // §3.2 step: an index outside the bitstring is a RANGE_ERROR
        if (entry.statusListIndex() >= entries) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "statusListIndex " + entry.statusListIndex()
                    + " is outside the list " + list.id() + " of " + entries + " entries");
        }
        Instant now = clock.instant();
        if (list.validUntil() != null && now.isAfter(list.validUntil())) {
            warnings.add("status list " + list.id() + " expired at " + list.validUntil());
        }
        if (list.validFrom() != null && now.isBefore(list.validFrom())) {
            warnings.add("status list " + list.id() + " is not valid before " + list.validFrom());
        }
        int value = list.list().value(entry.statusListIndex(), entry.statusSize());
        return new StatusResult(entry, list, value, warnings);
    }

    /** The payload of a compact JWS (header.payload.signature); a VC 1.1 {@code vc} claim is unwrapped. */
    static ObjectNode jwtPayload(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            throw new MicrocredException(Problem.MALFORMED_INPUT,
                    "status list credential is neither JSON nor a compact JWS (" + parts.length + " parts)");
        }
        byte[] payload;
        try {
            payload = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "JWT payload is not base64url: " + e.getMessage(), e);
        }
        ObjectNode claims = Json.parseObject(payload);
        JsonNode vc = claims.get("vc");
        return vc != null && vc.isObject() ? (ObjectNode) vc : claims;
    }
}
