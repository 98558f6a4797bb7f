package dev.microcred.credentials.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.DateTimeStamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validity window check (VC Data Model 2.0 §4.9 "Validity Period"; VC 1.1 {@code issuanceDate} and
 * {@code expirationDate}): the instant of verification must lie in [{@code validFrom}, {@code validUntil}].
 * Dates are XML Schema dateTimeStamp values (an offset is required; a missing offset is read as UTC and
 * warned about).
 */
final class ValidityWindow {
    static final String NAME = "validity";

    private ValidityWindow() {
    }

    static Check check(ObjectNode credential, Instant at) {
        return read(credential).check(at);
    }

    /** The window {@code credential} states, read once: judge it at any instant with {@link Window#check}. */
    static Window read(ObjectNode credential) {
        boolean v1 = credential.has("issuanceDate") && !credential.has("validFrom");
        String fromField = v1 ? "issuanceDate" : "validFrom";
        String untilField = credential.has("validUntil") || !credential.has("expirationDate")
                ? "validUntil" : "expirationDate";
        try {
            return new Window(fromField, untilField, instant(credential.get(fromField)),
                    instant(credential.get(untilField)), null);
        } catch (DateTimeParseException e) {
            return new Window(fromField, untilField, null, null, e.getParsedString());
        }
    }

    /** A stated validity window; {@code unreadable} is the date text that could not be read (null when both were). */
    record Window(String fromField, String untilField, Instant from, Instant until, String unreadable) {
        Check check(Instant at) {
            Outcome failure = failure(at);
            if (unreadable != null) {
                return Check.failed(NAME, failure, "a validity date is not an ISO 8601 date-time: " + unreadable);
            }
            Map<String, String> values = new LinkedHashMap<>();
            values.put("checkedAt", at.toString());
            if (from != null) {
                values.put(fromField, from.toString());
            }
            if (until != null) {
                values.put(untilField, until.toString());
            }
            if (failure != null) {
                String why = switch (failure) {
                    case NOT_YET_VALID -> "not valid before " + from;
                    case EXPIRED -> "expired on " + until;
                    default -> fromField + " is after " + untilField;
                };
                return Check.failed(NAME, failure, why, values);
            }
            String detail = until == null
                    ? (from == null ? "no validity period stated" : "valid since " + from + ", no expiry")
                    : "valid from " + (from == null ? "(unstated)" : from) + " until " + until;
            return Check.passed(NAME, detail, values);
        }

        /** The status {@link #check} gives at {@code at}, without building its explanation. */
        Check.Status status(Instant at) {
            return failure(at) == null ? Check.Status.PASSED : Check.Status.FAILED;
        }

        /** Why the window fails at {@code at}, or null when it holds. */
        private Outcome failure(Instant at) {
            if (unreadable != null || from != null && until != null && until.isBefore(from)) {
                return Outcome.INVALID;
            }
            if (from != null && at.isBefore(from)) {
                return Outcome.NOT_YET_VALID;
            }
            if (until != null && at.isAfter(until)) {
                return Outcome.EXPIRED;
            }
            return null;
        }
    }

    static Instant instant(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new DateTimeParseException("not a string", node.toString(), 0);
        }
        String text = node.asText();
        try {
            return DateTimeStamp.toInstant(text);
        } catch (DateTimeParseException e) {
            // no offset: read as UTC (XML Schema dateTime without timezone)
            return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
        }
    }
}
