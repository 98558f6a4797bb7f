package dev.microcred.server;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how mail is delivered by SMTP. {@link #toString()} leaves the password out (and it is never logged).
 *
 * @param host the SMTP server
 * @param port its port: 587 (STARTTLS), 465 (SSL) or 25 (none) by default
 * @param security how the connection is protected
 * @param username the login, or null for none
 * @param password the password, or null
 * @param from the sender address ({@code From:})
 */
public record SmtpSettings(String host, int port, Security security, String username, String password, String from) {
    /** How the connection to the SMTP server is protected. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS (RFC 3207), required: no plaintext fallback. */
        STARTTLS,
        /** TLS from the first byte (RFC 8314 "implicit TLS"). */
        SSL,
        /** No TLS: only for a relay on the same machine or in tests. */
        NONE
    }

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(from, "from");
        if (host.isBlank()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the SMTP host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "SMTP port out of range: " + port);
        }
        if (!from.matches("[^@\\s]{1,64}@[^@\\s]{1,255}")) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "MICROCRED_SMTP_FROM must be an email address");
        }
        if (username != null && username.isBlank()) {
            username = null;
        }
    }

    /**
     * The settings in {@code MICROCRED_SMTP_HOST}, {@code MICROCRED_SMTP_PORT}, {@code MICROCRED_SMTP_SECURITY}
     * ({@code starttls}, the default; {@code ssl}; {@code none}), {@code MICROCRED_SMTP_USER},
     * {@code MICROCRED_SMTP_PASSWORD} and {@code MICROCRED_SMTP_FROM}, or null when {@code MICROCRED_SMTP_HOST} is
     * not set (mail then stays in the outbox).
     *
     * @throws MicrocredException {@code INVALID_REQUEST} for a bad port or security, or a missing sender
     */
    public static SmtpSettings fromEnvironment(Map<String, String> env) {
        String host = value(env, "MICROCRED_SMTP_HOST");
        if (host == null) {
            return null;
        }
        String sec = value(env, "MICROCRED_SMTP_SECURITY");
        Security security;
        try {
            security = sec == null ? Security.STARTTLS : Security.valueOf(sec.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "MICROCRED_SMTP_SECURITY must be starttls, ssl or"
                    + " none");
        }
        String portText = value(env, "MICROCRED_SMTP_PORT");
        int port;
        try {
            port = portText != null ? Integer.parseInt(portText)
                    : switch (security) {
                        case STARTTLS -> 587;
                        case SSL -> 465;
                        case NONE -> 25;
                    };
        } catch (NumberFormatException e) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "MICROCRED_SMTP_PORT is not a number");
        }
        String from = value(env, "MICROCRED_SMTP_FROM");
        if (from == null) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "MICROCRED_SMTP_FROM is required with"
                    + " MICROCRED_SMTP_HOST");
        }
        return new SmtpSettings(host, port, security, value(env, "MICROCRED_SMTP_USER"),
                env.get("MICROCRED_SMTP_PASSWORD"), from);
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", " + security.name().toLowerCase(Locale.ROOT)
                + (username == null ? "" : ", with login") + "]";
    }
}
