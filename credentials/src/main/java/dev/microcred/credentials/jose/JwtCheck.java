package dev.microcred.credentials.jose;

import java.util.Objects;

/**
 * One check of a VC-JWT verification: its name ({@code alg}, {@code key}, {@code signature}, or the claim it
 * compares: {@code iss}, {@code jti}, {@code nbf}, {@code sub}, {@code exp}), whether it passed, and a one-line
 * explanation naming the values compared.
 */
public record JwtCheck(String name, boolean passed, String detail) {
    public JwtCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
    }

    static JwtCheck pass(String name, String detail) {
        return new JwtCheck(name, true, detail);
    }

    static JwtCheck fail(String name, String detail) {
        return new JwtCheck(name, false, detail);
    }
}
