package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * OB 3.0 {@code EndorsementCredential}: a third party's endorsement of an issuer profile or achievement; type
 * {@code VerifiableCredential} + {@code EndorsementCredential}, subject {@link EndorsementSubject}.
 *
 * @param id the credential's id; optional in the VC data model (OB 3.0 requires it: the schema check reports it)
 * @param validFrom the {@code validFrom} text as written (null only for VC 1.1 credentials with {@code issuanceDate})
 */
public record EndorsementCredential(List<JsonNode> context, String id, List<String> type, Profile issuer,
                                    String validFrom, String validUntil, JsonNode name, JsonNode description,
                                    EndorsementSubject credentialSubject, List<JsonNode> credentialSchema,
                                    JsonNode credentialStatus, List<JsonNode> proof, Extras extras) {
    public EndorsementCredential {
        context = List.copyOf(context);
        type = List.copyOf(type);
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(credentialSubject, "credentialSubject");
        credentialSchema = List.copyOf(credentialSchema);
        proof = List.copyOf(proof);
        Objects.requireNonNull(extras, "extras");
    }

    /** Parses a top-level endorsement credential. */
    public static EndorsementCredential parse(JsonNode node) {
        return parse(node, "");
    }

    static EndorsementCredential parse(JsonNode node, String path) {
        Fields f = Fields.of(node, path);
        List<JsonNode> context = Envelope.context(f);
        String id = f.string("id");
        List<String> type = f.type("EndorsementCredential");
        return new EndorsementCredential(context, id, type, f.requiredObject("issuer", Profile::parse),
                Envelope.validFrom(f, node), Envelope.validUntil(f), f.raw("name"), f.raw("description"),
                f.requiredObject("credentialSubject", EndorsementSubject::parse), f.raws("credentialSchema"),
                f.raw("credentialStatus"), f.raws("proof"), f.rest());
    }

    public ObjectNode toJson() {
        return new JsonOut(extras).raws("@context", context).string("id", id).strings("type", type)
                .object("issuer", issuer, p -> ((Profile) p).toJson()).string("validFrom", validFrom)
                .string("validUntil", validUntil).raw("name", name).raw("description", description)
                .object("credentialSubject", credentialSubject, s -> ((EndorsementSubject) s).toJson())
                .raws("credentialSchema", credentialSchema).raw("credentialStatus", credentialStatus)
                .raws("proof", proof).done();
    }
}
