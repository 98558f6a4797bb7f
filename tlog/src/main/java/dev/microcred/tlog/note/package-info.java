/**
 * C2SP signed-note (<a href="https://c2sp.org/signed-note">c2sp.org/signed-note</a>): a UTF-8 text ending in a
 * newline, a blank line, and one or more signature lines {@code — <key name> <base64(key ID || signature)>}.
 *
 * <ul>
 *   <li>Key names are non-empty and contain no Unicode space and no {@code +}.</li>
 *   <li>A key ID is {@code SHA-256(key name || 0x0A || signature type || public key)[:4]}, big-endian; type
 *       {@code 0x01} is Ed25519 note signatures, {@code 0x04} Ed25519 witness cosignatures
 *       ({@link dev.microcred.tlog.witness}).</li>
 *   <li>Verifier keys (vkeys) are {@code <name>+<hex key ID>+<base64(type || public key)>}; Ed25519 signer keys
 *       are {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || 32-byte seed)>}, the forms of Go's
 *       {@code golang.org/x/mod/sumdb/note}.</li>
 *   <li>Verification ignores signatures from unknown keys (a key is known by name and key ID together), rejects
 *       the note if a known key's signature fails, and requires at least one verified signature.</li>
 *   <li>Limits: a note is at most {@value dev.microcred.tlog.note.SignedNote#MAX_BYTES} bytes with at most
 *       {@value dev.microcred.tlog.note.SignedNote#MAX_SIGNATURES} signatures (the spec asks for at least 16);
 *       no control characters other than newline.</li>
 * </ul>
 */
package dev.microcred.tlog.note;
