package dev.microcred.credentials.verify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a verification: its name ({@code parse}, {@code context}, {@code schema}, {@code proof},
 * {@code issuer-key}, {@code validity}, {@code status}, {@code endorsements}, {@code anchor}, ...), its outcome, a
 * plain-language detail, the values it compared, and, for a failure, the overall outcome it implies.
 */
public record Check(String name, Status status, String detail, Map<String, String> values, Outcome implies) {
    /** The outcome of one check. */
    public enum Status {
        PASSED("passed"), FAILED("failed"), WARNING("warning"), SKIPPED("skipped");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        values = values == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        if (status == Status.FAILED && implies == null) {
            throw new IllegalArgumentException("a failed check must say which outcome it implies: " + name);
        }
    }

    public static Check passed(String name, String detail) {
        return new Check(name, Status.PASSED, detail, Map.of(), null);
    }

    public static Check passed(String name, String detail, Map<String, String> values) {
        return new Check(name, Status.PASSED, detail, values, null);
    }

    public static Check failed(String name, Outcome implies, String detail) {
        return new Check(name, Status.FAILED, detail, Map.of(), implies);
    }

    public static Check failed(String name, Outcome implies, String detail, Map<String, String> values) {
        return new Check(name, Status.FAILED, detail, values, implies);
    }

    public static Check warning(String name, String detail) {
        return new Check(name, Status.WARNING, detail, Map.of(), null);
    }

    /** A warning that still prevents a verdict (e.g. the status list could not be fetched). */
    public static Check warning(String name, Outcome implies, String detail) {
        return new Check(name, Status.WARNING, detail, Map.of(), implies);
    }

    public static Check skipped(String name, String detail) {
        return new Check(name, Status.SKIPPED, detail, Map.of(), null);
    }
}
