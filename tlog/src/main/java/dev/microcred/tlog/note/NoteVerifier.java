package dev.microcred.tlog.note;

/**
 * A key that verifies note signatures, identified by its name and key ID. Implementations are immutable and
 * thread-safe.
 */
public interface NoteVerifier {
    String name();

    /** The 32-bit key ID, as the first four bytes of each signature carry it (big-endian). */
    int keyId();

    /** Whether {@code signature} (the bytes after the key ID) is this key's signature over the note text. */
    boolean verify(byte[] text, byte[] signature);

    /** This key in the vkey text form. */
    VerifierKey verifierKey();
}
