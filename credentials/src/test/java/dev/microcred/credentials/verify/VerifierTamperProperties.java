package dev.microcred.credentials.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.issue.CredentialFormat;
import dev.microcred.credentials.issue.CredentialIssuer;
import dev.microcred.credentials.issue.SignedCredential;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.ob3.Achievement;
import dev.microcred.credentials.ob3.Criteria;
import dev.microcred.crypto.DidKey;
import dev.microcred.crypto.Ed25519PrivateKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * End to end through the verifier: no single mutation of a credential microcred issued, in any Ed25519 format,
 * is ever reported valid — a changed claim anywhere, an added term the contexts do not define, a dropped
 * context, a flipped signature character, a signature by another key.
 */
class VerifierTamperProperties {
    private static final Ed25519PrivateKey KEY = Ed25519PrivateKey.generate();
    private static final Ed25519PrivateKey OTHER = Ed25519PrivateKey.generate();
    private static final CredentialVerifier VERIFIER = new CredentialVerifier(Fetcher.NONE, jwk -> {
        throw new IllegalStateException("no JWK expected");
    }, Clock.systemUTC());
    private static final Map<CredentialFormat, SignedCredential> ISSUED = new java.util.EnumMap<>(CredentialFormat.class);

    static {
        CredentialIssuer issuer = CredentialIssuer.withDidKey(KEY, "Example Academy");
        Achievement achievement = Achievement.of("https://academy.example/achievements/1", "Data Literacy",
                "Reads, questions and presents data.", Criteria.narrative("Passed the final assessment."));
        for (CredentialFormat f : List.of(CredentialFormat.LDP_RDFC, CredentialFormat.LDP_JCS,
                CredentialFormat.JWT_EDDSA)) {
            ISSUED.put(f, issuer.issue(achievement, "learner@example.org", f, Instant.parse("2040-01-01T00:00:00Z")));
        }
    }

    enum Mutation { CHANGE_VALUE, ADD_UNDEFINED_TERM, DROP_CONTEXT, FLIP_SIGNATURE, OTHER_KEY }

    @Property(tries = 150)
    void noMutationIsEverValid(@ForAll("formats") CredentialFormat format, @ForAll Mutation mutation,
                               @ForAll("seeds") int seed) {
        SignedCredential vc = ISSUED.get(format);
        byte[] input = mutate(vc, mutation, seed).getBytes(StandardCharsets.UTF_8);
        Outcome outcome;
        try {
            outcome = VERIFIER.verify(input, Instant.now()).outcome();
        } catch (MicrocredException e) {
            return; // could not be processed at all: certainly not valid
        }
        assertThat(outcome).as(format + " " + mutation + " " + seed).isNotEqualTo(Outcome.VALID);
    }

    /** The baseline: without a mutation every one of them is valid, so the property above can fail. */
    @net.jqwik.api.Example
    void unmutatedCredentialsAreValid() {
        ISSUED.values().forEach(vc -> assertThat(VERIFIER.verify(vc.text().getBytes(StandardCharsets.UTF_8),
                Instant.now()).outcome()).as(vc.format().label()).isEqualTo(Outcome.VALID));
    }

    @Provide
    Arbitrary<CredentialFormat> formats() {
        return Arbitraries.of(ISSUED.keySet());
    }

    @Provide
    Arbitrary<Integer> seeds() {
        return Arbitraries.integers().between(0, 10_000);
    }

    static String mutate(SignedCredential vc, Mutation mutation, int seed) {
        if (vc.format().isJwt()) {
            return mutateJwt(vc, mutation, seed);
        }
        ObjectNode doc = vc.credential().deepCopy();
        switch (mutation) {
            case CHANGE_VALUE -> changeValue(doc, seed);
            case ADD_UNDEFINED_TERM -> ((ObjectNode) doc.get("credentialSubject")).put("favouriteColour", "blue");
            case DROP_CONTEXT -> ((ArrayNode) doc.get("@context")).remove(1 + seed % 2);
            case FLIP_SIGNATURE -> {
                ObjectNode proof = (ObjectNode) doc.get("proof");
                proof.put("proofValue", flip(proof.get("proofValue").asText(), seed, 1));
            }
            case OTHER_KEY -> {
                ObjectNode unsigned = doc.deepCopy();
                unsigned.remove("proof");
                SignedCredential resigned = new CredentialIssuer(
                        dev.microcred.credentials.ob3.Profile.of(DidKey.of(KEY.publicKey()), "Example Academy", null,
                                null), OTHER, DidKey.verificationMethodId(OTHER.publicKey()), Clock.systemUTC())
                        .sign(unsigned, vc.format());
                return resigned.text();
            }
        }
        return Json.write(doc);
    }

    static String mutateJwt(SignedCredential vc, Mutation mutation, int seed) {
        String[] parts = vc.text().split("\\.");
        switch (mutation) {
            case FLIP_SIGNATURE -> parts[2] = flip(parts[2], seed, 0);
            case OTHER_KEY -> {
                return new CredentialIssuer(dev.microcred.credentials.ob3.Profile.of(DidKey.of(KEY.publicKey()),
                        "Example Academy", null, null), OTHER, DidKey.verificationMethodId(KEY.publicKey()),
                        Clock.systemUTC()).sign(vc.credential(), vc.format()).text();
            }
            default -> {
                ObjectNode payload = Json.parseObject(Base64.getUrlDecoder().decode(parts[1]));
                switch (mutation) {
                    case CHANGE_VALUE -> changeValue(payload, seed);
                    case ADD_UNDEFINED_TERM -> payload.put("favouriteColour", "blue");
                    default -> ((ArrayNode) payload.get("@context")).remove(1 + seed % 2);
                }
                parts[1] = Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(Json.write(payload).getBytes(StandardCharsets.UTF_8));
            }
        }
        return String.join(".", parts);
    }

    /** Changes one string leaf, chosen by {@code seed}, outside the proof. */
    static void changeValue(ObjectNode doc, int seed) {
        List<String[]> leaves = new ArrayList<>();
        collect(doc, "", leaves);
        String[] leaf = leaves.get(seed % leaves.size());
        JsonNode parent = doc.at(leaf[0]);
        if (parent instanceof ObjectNode o) {
            o.set(leaf[1], TextNode.valueOf(o.get(leaf[1]).asText() + "x"));
        } else if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(leaf[1]);
            a.set(i, TextNode.valueOf(a.get(i).asText() + "x"));
        }
    }

    private static void collect(JsonNode node, String pointer, List<String[]> leaves) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("proof") || e.getKey().equals("@context")) {
                    return;
                }
                if (e.getValue().isTextual()) {
                    leaves.add(new String[] {pointer, e.getKey()});
                } else {
                    collect(e.getValue(), pointer + "/" + e.getKey(), leaves);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isTextual()) {
                    leaves.add(new String[] {pointer, Integer.toString(i)});
                } else {
                    collect(node.get(i), pointer + "/" + i, leaves);
                }
            }
        }
    }

    /** Replaces one character (after {@code skip} leading ones) with another of the same alphabet. */
    static String flip(String s, int seed, int skip) {
        int i = skip + seed % (s.length() - skip);
        char c = s.charAt(i);
        char replacement = c == 'A' ? 'B' : 'A';
        return s.substring(0, i) + replacement + s.substring(i + 1);
    }
}
