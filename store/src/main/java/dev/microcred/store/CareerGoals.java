package dev.microcred.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code career_goal} table (migration V600). Stateless. */
public final class CareerGoals {
    private static final String UPDATE = """
            UPDATE career_goal SET occupation_id = ?, objective = ?, updated_at = ? WHERE account_id = ?
            """;
    private static final String INSERT = """
            INSERT INTO career_goal (account_id, occupation_id, objective, updated_at) VALUES (?, ?, ?, ?)
            """;
    private static final String BY_ACCOUNT = """
            SELECT account_id, occupation_id, objective, updated_at FROM career_goal WHERE account_id = ?
            """;
    private static final String DELETE = "DELETE FROM career_goal WHERE account_id = ?";

    /** Sets the account's goal, replacing the one it had. */
    public void put(Connection c, CareerGoal g) throws SQLException {
        if (Jdbc.update(c, UPDATE, g.occupationId(), g.objective(), g.updatedAt(), g.accountId()) == 0) {
            Jdbc.update(c, INSERT, g.accountId(), g.occupationId(), g.objective(), g.updatedAt());
        }
    }

    public Optional<CareerGoal> byAccount(Connection c, String accountId) throws SQLException {
        return Jdbc.one(c, BY_ACCOUNT, rs -> map(rs), accountId);
    }

    /** Removes the account's goal; whether it had one. */
    public boolean delete(Connection c, String accountId) throws SQLException {
        return Jdbc.update(c, DELETE, accountId) > 0;
    }

    private static CareerGoal map(ResultSet rs) throws SQLException {
        return new CareerGoal(rs.getString("account_id"), rs.getString("occupation_id"), rs.getString("objective"),
                Jdbc.instant(rs, "updated_at"));
    }
}
