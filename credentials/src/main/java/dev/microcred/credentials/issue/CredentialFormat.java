package dev.microcred.credentials.issue;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.dataintegrity.Cryptosuite;
import dev.microcred.crypto.KeyType;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The signed forms microcred issues, named as the command line names them. */
public enum CredentialFormat {
    /** Data Integrity {@code eddsa-rdfc-2022}: what 1EdTech certification requires. */
    LDP_RDFC("ldp-rdfc", KeyType.ED25519, "EdDSA"),
    /** Data Integrity {@code eddsa-jcs-2022}. */
    LDP_JCS("ldp-jcs", KeyType.ED25519, "EdDSA"),
    /** VC-JWT signed with RSA (what 1EdTech requires verifiers to support). */
    JWT_RS256("jwt-rs256", KeyType.RSA, "RS256"),
    /** VC-JWT signed with P-256. */
    JWT_ES256("jwt-es256", KeyType.P256, "ES256"),
    /** VC-JWT signed with Ed25519. */
    JWT_EDDSA("jwt-eddsa", KeyType.ED25519, "EdDSA");

    private final String label;
    private final KeyType keyType;
    private final String jwsAlgorithm;

    CredentialFormat(String label, KeyType keyType, String jwsAlgorithm) {
        this.label = label;
        this.keyType = keyType;
        this.jwsAlgorithm = jwsAlgorithm;
    }

    public String label() {
        return label;
    }

    /** The key type that signs this format. */
    public KeyType keyType() {
        return keyType;
    }

    public boolean isJwt() {
        return this == JWT_RS256 || this == JWT_ES256 || this == JWT_EDDSA;
    }

    /** The Data Integrity cryptosuite, for the {@code ldp-*} formats. */
    public Cryptosuite cryptosuite() {
        return switch (this) {
            case LDP_RDFC -> Cryptosuite.EDDSA_RDFC_2022;
            case LDP_JCS -> Cryptosuite.EDDSA_JCS_2022;
            default -> throw new IllegalStateException(label + " is not a Data Integrity format");
        };
    }

    String jwsAlgorithm() {
        return jwsAlgorithm;
    }

    /** Parses a label such as {@code ldp-rdfc}. */
    public static CredentialFormat parse(String label) {
        for (CredentialFormat f : values()) {
            if (f.label.equalsIgnoreCase(label)) {
                return f;
            }
        }
        throw new MicrocredException(Problem.UNSUPPORTED, "unknown format " + label + " (expected one of "
                + Arrays.stream(values()).map(CredentialFormat::label).collect(Collectors.joining(", ")) + ")");
    }
}
