package dev.microcred.credentials.blockcerts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import dev.microcred.credentials.dataintegrity.RdfCanonicalization;
import dev.microcred.credentials.jsonld.JsonLdProcessor;
import java.util.Objects;

/**
 * Checks what a Blockcerts certificate proves by itself, offline: that its canonical form hashes to the receipt's
 * {@code targetHash}, and that the receipt's Merkle path leads from there to {@code merkleRoot}. Comparing
 * {@code merkleRoot} with the blockchain transaction, and the transaction's sender with the issuer's keys, needs
 * the blockchain: that is the caller's to report from {@link MerkleReceipt#anchors()}.
 *
 * <p>The local hash is SHA-256 over the RDFC-1.0 (URDNA2015) N-Quads of the certificate without its proof
 * ({@code proof} for v3, {@code signature} for v2), as the reference verifier (cert-verifier-js) computes it. The
 * JSON-LD processing is microcred's safe mode: a member no context defines is an error, as it is for the
 * reference verifier ("found unmapped fields").
 *
 * <p>A receipt that does not hold is an answer ({@link BlockcertsVerification.Outcome#REJECTED}); a certificate
 * that cannot be processed (unknown context, JSON-LD error, a proof form microcred does not verify) is a
 * {@link MicrocredException}. Immutable and thread-safe.
 */
public final class BlockcertsVerifier {
    static final String MERKLE_PROOF_2019 = "MerkleProof2019";
    static final String MERKLE_PROOF_2017 = "MerkleProof2017";
    static final String DATA_INTEGRITY_PROOF = "DataIntegrityProof";
    static final String MERKLE_PROOF_2019_SUITE = "merkle-proof-2019";

    private final JsonLdProcessor jsonLd;

    /** A verifier canonicalizing with {@code jsonLd} (and so with its contexts only). */
    public BlockcertsVerifier(JsonLdProcessor jsonLd) {
        this.jsonLd = Objects.requireNonNull(jsonLd, "jsonLd");
    }

    /** Checks the local hash and the Merkle path of {@code certificate}; never modifies it. */
    public BlockcertsVerification verify(ObjectNode certificate) {
        Objects.requireNonNull(certificate, "certificate");
        JsonNode proof = certificate.get("proof");
        if (proof != null && proof.isArray()) {
            if (proof.size() != 1) {
                throw new MicrocredException(Problem.UNSUPPORTED, "a Blockcerts certificate with " + proof.size()
                        + " proofs (a proof set or ChainedProof2021 chain) is not verified by microcred");
            }
            proof = proof.get(0);
        }
        if (proof != null) {
            return verifyV3(certificate, proof);
        }
        JsonNode signature = certificate.get("signature");
        if (signature != null && hasType(signature, MERKLE_PROOF_2017)) {
            return verifyV2(certificate, signature);
        }
        throw new MicrocredException(Problem.UNSUPPORTED, "no MerkleProof2019 proof or MerkleProof2017 signature:"
                + " not a Blockcerts v2 or v3 certificate microcred verifies");
    }

    private BlockcertsVerification verifyV3(ObjectNode certificate, JsonNode proof) {
        if (!proof.isObject()) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a proof must be a JSON object");
        }
        String type = proof.path("type").asText("");
        String label;
        if (MERKLE_PROOF_2019.equals(type)) {
            label = type;
        } else if (DATA_INTEGRITY_PROOF.equals(type)
                && MERKLE_PROOF_2019_SUITE.equals(proof.path("cryptosuite").asText())) {
            label = type + "/" + MERKLE_PROOF_2019_SUITE;
        } else {
            throw new MicrocredException(Problem.UNSUPPORTED, "unsupported Blockcerts proof type: " + type
                    + (proof.has("cryptosuite") ? "/" + proof.path("cryptosuite").asText() : ""));
        }
        String method = proof.hasNonNull("verificationMethod") ? proof.get("verificationMethod").asText() : null;
        MerkleReceipt receipt;
        try {
            receipt = MerkleReceipt.parseProofValue(proof.path("proofValue").asText(null));
        } catch (IllegalArgumentException e) {
            return new BlockcertsVerification(BlockcertsVerification.Version.V3, label, null, null, method,
                    BlockcertsVerification.Outcome.REJECTED, "the receipt cannot be read: " + e.getMessage());
        }
        return check(BlockcertsVerification.Version.V3, label, receipt, without(certificate, "proof"), method);
    }

    private BlockcertsVerification verifyV2(ObjectNode certificate, JsonNode signature) {
        MerkleReceipt receipt;
        try {
            receipt = MerkleReceipt.ofSignature(signature);
        } catch (IllegalArgumentException | MicrocredException e) {
            return new BlockcertsVerification(BlockcertsVerification.Version.V2, MERKLE_PROOF_2017, null, null, null,
                    BlockcertsVerification.Outcome.REJECTED, "the receipt cannot be read: " + e.getMessage());
        }
        return check(BlockcertsVerification.Version.V2, MERKLE_PROOF_2017, receipt,
                without(certificate, "signature"), null);
    }

    private BlockcertsVerification check(BlockcertsVerification.Version version, String label, MerkleReceipt receipt,
                                         ObjectNode unsecured, String method) {
        // cert-verifier-js computeLocalHash: SHA-256 of the URDNA2015 N-Quads of the certificate without its proof
        Bytes localHash = Bytes.of(Sha256.digest(RdfCanonicalization.canonicalize(q -> jsonLd.toRdf(unsecured, q))));
        // compareHashes: the local hash must be the receipt's targetHash
        if (!localHash.equals(receipt.targetHash())) {
            return new BlockcertsVerification(version, label, receipt, localHash, method,
                    BlockcertsVerification.Outcome.REJECTED, "the certificate hashes to " + localHash.hex()
                    + ", not to the receipt's targetHash " + receipt.targetHash().hex()
                    + ": it was altered after issuing");
        }
        // checkReceipt: the Merkle path leads from targetHash to merkleRoot
        if (!receipt.pathLeadsToRoot()) {
            return new BlockcertsVerification(version, label, receipt, localHash, method,
                    BlockcertsVerification.Outcome.REJECTED, "the Merkle path leads to " + receipt.computedRoot().hex()
                    + ", not to the receipt's merkleRoot " + receipt.merkleRoot().hex());
        }
        return new BlockcertsVerification(version, label, receipt, localHash, method,
                BlockcertsVerification.Outcome.VERIFIED, "the certificate hashes to the receipt's targetHash and "
                + "its Merkle path (" + receipt.path().size() + " step" + (receipt.path().size() == 1 ? "" : "s")
                + ") leads to merkleRoot " + receipt.merkleRoot().hex());
    }

    private static ObjectNode without(ObjectNode document, String member) {
        ObjectNode copy = document.deepCopy();
        copy.remove(member);
        return copy;
    }

    private static boolean hasType(JsonNode node, String type) {
        JsonNode types = node.get("type");
        if (types == null) {
            return false;
        }
        if (types.isTextual()) {
            return types.asText().equals(type);
        }
        for (JsonNode t : types) {
            if (type.equals(t.asText())) {
                return true;
            }
        }
        return false;
    }
}
