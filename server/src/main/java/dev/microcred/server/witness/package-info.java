/**
 * A C2SP tlog-witness server (<a href="https://c2sp.org/tlog-witness">
 * c2sp.org/tlog-witness</a>) on the JDK's {@code com.sun.net.httpserver}. The decisions are those of the pure
 * {@link dev.microcred.tlog.witness.Witness}; this package adds HTTP ({@link dev.microcred.server.witness.WitnessServer})
 * and the per-origin state, persisted atomically in a directory ({@link dev.microcred.server.witness.WitnessState}).
 *
 * <p>{@code microcred witness} (cli) runs it standalone; {@code serve --demo} starts one in-process on a loopback
 * port ({@link dev.microcred.server.witness.DemoWitness}) so the demo log publishes cosigned checkpoints.
 */
package dev.microcred.server.witness;
