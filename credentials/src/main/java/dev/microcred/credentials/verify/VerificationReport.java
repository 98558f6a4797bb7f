package dev.microcred.credentials.verify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer of the verifier: an overall {@link Outcome}, every check in the order it ran, what was
 * verified (format and the credential as decoded, when it could be decoded). Immutable.
 *
 * <p>The outcome is derived from the checks: the most severe outcome implied by a failed check, or by a
 * warning that prevents a verdict; {@link Outcome#VALID} when there is none.
 */
public record VerificationReport(Outcome outcome, List<Check> checks, String format, ObjectNode credential) {
    public VerificationReport {
        Objects.requireNonNull(outcome, "outcome");
        checks = List.copyOf(checks);
        credential = credential == null ? null : credential.deepCopy();
    }

    /** A report whose outcome is derived from {@code checks}. */
    public static VerificationReport of(List<Check> checks, String format, ObjectNode credential) {
        Outcome outcome = Outcome.VALID;
        for (Check c : checks) {
            if (c.implies() != null && c.status() != Check.Status.PASSED && c.status() != Check.Status.SKIPPED) {
                outcome = outcome.worst(c.implies());
            }
        }
        return new VerificationReport(outcome, checks, format, credential);
    }

    /** This report with {@code check} appended, its outcome derived again. */
    public VerificationReport with(Check check) {
        List<Check> all = new ArrayList<>(checks);
        all.add(check);
        return of(all, format, credential);
    }

    public boolean valid() {
        return outcome == Outcome.VALID;
    }

    public Optional<Check> check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * The machine form: {@code {"outcome": ..., "format": ..., "checks": [{"name", "outcome", "detail",
     * "values"}]}}.
     */
    public ObjectNode toJson() {
        ObjectNode root = Json.object();
        root.put("outcome", outcome.label());
        if (format != null) {
            root.put("format", format);
        }
        ArrayNode list = root.putArray("checks");
        for (Check c : checks) {
            ObjectNode node = list.addObject();
            node.put("name", c.name());
            node.put("outcome", c.status().label());
            node.put("detail", c.detail());
            if (!c.values().isEmpty()) {
                ObjectNode values = node.putObject("values");
                c.values().forEach(values::put);
            }
        }
        return root;
    }
}
