package dev.microcred.tlog.note;

import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.CanonicalBase64;
import java.util.Objects;

/**
 * One signature line of a note: {@code — <key name> <base64(4-byte key ID || signature)>}.
 *
 * @param name      the key name
 * @param keyId     the key ID (big-endian in the encoding)
 * @param signature the signature bytes after the key ID, at least one byte
 */
public record NoteSignature(String name, int keyId, Bytes signature) {
    static final String DASH = "\u2014 ";

    public NoteSignature {
        KeyNames.require(name);
        Objects.requireNonNull(signature, "signature");
        if (signature.length() == 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "empty signature from " + name);
        }
    }

    /** Parses one line without its newline. */
    public static NoteSignature parseLine(String line) {
        if (!line.startsWith(DASH)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a signature line starts with an em dash and space");
        }
        int space = line.indexOf(' ', DASH.length());
        if (space < 0 || line.indexOf(' ', space + 1) >= 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a signature line is — <name> <base64>");
        }
        String name = line.substring(DASH.length(), space);
        if (!KeyNames.isValid(name)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "invalid key name in a signature line");
        }
        byte[] bytes = CanonicalBase64.decode(line.substring(space + 1), "signature");
        if (bytes.length < 5) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a signature has a 4-byte key ID and a signature");
        }
        int keyId = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
        byte[] signature = new byte[bytes.length - 4];
        System.arraycopy(bytes, 4, signature, 0, signature.length);
        return new NoteSignature(name, keyId, Bytes.of(signature));
    }

    /** The line, with its final newline. */
    public String line() {
        byte[] sig = signature.toArray();
        byte[] bytes = new byte[4 + sig.length];
        bytes[0] = (byte) (keyId >>> 24);
        bytes[1] = (byte) (keyId >>> 16);
        bytes[2] = (byte) (keyId >>> 8);
        bytes[3] = (byte) keyId;
        System.arraycopy(sig, 0, bytes, 4, sig.length);
        return DASH + name + " " + CanonicalBase64.encode(bytes) + "\n";
    }

    /** Whether this signature claims to be from {@code verifier} (same name and key ID). */
    public boolean isFrom(NoteVerifier verifier) {
        return verifier.name().equals(name) && verifier.keyId() == keyId;
    }
}
