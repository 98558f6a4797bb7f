package dev.microcred.tlog.note;

import java.util.List;

/**
 * What checking a note's signatures against a set of known keys found. "Invalid" is an answer here, not an
 * exception.
 *
 * @param verifiedBy the known keys whose signature verified, each once
 * @param failed     signatures that claim a known key (name and key ID) and do not verify
 * @param unknown    signatures from keys not known, ignored as signed-note requires
 */
public record NoteVerification(List<NoteVerifier> verifiedBy, List<NoteSignature> failed,
        List<NoteSignature> unknown) {
    public NoteVerification {
        verifiedBy = List.copyOf(verifiedBy);
        failed = List.copyOf(failed);
        unknown = List.copyOf(unknown);
    }

    /** signed-note: at least one known key verified, and no known key's signature failed. */
    public boolean valid() {
        return !verifiedBy.isEmpty() && failed.isEmpty();
    }

    /** Whether {@code verifier} signed the note. */
    public boolean isVerifiedBy(NoteVerifier verifier) {
        return verifiedBy.contains(verifier);
    }
}
