package dev.microcred.cli;

/**
 * The exit codes of every {@code microcred} command, as documented in the README.
 */
public final class ExitCode {
    /** Success; for {@code verify}, the credential is valid. */
    public static final int OK = 0;
    /** A negative answer: invalid, tampered, revoked, suspended, expired, not yet valid, unsupported. */
    public static final int NEGATIVE = 1;
    /** Could not check, or bad usage / bad input: the message on standard error says why. */
    public static final int CANNOT_PROCESS = 2;

    private ExitCode() {
    }
}
