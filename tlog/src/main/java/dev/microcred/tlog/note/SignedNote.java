package dev.microcred.tlog.note;

import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A C2SP signed note: a text ending in a newline, then a blank line, then signature lines. The text is what
 * every signature covers (as UTF-8). Parsing checks the syntax only; {@link #verify} checks signatures.
 *
 * @param text       the note text, ending in a newline (empty lines allowed; the last blank line of an encoded
 *                   note separates the text from the signatures)
 * @param signatures the signatures, in order; at least one for an encoded note
 */
public record SignedNote(String text, List<NoteSignature> signatures) {
    /** The largest encoded note accepted. */
    public static final int MAX_BYTES = 1 << 20;
    /** The most signatures accepted on one note (signed-note asks verifiers to accept at least 16). */
    public static final int MAX_SIGNATURES = 100;

    public SignedNote {
        Objects.requireNonNull(text, "text");
        checkText(text);
        signatures = List.copyOf(signatures);
        if (signatures.size() > MAX_SIGNATURES) {
            throw new MicrocredException(Problem.TOO_LARGE, "more than " + MAX_SIGNATURES + " signatures");
        }
    }

    /** Signs {@code text} with each signer, in order. */
    public static SignedNote sign(String text, NoteSigner... signers) {
        return new SignedNote(text, List.of()).withSignatures(signers);
    }

    /** This note with signatures from {@code signers} added after the present ones. */
    public SignedNote withSignatures(NoteSigner... signers) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        byte[] bytes = textBytes();
        for (NoteSigner signer : signers) {
            all.add(new NoteSignature(signer.name(), signer.keyId(), Bytes.of(signer.sign(bytes))));
        }
        return new SignedNote(text, all);
    }

    /** This note with {@code more} signatures added after the present ones (e.g. cosignatures of witnesses). */
    public SignedNote withSignatures(List<NoteSignature> more) {
        List<NoteSignature> all = new ArrayList<>(signatures);
        all.addAll(more);
        return new SignedNote(text, all);
    }

    /** Parses an encoded note from UTF-8 bytes. */
    public static SignedNote parse(byte[] encoded) {
        if (encoded.length > MAX_BYTES) {
            throw new MicrocredException(Problem.TOO_LARGE, "a note is at most " + MAX_BYTES + " bytes");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(encoded)).toString();
            return parse(text);
        } catch (CharacterCodingException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a note is not valid UTF-8");
        }
    }

    /** Parses an encoded note. */
    public static SignedNote parse(String encoded) {
        if (encoded.length() > MAX_BYTES) {
            throw new MicrocredException(Problem.TOO_LARGE, "a note is at most " + MAX_BYTES + " bytes");
        }
        checkCharacters(encoded);
        if (!encoded.endsWith("\n")) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a note ends with a newline");
        }
        // signed-note: the text is separated from the signatures by the last empty line in the note
        int blank = encoded.lastIndexOf("\n\n");
        if (blank < 0) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a note has a blank line before its signatures");
        }
        String text = encoded.substring(0, blank + 1);
        String block = encoded.substring(blank + 2);
        if (block.isEmpty()) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a note has at least one signature");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        int at = 0;
        while (at < block.length()) {
            int end = block.indexOf('\n', at);
            if (signatures.size() == MAX_SIGNATURES) {
                throw new MicrocredException(Problem.TOO_LARGE, "more than " + MAX_SIGNATURES + " signatures");
            }
            signatures.add(NoteSignature.parseLine(block.substring(at, end)));
            at = end + 1;
        }
        return new SignedNote(text, signatures);
    }

    /** The encoded note: text, blank line, signature lines. Requires at least one signature. */
    public String format() {
        if (signatures.isEmpty()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "a note without signatures cannot be encoded");
        }
        StringBuilder out = new StringBuilder(text).append('\n');
        for (NoteSignature signature : signatures) {
            out.append(signature.line());
        }
        return out.toString();
    }

    /** The signed bytes: the text as UTF-8. */
    public byte[] textBytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * signed-note: checks every signature whose name and key ID match a known key, and ignores the others.
     * A signature that verifies under any matching key counts for every matching key that verifies it.
     */
    public NoteVerification verify(Collection<? extends NoteVerifier> known) {
        byte[] bytes = textBytes();
        Set<NoteVerifier> verified = new LinkedHashSet<>();
        List<NoteSignature> failed = new ArrayList<>();
        List<NoteSignature> unknown = new ArrayList<>();
        for (NoteSignature signature : signatures) {
            boolean matched = false;
            boolean ok = false;
            for (NoteVerifier verifier : known) {
                if (signature.isFrom(verifier)) {
                    matched = true;
                    if (verifier.verify(bytes, signature.signature().toArray())) {
                        ok = true;
                        verified.add(verifier);
                    }
                }
            }
            if (!matched) {
                unknown.add(signature);
            } else if (!ok) {
                failed.add(signature);
            }
        }
        return new NoteVerification(List.copyOf(verified), failed, unknown);
    }

    private static void checkText(String text) {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a note text ends with a newline");
        }
        checkCharacters(text);
    }

    /** signed-note: valid UTF-8 without ASCII control characters other than newline. */
    private static void checkCharacters(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "a note has no control characters");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    throw new MicrocredException(Problem.MALFORMED_INPUT, "a note is not valid Unicode");
                }
            }
        }
    }
}
