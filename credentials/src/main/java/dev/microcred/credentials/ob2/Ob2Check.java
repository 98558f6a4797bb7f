package dev.microcred.credentials.ob2;

import java.util.Objects;

/**
 * One step of OB 2.0 verification and its outcome, for the verifier's report.
 *
 * @param name a stable step name: {@code parse}, {@code recipient}, {@code hosted}, {@code signature},
 *     {@code badgeclass}, {@code issuer}, {@code origin}, {@code key-owner}, {@code revocation}, {@code expiry}
 * @param outcome passed, failed or warning
 * @param detail a plain-language explanation with the values compared
 */
public record Ob2Check(String name, Outcome outcome, String detail) {
    /** The outcome of one check. */
    public enum Outcome {
        PASSED, FAILED, WARNING
    }

    public Ob2Check {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }

    static Ob2Check passed(String name, String detail) {
        return new Ob2Check(name, Outcome.PASSED, detail);
    }

    static Ob2Check failed(String name, String detail) {
        return new Ob2Check(name, Outcome.FAILED, detail);
    }

    static Ob2Check warning(String name, String detail) {
        return new Ob2Check(name, Outcome.WARNING, detail);
    }
}
