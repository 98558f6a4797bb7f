package dev.microcred.credentials.dataintegrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import dev.microcred.credentials.jcs.JsonCanonicalizer;
import dev.microcred.credentials.jsonld.JsonLdProcessor;
import dev.microcred.crypto.DidKey;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.KeyType;
import dev.microcred.crypto.Multibase;
import dev.microcred.crypto.VerificationMethod;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Creates and verifies Data Integrity proofs on JSON-LD documents (VC 2.0 and VC 1.1 credentials and
 * presentations): {@code DataIntegrityProof} with {@code eddsa-rdfc-2022} or {@code eddsa-jcs-2022}, proof sets and
 * proof chains (vc-data-integrity §4.2–§4.5); legacy {@code Ed25519Signature2020} and {@code Ed25519Signature2018}
 * (its detached JWS, RFC 7797, over the same hashData) are verified only.
 *
 * <p>For both suites (vc-di-eddsa §3.3.4 / §3.4.4) hashData = SHA-256(canonical proof configuration) followed by
 * SHA-256(canonical document without proof); the proof configuration is the proof without {@code proofValue}, with
 * the document's {@code @context}; {@code proofValue} is multibase base58-btc of the 64-byte Ed25519 signature.
 * rdfc canonicalizes with JSON-LD in safe mode and RDFC-1.0 (so an undefined term is {@link Problem#JSONLD_ERROR});
 * jcs with RFC 8785 and no JSON-LD processing.
 *
 * <p>A proof that does not hold is an answer ({@link ProofResult.Outcome#REJECTED}); a document that cannot be
 * processed (malformed proof, JSON-LD error, unknown context, unresolvable key) is a {@link MicrocredException}.
 * Inputs are never modified. Immutable and thread-safe.
 */
public final class DataIntegrity {
    static final String DATA_INTEGRITY_PROOF = "DataIntegrityProof";
    static final String ED25519_SIGNATURE_2020 = "Ed25519Signature2020";
    /** Linked Data Signatures' Ed25519 suite: a detached JWS (RFC 7797) over the same hashData as rdfc. */
    static final String ED25519_SIGNATURE_2018 = "Ed25519Signature2018";
    /** The name eddsa-rdfc-2022 had in drafts before 2023; same algorithm, still found in OB 3.0 samples. */
    static final String EDDSA_2022 = "eddsa-2022";
    private static final DataIntegrity STANDARD = new DataIntegrity(JsonLdProcessor.standard());
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final JsonLdProcessor jsonLd;
    private final boolean direct;

    /** Data Integrity over the contexts of {@code jsonLd}. */
    public DataIntegrity(JsonLdProcessor jsonLd) {
        this(jsonLd, true);
    }

    /**
     * With {@code direct} false, every RDF conversion runs titanium's JSON-LD algorithms: no direct proof
     * configuration quads, no compiled JSON-LD path. Tests compare the two.
     */
    DataIntegrity(JsonLdProcessor jsonLd, boolean direct) {
        Objects.requireNonNull(jsonLd, "jsonLd");
        this.jsonLd = direct ? jsonLd : jsonLd.titaniumOnly();
        this.direct = direct;
    }

    /** Data Integrity over the bundled contexts. */
    public static DataIntegrity standard() {
        return STANDARD;
    }

    /**
     * Adds a proof to {@code document} and returns the new document (vc-data-integrity §4.2 Add Proof, §4.3 Add
     * Proof Set/Chain). An existing proof stays: the result's {@code proof} becomes an array. With
     * {@code previousProof} ids in {@code options}, the proofs they name are signed along with the document.
     */
    public ObjectNode sign(ObjectNode document, ProofOptions options, Ed25519PrivateKey key) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(key, "key");
        ObjectNode unsecured = document.deepCopy();
        List<ObjectNode> allProofs = proofs(unsecured.remove("proof"));
        // §4.3 step 3: the proofs named by previousProof are secured together with the document
        ObjectNode input = unsecured;
        if (!options.previousProof().isEmpty()) {
            ArrayNode matching = NODES.arrayNode();
            for (String previous : options.previousProof()) {
                matching.add(findProof(allProofs, previous)
                        .orElseThrow(() -> new MicrocredException(Problem.INVALID_REQUEST,
                                "previousProof " + previous + " is not a proof of the document")));
            }
            input = shallowCopy(unsecured, null);
            input.set("proof", matching);
        }
        ObjectNode proof = proofOptions(options);
        JsonNode context = unsecured.get("@context");
        if (context == null && options.cryptosuite() == Cryptosuite.EDDSA_RDFC_2022) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a JSON-LD document needs an @context to be signed");
        }
        if (context != null && options.cryptosuite() == Cryptosuite.EDDSA_JCS_2022) {
            // vc-di-eddsa §3.4.1 step: the proof carries the document's @context
            proof.set("@context", context.deepCopy());
        }
        // §3.3.5 / §3.4.5 proof configuration: the proof options with the document's @context
        ObjectNode proofConfig = shallowCopy(proof, null);
        if (context != null) {
            proofConfig.set("@context", context);
        }
        byte[] hashData = hashData(options.cryptosuite() == Cryptosuite.EDDSA_JCS_2022, input, proofConfig);
        // §3.3.6 proof serialization: proofValue = base58-btc multibase of the Ed25519 signature
        proof.put("proofValue", Multibase.encode(Multibase.Encoding.BASE58BTC, key.sign(hashData)));
        allProofs.add(proof);
        ObjectNode secured = unsecured;
        if (allProofs.size() == 1) {
            secured.set("proof", proof);
        } else {
            ArrayNode array = secured.putArray("proof");
            allProofs.forEach(array::add);
        }
        return secured;
    }

    /**
     * Verifies every proof of {@code document} (vc-data-integrity §4.4 Verify Proof, §4.5 Verify Proof Sets and
     * Chains). {@code did:key} methods resolve offline; every other verification method id goes to
     * {@code resolver}. A document without a proof yields a result with no proofs, which is not verified.
     */
    public VerificationResult verify(ObjectNode document, KeyResolver resolver) {
        Objects.requireNonNull(resolver, "resolver");
        // nothing below changes a member of the document: a top-level copy without the proof is enough
        ObjectNode unsecured = shallowCopy(document, "proof");
        List<ObjectNode> allProofs = proofs(document.get("proof"));
        List<ProofResult> results = new ArrayList<>(allProofs.size());
        for (int i = 0; i < allProofs.size(); i++) {
            results.add(verifyProof(i, allProofs.get(i), allProofs, unsecured, resolver));
        }
        return new VerificationResult(results);
    }

    private ProofResult verifyProof(int index, ObjectNode proof, List<ObjectNode> allProofs, ObjectNode unsecured,
                                    KeyResolver resolver) {
        String type = text(proof, "type");
        String suite = text(proof, "cryptosuite");
        String method = text(proof, "verificationMethod");
        String purpose = text(proof, "proofPurpose");
        String created = text(proof, "created");
        boolean jcs;
        boolean detachedJws = false;
        if (DATA_INTEGRITY_PROOF.equals(type)) {
            if (Cryptosuite.EDDSA_RDFC_2022.id().equals(suite) || EDDSA_2022.equals(suite)) {
                jcs = false;
            } else if (Cryptosuite.EDDSA_JCS_2022.id().equals(suite)) {
                jcs = true;
            } else {
                return new ProofResult(index, type, suite, method, null, purpose, created,
                        ProofResult.Outcome.UNSUPPORTED, "unsupported cryptosuite: " + suite);
            }
        } else if (ED25519_SIGNATURE_2020.equals(type)) {
            jcs = false;
        } else if (ED25519_SIGNATURE_2018.equals(type)) {
            jcs = false;
            detachedJws = true;
        } else {
            return new ProofResult(index, type, suite, method, null, purpose, created,
                    ProofResult.Outcome.UNSUPPORTED, "unsupported proof type: " + type);
        }
        if (method == null) {
            return rejected(index, proof, null, "the proof names no verificationMethod");
        }
        byte[] signature;
        DetachedJws jws = null;
        if (detachedJws) {
            // Ed25519Signature2018: the signature travels in jws, a detached EdDSA JWS with an unencoded payload
            String value = text(proof, "jws");
            if (value == null) {
                return rejected(index, proof, null, "the Ed25519Signature2018 proof carries no jws");
            }
            try {
                jws = DetachedJws.parse(value);
            } catch (IllegalArgumentException e) {
                return rejected(index, proof, null, e.getMessage());
            }
            signature = jws.signature().toArray();
        } else {
            // §4.4 step 3: proofValue must be a base58-btc multibase Ed25519 signature
            String proofValue = text(proof, "proofValue");
            if (proofValue == null || !proofValue.startsWith("z")) {
                return rejected(index, proof, null, "proofValue is missing or not multibase base58-btc");
            }
            try {
                signature = Multibase.decode(proofValue);
            } catch (MicrocredException e) {
                return rejected(index, proof, null, "proofValue is not base58-btc");
            }
            if (signature.length != 64) {
                return rejected(index, proof, null, "proofValue holds " + signature.length + " bytes, not 64");
            }
        }
        // §4.5 step 4: a chained proof secures the proofs it names as previousProof
        ObjectNode input = unsecured;
        JsonNode previous = proof.get("previousProof");
        if (previous != null) {
            ArrayNode matching = NODES.arrayNode();
            for (JsonNode id : previous.isArray() ? previous : List.of(previous)) {
                if (!id.isTextual()) {
                    throw new MicrocredException(Problem.MALFORMED_INPUT, "previousProof must hold proof ids");
                }
                var found = findProof(allProofs, id.textValue());
                if (found.isEmpty()) {
                    return rejected(index, proof, null,
                            "previous proof " + id.textValue() + " is not in the document");
                }
                matching.add(found.get());
            }
            input = shallowCopy(unsecured, null);
            input.set("proof", matching);
        }
        ObjectNode proofConfig = shallowCopy(proof, "proofValue");
        if (detachedJws) {
            // jsonld-signatures LinkedDataSignature canonizeProof: the proof options lose jws and signatureValue too
            proofConfig.remove("jws");
            proofConfig.remove("signatureValue");
        }
        // vc-di-eddsa §3.3.2 step 4 / §3.4.2: a proof @context must begin the document's @context, and replaces it
        JsonNode proofContext = proofConfig.get("@context");
        if (proofContext != null) {
            if (!startsWith(unsecured.get("@context"), proofContext)) {
                return rejected(index, proof, null, "the proof's @context does not begin the document's @context");
            }
            if (!proofContext.equals(input.get("@context"))) {
                input = input == unsecured ? shallowCopy(unsecured, null) : input;
                input.set("@context", proofContext);
            }
        }
        if (input.get("@context") != null) {
            proofConfig.set("@context", input.get("@context"));
        } else if (!jcs) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a JSON-LD document needs an @context");
        }
        VerificationMethod vm = method.startsWith(DidKey.PREFIX) ? DidKey.resolve(method) : resolver.resolve(method);
        if (vm.publicKey().type() != KeyType.ED25519) {
            return rejected(index, proof, vm.controller(),
                    "verification method " + method + " holds a " + vm.publicKey().type() + " key, not Ed25519");
        }
        byte[] hashData = hashData(jcs, input, proofConfig);
        // Ed25519Signature2018 signs ASCII(BASE64URL(header)) || '.' || hashData (createVerifyData, RFC 7797 §3)
        byte[] signed = jws == null ? hashData : jws.signingInput(hashData);
        if (!vm.publicKey().verify(signed, signature)) {
            return rejected(index, proof, vm.controller(), "the signature does not match the document and proof");
        }
        return new ProofResult(index, type, suite, method, vm.controller(), purpose, created,
                ProofResult.Outcome.VERIFIED, "signature verified with " + method);
    }

    /** §3.3.4 / §3.4.4 hashing: SHA-256(canonical proof configuration) || SHA-256(canonical document). */
    byte[] hashData(boolean jcs, ObjectNode unsecured, ObjectNode proofConfig) {
        byte[] proofHash = jcs ? Sha256.digest(JsonCanonicalizer.canonicalizeUtf8(proofConfig))
                : Sha256.digest(canonicalProofConfig(false, proofConfig));
        byte[] documentHash = jcs ? Sha256.digest(JsonCanonicalizer.canonicalizeUtf8(unsecured))
                : Sha256.digest(canonicalDocument(false, unsecured));
        byte[] hashData = new byte[64];
        System.arraycopy(proofHash, 0, hashData, 0, 32);
        System.arraycopy(documentHash, 0, hashData, 32, 32);
        return hashData;
    }

    /** §3.3.3 / §3.4.3 transformation: RDFC-1.0 N-Quads or JCS of the document without proof. */
    String canonicalDocument(boolean jcs, ObjectNode unsecured) {
        if (jcs) {
            return JsonCanonicalizer.canonicalize(unsecured);
        }
        return RdfCanonicalization.canonicalize(quads -> jsonLd.toRdf(unsecured, quads));
    }

    /** §3.3.5 / §3.4.5: the canonical proof configuration. */
    String canonicalProofConfig(boolean jcs, ObjectNode proofConfig) {
        if (jcs) {
            return JsonCanonicalizer.canonicalize(proofConfig);
        }
        return RdfCanonicalization.canonicalize(quads -> {
            if (!direct || !ProofConfigQuads.emit(proofConfig, jsonLd.contexts(), quads)) {
                jsonLd.toRdf(proofConfig, quads);
            }
        });
    }

    private static ObjectNode proofOptions(ProofOptions options) {
        ObjectNode proof = NODES.objectNode();
        proof.put("type", DATA_INTEGRITY_PROOF);
        if (options.id() != null) {
            proof.put("id", options.id());
        }
        proof.put("cryptosuite", options.cryptosuite().id());
        if (options.created() != null) {
            proof.put("created", DateTimeFormatter.ISO_INSTANT.format(options.created()));
        }
        if (options.expires() != null) {
            proof.put("expires", DateTimeFormatter.ISO_INSTANT.format(options.expires()));
        }
        proof.put("verificationMethod", options.verificationMethod());
        proof.put("proofPurpose", options.proofPurpose());
        if (options.challenge() != null) {
            proof.put("challenge", options.challenge());
        }
        if (options.domain() != null) {
            proof.put("domain", options.domain());
        }
        if (options.previousProof().size() == 1) {
            proof.put("previousProof", options.previousProof().get(0));
        } else if (options.previousProof().size() > 1) {
            ArrayNode previous = proof.putArray("previousProof");
            options.previousProof().forEach(previous::add);
        }
        return proof;
    }

    /**
     * A new object holding the members of {@code object} except {@code without} (may be null), the same member
     * values: for a view whose top-level members get replaced, never for one whose members get changed.
     */
    private static ObjectNode shallowCopy(ObjectNode object, String without) {
        ObjectNode copy = NODES.objectNode();
        Iterator<Map.Entry<String, JsonNode>> members = object.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            if (!member.getKey().equals(without)) {
                copy.set(member.getKey(), member.getValue());
            }
        }
        return copy;
    }

    /** The proofs of a {@code proof} member: absent, one object or an array of objects. */
    private static List<ObjectNode> proofs(JsonNode proof) {
        List<ObjectNode> proofs = new ArrayList<>();
        if (proof == null) {
            return proofs;
        }
        for (JsonNode element : proof.isArray() ? proof : List.of(proof)) {
            if (!element.isObject()) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "a proof must be a JSON object");
            }
            proofs.add((ObjectNode) element);
        }
        return proofs;
    }

    private static java.util.Optional<ObjectNode> findProof(List<ObjectNode> proofs, String id) {
        return proofs.stream().filter(p -> id.equals(text(p, "id"))).findFirst();
    }

    private static boolean startsWith(JsonNode documentContext, JsonNode proofContext) {
        if (documentContext == null) {
            return false;
        }
        List<JsonNode> doc = new ArrayList<>();
        (documentContext.isArray() ? documentContext : List.of(documentContext)).forEach(doc::add);
        List<JsonNode> prefix = new ArrayList<>();
        (proofContext.isArray() ? proofContext : List.of(proofContext)).forEach(prefix::add);
        return prefix.size() <= doc.size() && doc.subList(0, prefix.size()).equals(prefix);
    }

    private static ProofResult rejected(int index, ObjectNode proof, String controller, String reason) {
        return new ProofResult(index, text(proof, "type"), text(proof, "cryptosuite"),
                text(proof, "verificationMethod"), controller, text(proof, "proofPurpose"), text(proof, "created"),
                ProofResult.Outcome.REJECTED, reason);
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
