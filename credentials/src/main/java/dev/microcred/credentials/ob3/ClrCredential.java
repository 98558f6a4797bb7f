package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * CLR 2.0 {@code ClrCredential}: a Verifiable Credential bundling a learner's OB 3.0 credentials in a
 * {@link ClrSubject}. New credentials get the context VC v2, CLR 2.0.1, OB 3.0.3 (in that order).
 *
 * @param id the credential's id; optional in the VC data model (OB 3.0 requires it: the schema check reports it)
 * @param validFrom the {@code validFrom} text as written (null only for VC 1.1 credentials with {@code issuanceDate})
 */
public record ClrCredential(List<JsonNode> context, String id, List<String> type, Profile issuer, String validFrom,
                            String validUntil, JsonNode name, JsonNode description, ClrSubject credentialSubject,
                            List<JsonNode> credentialSchema, JsonNode credentialStatus, List<JsonNode> proof,
                            Extras extras) {
    public static final String TYPE = "ClrCredential";
    public static final String CONTEXT = Envelope.CLR_CONTEXT;

    public ClrCredential {
        context = List.copyOf(context);
        type = List.copyOf(type);
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(credentialSubject, "credentialSubject");
        credentialSchema = List.copyOf(credentialSchema);
        proof = List.copyOf(proof);
        Objects.requireNonNull(extras, "extras");
    }

    /** A new, unsigned CLR with the fixed context order; the caller signs {@link #toJson()}. */
    public static ClrCredential unsigned(String id, Profile issuer, String name, ClrSubject subject, Instant validFrom) {
        return new ClrCredential(List.of(TextNode.valueOf(Envelope.VC_V2), TextNode.valueOf(CONTEXT),
                TextNode.valueOf(Envelope.OB_CONTEXT)), id, List.of("VerifiableCredential", TYPE), issuer,
                validFrom.toString(), null, TextNode.valueOf(name), null, subject, List.of(), null, List.of(),
                Extras.NONE);
    }

    /**
     * Reads a CLR 2.0 credential.
     *
     * @throws dev.microcred.core.MicrocredException {@code MALFORMED_INPUT} naming the JSON path
     */
    public static ClrCredential parse(JsonNode node) {
        Fields f = Fields.of(node, "");
        List<JsonNode> context = Envelope.context(f);
        String id = f.string("id");
        List<String> type = f.type(TYPE);
        return new ClrCredential(context, id, type, f.requiredObject("issuer", Profile::parse),
                Envelope.validFrom(f, node), Envelope.validUntil(f), f.raw("name"), f.raw("description"),
                f.requiredObject("credentialSubject", ClrSubject::parse), f.raws("credentialSchema"),
                f.raw("credentialStatus"), f.raws("proof"), f.rest());
    }

    public ObjectNode toJson() {
        return new JsonOut(extras).raws("@context", context).string("id", id).strings("type", type)
                .object("issuer", issuer, p -> ((Profile) p).toJson()).string("validFrom", validFrom)
                .string("validUntil", validUntil).raw("name", name).raw("description", description)
                .object("credentialSubject", credentialSubject, s -> ((ClrSubject) s).toJson())
                .raws("credentialSchema", credentialSchema).raw("credentialStatus", credentialStatus)
                .raws("proof", proof).done();
    }
}
