package dev.microcred.store;

import dev.microcred.core.Bytes;
import java.time.Instant;
import java.util.Objects;

/**
 * One bitstring status list of an issuer (W3C Bitstring Status List v1.0).
 *
 * @param purpose {@code revocation} or {@code suspension}
 * @param seq its number among the issuer's lists of that purpose, from 1
 * @param url where its status list credential is published (the {@code statusListCredential} of entries)
 * @param bits the uncompressed bitstring, index 0 the most significant bit of the first byte
 * @param version incremented by every change of {@code bits}
 * @param signedDocument the last signed status list credential, or null
 * @param signedVersion the {@code version} it was signed at, or null
 */
public record StoredStatusList(String id, String issuerId, String purpose, int seq, String url, int lengthBits,
                               Bytes bits, long version, String signedDocument, Long signedVersion,
                               Instant createdAt, Instant updatedAt) {
    public StoredStatusList {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(issuerId, "issuerId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(bits, "bits");
        if (bits.length() * 8L != lengthBits) {
            throw new IllegalArgumentException("a list of " + lengthBits + " bits needs " + lengthBits / 8 + " bytes");
        }
    }

    /** Whether the cached signed credential shows the current bits. */
    public boolean isSignedCurrent() {
        return signedDocument != null && signedVersion != null && signedVersion == version;
    }

    @Override
    public String toString() {
        return "StoredStatusList[" + id + ", " + purpose + " #" + seq + ", v" + version + "]";
    }
}
