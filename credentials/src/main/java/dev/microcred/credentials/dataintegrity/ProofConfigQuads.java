package dev.microcred.credentials.dataintegrity;

import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.jsonld.BundledContextLoader;
import dev.microcred.credentials.jsonld.JsonLdProcessor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Builds the RDF quads of a {@code DataIntegrityProof} proof configuration directly, without running JSON-LD
 * expansion on it: the configuration is a handful of quads whose form the VC 2.0 context fixes (its
 * {@code DataIntegrityProof} term and the terms scoped to it are {@code @protected}, so no later context can change
 * them). Applies only when the configuration's {@code @context} starts with the VC 2.0 context, every context is
 * bundled, and every member is one this class knows with a value of the expected form; otherwise
 * {@link #emit} returns false and the caller runs JSON-LD. {@code DataIntegrityTest} checks that the result equals
 * titanium's over every vector and sample. Stateless and thread-safe.
 */
final class ProofConfigQuads {
    static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    private static final String SEC = "https://w3id.org/security#";
    private static final String RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    private static final String XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
    private static final String XSD_DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime";
    private static final String DC_CREATED = "http://purl.org/dc/terms/created";
    private static final Map<String, String> PURPOSES = Map.of(
            "assertionMethod", SEC + "assertionMethod",
            "authentication", SEC + "authenticationMethod",
            "capabilityDelegation", SEC + "capabilityDelegationMethod",
            "capabilityInvocation", SEC + "capabilityInvocationMethod",
            "keyAgreement", SEC + "keyAgreementMethod");

    private ProofConfigQuads() {
    }

    /** Emits the quads of {@code config} to {@code out} and returns true, or emits nothing and returns false. */
    static boolean emit(ObjectNode config, BundledContextLoader contexts, RdfQuadConsumer out) {
        if (!vc2Contexts(config.get("@context"), contexts) || !"DataIntegrityProof".equals(text(config, "type"))) {
            return false;
        }
        String subject = "_:b0";
        JsonNode id = config.get("id");
        if (id != null) {
            if (!id.isTextual() || !JsonLdProcessor.isAbsoluteIri(id.textValue())) {
                return false;
            }
            subject = id.textValue();
        }
        List<String[]> quads = new ArrayList<>(8);
        quads.add(new String[] {subject, RDF_TYPE, SEC + "DataIntegrityProof", null});
        Iterator<Map.Entry<String, JsonNode>> members = config.fields();
        while (members.hasNext()) {
            Map.Entry<String, JsonNode> member = members.next();
            JsonNode value = member.getValue();
            boolean known = switch (member.getKey()) {
                case "@context", "type", "id" -> true;
                case "cryptosuite" -> literal(quads, subject, SEC + "cryptosuite", value, SEC + "cryptosuiteString");
                case "created" -> literal(quads, subject, DC_CREATED, value, XSD_DATETIME);
                case "expires" -> literal(quads, subject, SEC + "expiration", value, XSD_DATETIME);
                case "challenge" -> literal(quads, subject, SEC + "challenge", value, XSD_STRING);
                case "domain" -> literal(quads, subject, SEC + "domain", value, XSD_STRING);
                case "nonce" -> literal(quads, subject, SEC + "nonce", value, XSD_STRING);
                case "verificationMethod" -> iri(quads, subject, SEC + "verificationMethod", value);
                case "previousProof" -> iris(quads, subject, SEC + "previousProof", value);
                case "proofPurpose" -> {
                    String purpose = value.isTextual() ? PURPOSES.get(value.textValue()) : null;
                    if (purpose != null) {
                        quads.add(new String[] {subject, SEC + "proofPurpose", purpose, null});
                    }
                    yield purpose != null;
                }
                default -> false;
            };
            if (!known) {
                return false;
            }
        }
        try {
            for (String[] q : quads) {
                out.quad(q[0], q[1], q[2], q[3], null, null, null);
            }
        } catch (RdfConsumerException e) {
            throw new IllegalStateException("RDF canonicalization refused a quad", e);
        }
        return true;
    }

    private static boolean vc2Contexts(JsonNode context, BundledContextLoader contexts) {
        if (context == null) {
            return false;
        }
        if (context.isTextual()) {
            return VC_V2.equals(context.textValue());
        }
        if (!context.isArray() || context.isEmpty() || !VC_V2.equals(context.get(0).asText(null))) {
            return false;
        }
        for (JsonNode entry : context) {
            if (!entry.isTextual() || !contexts.serves(entry.textValue())) {
                return false;
            }
        }
        return true;
    }

    private static boolean literal(List<String[]> quads, String subject, String predicate, JsonNode value,
                                   String datatype) {
        if (!value.isTextual()) {
            return false;
        }
        quads.add(new String[] {subject, predicate, value.textValue(), datatype});
        return true;
    }

    private static boolean iri(List<String[]> quads, String subject, String predicate, JsonNode value) {
        if (!value.isTextual() || !JsonLdProcessor.isAbsoluteIri(value.textValue())) {
            return false;
        }
        quads.add(new String[] {subject, predicate, value.textValue(), null});
        return true;
    }

    private static boolean iris(List<String[]> quads, String subject, String predicate, JsonNode value) {
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (!iri(quads, subject, predicate, element)) {
                    return false;
                }
            }
            return true;
        }
        return iri(quads, subject, predicate, value);
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
