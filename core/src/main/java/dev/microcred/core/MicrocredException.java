package dev.microcred.core;

import java.util.Objects;

/**
 * "Could not process at all": the one exception type microcred modules throw for bad input, unsupported
 * features and unavailable resources. The message is one line, meant for a person, and never contains key
 * material or personal data.
 */
public final class MicrocredException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final Problem problem;

    public MicrocredException(Problem problem, String message) {
        super(message);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public MicrocredException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Problem problem() {
        return problem;
    }
}
