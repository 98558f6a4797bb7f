/**
 * Witnesses: C2SP tlog-cosignature v1 with Ed25519 (<a href="https://c2sp.org/tlog-cosignature">
 * c2sp.org/tlog-cosignature</a>) and the add-checkpoint exchange of C2SP tlog-witness
 * (<a href="https://c2sp.org/tlog-witness">c2sp.org/tlog-witness</a>).
 *
 * <ul>
 *   <li>A cosignature is a note signature line whose key ID is
 *       {@code SHA-256(<name> || "\n" || 0x04 || 32-byte public key)[:4]} and whose signature bytes are an 8-byte
 *       big-endian POSIX timestamp followed by the Ed25519 signature of
 *       {@code "cosignature/v1\ntime <timestamp>\n" || <checkpoint note text>}.</li>
 *   <li>An add-checkpoint request body is {@code old <size>\n}, up to 63 base64 consistency proof lines, an empty
 *       line, then the signed checkpoint; {@link dev.microcred.tlog.witness.Witness} decides the answer (200 with
 *       cosignature lines, 400, 403, 404, 409 with {@code text/x.tlog.size}, 422) as a pure function of the request
 *       and the witness's stored checkpoint for the origin. Persistence and HTTP belong to the caller.</li>
 * </ul>
 */
package dev.microcred.tlog.witness;
