/**
 * {@code microcred witness}: a C2SP tlog-witness server (<a href="https://c2sp.org/tlog-witness">
 * c2sp.org/tlog-witness</a>) on the JDK's {@code com.sun.net.httpserver}. The decisions are those of the pure
 * {@link dev.microcred.tlog.witness.Witness}; this package adds HTTP ({@link dev.microcred.cli.witness.WitnessServer})
 * and the per-origin state, persisted atomically in a directory ({@link dev.microcred.cli.witness.WitnessState}).
 *
 * <p>It lives in the cli module until the {@code server} module exists; it then moves there, next to the log's
 * other HTTP endpoints.
 */
package dev.microcred.cli.witness;
