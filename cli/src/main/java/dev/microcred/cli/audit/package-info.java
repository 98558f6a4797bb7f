/**
 * {@code microcred tlog audit}: a monitor of a log served as C2SP tlog-tiles (<a href="https://c2sp.org/tlog-tiles">
 * c2sp.org/tlog-tiles</a>). {@link dev.microcred.cli.audit.TileClient} fetches over HTTPS (plain HTTP to loopback
 * only) with size and time limits; {@link dev.microcred.cli.audit.LogMirror} keeps what was fetched in a directory
 * so that a run resumes where the last stopped; {@link dev.microcred.cli.audit.LogAudit} checks the checkpoint's
 * signature, its consistency with the checkpoint seen before, recomputes every tile hash and the root from the
 * entries, and lists the issuance entries of an issuer that its own records do not hold.
 */
package dev.microcred.cli.audit;
