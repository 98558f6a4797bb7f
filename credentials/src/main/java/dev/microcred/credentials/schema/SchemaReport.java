package dev.microcred.credentials.schema;

import java.util.List;

/**
 * The outcome of {@link SchemaValidator#validate}: which schemas were applied, which were named by the credential
 * but are not bundled (never fetched: reported instead), and the violations found.
 *
 * @param checked the ids of the schemas (or {@link SchemaValidator#CLR_RULES}) applied
 * @param unknown schema ids the credential names that are not bundled
 * @param violations empty when the credential conforms to every schema checked
 * @param notices departures from a schema that are allowed by the specification above it and reported rather than
 *     failed (an array of {@code credentialStatus} entries: VC 2.0 allows it, the OB 3.0 schema does not)
 */
public record SchemaReport(List<String> checked, List<String> unknown, List<SchemaViolation> violations,
                           List<String> notices) {
    public SchemaReport {
        checked = List.copyOf(checked);
        unknown = List.copyOf(unknown);
        violations = List.copyOf(violations);
        notices = List.copyOf(notices);
    }

    /** A report without notices. */
    public SchemaReport(List<String> checked, List<String> unknown, List<SchemaViolation> violations) {
        this(checked, unknown, violations, List.of());
    }

    /** At least one schema was applied and nothing violated it. */
    public boolean conforms() {
        return !checked.isEmpty() && violations.isEmpty();
    }
}
