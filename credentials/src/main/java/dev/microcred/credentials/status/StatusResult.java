package dev.microcred.credentials.status;

import java.util.List;
import java.util.Objects;

/**
 * The answer of a {@link StatusCheck}: whether the entry's bit is set in the list (for {@code revocation}: the
 * credential is revoked; for {@code suspension}: it is suspended now), plus warnings that did not prevent the
 * answer (a list shorter than the specification's minimum, an expired list).
 *
 * @param entry the entry checked
 * @param list the status list credential it was checked against
 * @param value the status value (0 or 1 for one-bit entries)
 * @param warnings plain-language warnings, possibly empty
 */
public record StatusResult(StatusEntry entry, StatusListCredential list, int value, List<String> warnings) {
    public StatusResult {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(list, "list");
        warnings = List.copyOf(warnings);
    }

    /** Whether the status is set (non-zero): revoked or suspended, according to {@code entry().statusPurpose()}. */
    public boolean isSet() {
        return value != 0;
    }
}
