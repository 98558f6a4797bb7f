package dev.microcred.store;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code account} table. Stateless; emails are compared lower-case. */
public final class Accounts {
    private static final String INSERT = """
            INSERT INTO account (id, email, display_name, password_hash, roles, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """;
    private static final String COLUMNS = """
            SELECT id, email, display_name, password_hash, roles, created_at FROM account
            """;
    private static final String BY_EMAIL = COLUMNS + " WHERE email = ?";
    private static final String BY_ID = COLUMNS + " WHERE id = ?";
    private static final String ALL = COLUMNS + " ORDER BY created_at, id LIMIT ?";
    private static final String UPDATE_PASSWORD = """
            UPDATE account SET password_hash = ? WHERE id = ?
            """;

    /**
     * Stores a new account.
     *
     * @throws MicrocredException {@code CONFLICT} when the email is taken
     */
    public void insert(Connection c, Account a) throws SQLException {
        if (byEmail(c, a.email()).isPresent()) {
            throw new MicrocredException(Problem.CONFLICT, "an account with this email already exists");
        }
        Jdbc.update(c, INSERT, a.id(), normalise(a.email()), a.displayName(), a.passwordHash(), Words.join(a.roles()),
                a.createdAt());
    }

    public Optional<Account> byEmail(Connection c, String email) throws SQLException {
        return Jdbc.one(c, BY_EMAIL, Accounts::map, normalise(email));
    }

    public Optional<Account> byId(Connection c, String id) throws SQLException {
        return Jdbc.one(c, BY_ID, Accounts::map, id);
    }

    public void updatePassword(Connection c, String id, String passwordHash) throws SQLException {
        Jdbc.update(c, UPDATE_PASSWORD, passwordHash, id);
    }

    /** Every account, oldest first, at most {@code limit} (the platform admin's list). */
    public List<Account> all(Connection c, int limit) throws SQLException {
        return Jdbc.list(c, ALL, Accounts::map, limit);
    }

    /** The stored form of an email: trimmed, lower-case. */
    public static String normalise(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static Account map(ResultSet rs) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), Words.split(rs.getString("roles")), Jdbc.instant(rs, "created_at"));
    }
}
