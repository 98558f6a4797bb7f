/**
 * Storage for the microcred server: a HikariCP pool over H2 (the embedded default, {@code MODE=PostgreSQL}, a file
 * under the data directory) or PostgreSQL, numbered migrations that run unchanged on both
 * ({@link dev.microcred.store.Migrations}), and one repository per table family with plain JDBC: text-block SQL
 * constants with {@code ?} parameters beside their row mappers.
 *
 * <p>Repositories are stateless and take the {@link java.sql.Connection} of the caller's unit of work, so that
 * what must commit together does ({@link dev.microcred.store.Transactions#inTransaction}). {@link java.sql.SQLException}
 * never leaves this package: it becomes a {@link dev.microcred.core.MicrocredException} whose message holds no data
 * values ({@code CONFLICT} for a constraint violation, {@code UNAVAILABLE} when the database cannot be reached,
 * {@code IO_ERROR} otherwise), with the cause kept.
 */
package dev.microcred.store;
