package dev.microcred.tlog.note;

/**
 * A key that signs note texts. Implementations are thread-safe; their {@code toString()} reveals no secret.
 */
public interface NoteSigner {
    String name();

    int keyId();

    /** The signature bytes over the note text (without the key ID, which {@link SignedNote} prefixes). */
    byte[] sign(byte[] text);

    /** The verifier for this signer's signatures. */
    NoteVerifier verifier();
}
