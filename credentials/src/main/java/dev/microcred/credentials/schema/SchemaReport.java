package dev.microcred.credentials.schema;

import java.util.List;

/**
 * The outcome of {@link SchemaValidator#validate}: which schemas were applied, which were named by the credential
 * but are not bundled (never fetched: reported instead), and the violations found.
 *
 * @param checked the ids of the schemas (or {@link SchemaValidator#CLR_RULES}) applied
 * @param unknown schema ids the credential names that are not bundled
 * @param violations empty when the credential conforms to every schema checked
 */
public record SchemaReport(List<String> checked, List<String> unknown, List<SchemaViolation> violations) {
    public SchemaReport {
        checked = List.copyOf(checked);
        unknown = List.copyOf(unknown);
        violations = List.copyOf(violations);
    }

    /** At least one schema was applied and nothing violated it. */
    public boolean conforms() {
        return !checked.isEmpty() && violations.isEmpty();
    }
}
