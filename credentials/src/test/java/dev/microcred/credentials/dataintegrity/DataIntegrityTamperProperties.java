package dev.microcred.credentials.dataintegrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.DidKey;
import dev.microcred.crypto.Ed25519PrivateKey;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Law: every single mutation of a signed credential fails verification, as a rejected proof or, where the JSON-LD
 * no longer processes, as {@link Problem#JSONLD_ERROR} / {@link Problem#UNKNOWN_CONTEXT}. Never "verified".
 */
class DataIntegrityTamperProperties {
    private static final DataIntegrity DI = DataIntegrity.standard();
    private static final ObjectNode SIGNED_RDFC = DI.sign(DataIntegrityRoundTripTest.realistic(),
            ProofOptions.of(Cryptosuite.EDDSA_RDFC_2022, DataIntegrityRoundTripTest.METHOD),
            DataIntegrityRoundTripTest.KEY);
    private static final ObjectNode SIGNED_JCS = DI.sign(DataIntegrityRoundTripTest.realistic(),
            ProofOptions.of(Cryptosuite.EDDSA_JCS_2022, DataIntegrityRoundTripTest.METHOD),
            DataIntegrityRoundTripTest.KEY);
    private static final List<String> VALUE_PATHS = valuePaths(SIGNED_RDFC);
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    @Property(tries = 150)
    void changedClaimValueAnywhereIsRejected(@ForAll("valuePaths") String path, @ForAll("suffixes") String suffix,
                                             @ForAll boolean jcs) {
        ObjectNode doc = (jcs ? SIGNED_JCS : SIGNED_RDFC).deepCopy();
        setAt(doc, path, suffix);
        assertNotVerified(doc, jcs);
    }

    @Property(tries = 40)
    void addedUndefinedTermIsAJsonLdError(@ForAll("termNames") String term, @ForAll("objectPaths") String where) {
        ObjectNode doc = SIGNED_RDFC.deepCopy();
        ObjectNode target = where.isEmpty() ? doc : (ObjectNode) doc.at(where);
        target.put(term, "injected");
        try {
            VerificationResult result = DI.verify(doc, KeyResolver.didKeyOnly());
            assertThat(result.verified()).as("undefined term %s at %s verified", term, where).isFalse();
        } catch (MicrocredException e) {
            assertThat(e.problem()).isEqualTo(Problem.JSONLD_ERROR);
        }
    }

    @Property(tries = 20)
    void droppedContextFails(@ForAll("contextIndex") int index, @ForAll boolean jcs) {
        ObjectNode doc = (jcs ? SIGNED_JCS : SIGNED_RDFC).deepCopy();
        ((ArrayNode) doc.get("@context")).remove(index);
        assertNotVerified(doc, jcs);
    }

    @Property(tries = 100)
    void flippedProofValueCharacterIsRejected(@ForAll("positions") int position, @ForAll("base58") char c,
                                              @ForAll boolean jcs) {
        ObjectNode doc = (jcs ? SIGNED_JCS : SIGNED_RDFC).deepCopy();
        ObjectNode proof = (ObjectNode) doc.get("proof");
        String value = proof.get("proofValue").textValue();
        int i = 1 + position % (value.length() - 1);
        if (value.charAt(i) == c) {
            c = c == 'z' ? 'y' : 'z';
        }
        proof.put("proofValue", value.substring(0, i) + c + value.substring(i + 1));
        assertNotVerified(doc, jcs);
    }

    @Property(tries = 20)
    void swappedKeyIsRejected(@ForAll("seeds") byte[] seed, @ForAll boolean jcs) {
        ObjectNode doc = (jcs ? SIGNED_JCS : SIGNED_RDFC).deepCopy();
        Ed25519PrivateKey other = Ed25519PrivateKey.fromSeed(seed);
        if (other.equals(DataIntegrityRoundTripTest.KEY)) {
            return;
        }
        ((ObjectNode) doc.get("proof")).put("verificationMethod", DidKey.verificationMethodId(other.publicKey()));
        assertNotVerified(doc, jcs);
    }

    private static void assertNotVerified(ObjectNode doc, boolean jcs) {
        try {
            VerificationResult result = DI.verify(doc, KeyResolver.didKeyOnly());
            assertThat(result.verified()).as("tampered %s document verified", jcs ? "jcs" : "rdfc").isFalse();
            assertThat(result.proofs()).noneMatch(ProofResult::verified);
        } catch (MicrocredException e) {
            assertThat(e.problem()).isIn(Problem.JSONLD_ERROR, Problem.UNKNOWN_CONTEXT);
        }
    }

    @Provide
    Arbitrary<String> valuePaths() {
        return Arbitraries.of(VALUE_PATHS);
    }

    @Provide
    Arbitrary<String> suffixes() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(4);
    }

    @Provide
    Arbitrary<String> termNames() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(12).map(s -> "x" + s);
    }

    @Provide
    Arbitrary<String> objectPaths() {
        return Arbitraries.of("", "/issuer", "/credentialSubject", "/credentialSubject/achievement",
                "/credentialSubject/achievement/criteria", "/credentialSubject/achievement/alignment/0",
                "/credentialSubject/result/0", "/credentialStatus");
    }

    @Provide
    Arbitrary<Integer> contextIndex() {
        return Arbitraries.integers().between(0, SIGNED_RDFC.get("@context").size() - 1);
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 1000);
    }

    @Provide
    Arbitrary<Character> base58() {
        return Arbitraries.of(BASE58.chars().mapToObj(c -> (char) c).toList());
    }

    @Provide
    Arbitrary<byte[]> seeds() {
        return Arbitraries.bytes().array(byte[].class).ofSize(32);
    }

    // JSON pointers to every string or number outside @context and proof
    private static List<String> valuePaths(JsonNode root) {
        List<String> paths = new ArrayList<>();
        collect(root, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> {
                if (!name.equals("@context") && !name.equals("proof")) {
                    collect(node.get(name), path + "/" + name, out);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "/" + i, out);
            }
        } else if (node.isTextual() || node.isNumber()) {
            out.add(path);
        }
    }

    private static void setAt(ObjectNode root, String path, String suffix) {
        int slash = path.lastIndexOf('/');
        JsonNode parent = path.substring(0, slash).isEmpty() ? root : root.at(path.substring(0, slash));
        String last = path.substring(slash + 1);
        JsonNode old = parent.isArray() ? parent.get(Integer.parseInt(last)) : parent.get(last);
        String changed = old.isNumber() ? String.valueOf(old.intValue() + 1) : old.asText() + suffix;
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), changed);
        } else if (old.isNumber()) {
            ((ObjectNode) parent).put(last, old.intValue() + 1);
        } else {
            ((ObjectNode) parent).put(last, changed);
        }
    }
}
