package dev.microcred.credentials.dataintegrity;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;

/** The Data Integrity cryptosuites microcred creates proofs with (proof type {@code DataIntegrityProof}). */
public enum Cryptosuite {
    /** vc-di-eddsa §3.3: RDF Dataset Canonicalization (RDFC-1.0), SHA-256, Ed25519. */
    EDDSA_RDFC_2022("eddsa-rdfc-2022"),
    /** vc-di-eddsa §3.4: JSON Canonicalization Scheme (RFC 8785), SHA-256, Ed25519. */
    EDDSA_JCS_2022("eddsa-jcs-2022");

    private final String id;

    Cryptosuite(String id) {
        this.id = id;
    }

    /** The {@code cryptosuite} value, e.g. {@code eddsa-rdfc-2022}. */
    public String id() {
        return id;
    }

    /** The suite named {@code id}; anything else is {@link Problem#UNSUPPORTED}. */
    public static Cryptosuite of(String id) {
        for (Cryptosuite suite : values()) {
            if (suite.id.equals(id)) {
                return suite;
            }
        }
        throw new MicrocredException(Problem.UNSUPPORTED, "unsupported cryptosuite: " + id);
    }
}
