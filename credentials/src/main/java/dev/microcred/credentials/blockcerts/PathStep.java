package dev.microcred.credentials.blockcerts;

import dev.microcred.core.Bytes;
import java.util.Objects;

/**
 * One step of a Chainpoint Merkle path: the sibling hash and the side it sits on.
 *
 * @param side    where the sibling goes when the two are concatenated
 * @param sibling the 32-byte sibling hash
 */
public record PathStep(Side side, Bytes sibling) {
    /** The side of the sibling. */
    public enum Side {
        /** parent = SHA-256(sibling || current) */
        LEFT,
        /** parent = SHA-256(current || sibling) */
        RIGHT
    }

    public PathStep {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(sibling, "sibling");
        if (sibling.length() != 32) {
            throw new IllegalArgumentException("a Merkle path sibling is a 32-byte SHA-256 hash, not "
                    + sibling.length() + " bytes");
        }
    }
}
