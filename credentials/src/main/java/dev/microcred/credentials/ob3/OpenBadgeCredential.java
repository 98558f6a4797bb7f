package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.microcred.credentials.json.Json;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * OB 3.0 {@code OpenBadgeCredential} (alias {@code AchievementCredential}): a W3C Verifiable Credential whose
 * subject is an {@link AchievementSubject}.
 *
 * <p>{@link #unsigned} builds a new credential with the fixed context order (VC v2, then OB 3.0.3, then the 1EdTech
 * extensions context that defines the {@code 1EdTechJsonSchemaValidator2019} type of its {@code credentialSchema},
 * without which JSON-LD safe mode, and so eddsa-rdfc-2022 signing, refuses the document), the type
 * {@code [VerifiableCredential, OpenBadgeCredential]} and the OB 3.0 {@code credentialSchema}; the caller adds
 * {@code credentialStatus} and signs {@link #toJson()}. {@link #parse} reads any OB 3.0 credential, keeping what
 * the model does not name.
 *
 * @param context the {@code @context} entries (URLs as text nodes; inline contexts as objects)
 * @param id the credential's id; optional in the VC data model (OB 3.0 requires it: the schema check reports it)
 * @param validFrom the {@code validFrom} text as written (null only for VC 1.1 credentials with {@code issuanceDate})
 * @param name the credential's {@code name}: a string, or multi-language JSON left as it is; may be null
 * @param credentialStatus {@code credentialStatus} as JSON (one entry or an array), or null
 */
public record OpenBadgeCredential(List<JsonNode> context, String id, List<String> type, Profile issuer,
                                  String validFrom, String validUntil, JsonNode name, JsonNode description,
                                  AchievementSubject credentialSubject, List<Evidence> evidence,
                                  List<EndorsementCredential> endorsement, List<JsonNode> credentialSchema,
                                  JsonNode credentialStatus, List<JsonNode> proof, Extras extras) {
    public static final String TYPE = "OpenBadgeCredential";
    public static final String ALIAS_TYPE = "AchievementCredential";
    public static final String CONTEXT = Envelope.OB_CONTEXT;
    public static final String SCHEMA_ID = Envelope.ACHIEVEMENT_SCHEMA;

    public OpenBadgeCredential {
        context = List.copyOf(context);
        type = List.copyOf(type);
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(credentialSubject, "credentialSubject");
        evidence = List.copyOf(evidence);
        endorsement = List.copyOf(endorsement);
        credentialSchema = List.copyOf(credentialSchema);
        proof = List.copyOf(proof);
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * A new, unsigned credential: context VC v2 + OB 3.0.3 + OB extensions (for the credentialSchema type), type
     * VerifiableCredential + OpenBadgeCredential,
     * name = the achievement's name, and the OB 3.0 credentialSchema.
     *
     * @param validUntil may be null
     */
    public static OpenBadgeCredential unsigned(String id, Profile issuer, AchievementSubject subject,
                                               Instant validFrom, Instant validUntil) {
        Objects.requireNonNull(validFrom, "validFrom");
        if (validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("validUntil " + validUntil + " is not after validFrom " + validFrom);
        }
        ObjectNode schema = Json.object();
        schema.put("id", SCHEMA_ID);
        schema.put("type", Envelope.SCHEMA_TYPE);
        // the credentialSchema type is defined by the OB extensions context, as in the specification's examples
        return new OpenBadgeCredential(List.of(TextNode.valueOf(Envelope.VC_V2), TextNode.valueOf(CONTEXT),
                TextNode.valueOf(Envelope.OB_EXTENSIONS)), id,
                List.of("VerifiableCredential", TYPE), issuer, validFrom.toString(),
                validUntil == null ? null : validUntil.toString(), TextNode.valueOf(subject.achievement().name()), null,
                subject, List.of(), List.of(), List.of(schema), null, List.of(), Extras.NONE);
    }

    /**
     * Reads an OB 3.0 credential.
     *
     * @throws dev.microcred.core.MicrocredException {@code MALFORMED_INPUT} naming the JSON path of the first
     *     missing or mistyped required member
     */
    public static OpenBadgeCredential parse(JsonNode node) {
        Fields f = Fields.of(node, "");
        List<JsonNode> context = Envelope.context(f);
        String id = f.string("id");
        List<String> type = f.type(TYPE, ALIAS_TYPE);
        if (!type.contains("VerifiableCredential")) {
            throw Fields.malformed("type must contain VerifiableCredential, found " + type);
        }
        return new OpenBadgeCredential(context, id, type, f.requiredObject("issuer", Profile::parse),
                Envelope.validFrom(f, node), Envelope.validUntil(f), f.raw("name"), f.raw("description"),
                f.requiredObject("credentialSubject", AchievementSubject::parse),
                f.objects("evidence", Evidence::parse), f.objects("endorsement", EndorsementCredential::parse),
                f.raws("credentialSchema"), f.raw("credentialStatus"), f.raws("proof"), f.rest());
    }

    /** The badge title to show: the achievement's name (not the credential's). */
    public String title() {
        return credentialSubject.achievement().name();
    }

    /** {@code validFrom} (or VC 1.1 {@code issuanceDate}) as an instant. */
    public Instant validFromInstant() {
        String v = validFrom != null ? validFrom : extras.get("issuanceDate").asText();
        return Envelope.instant(v, "validFrom");
    }

    /** A copy with {@code credentialStatus} set (one entry or an array). */
    public OpenBadgeCredential withCredentialStatus(JsonNode status) {
        return new OpenBadgeCredential(context, id, type, issuer, validFrom, validUntil, name, description,
                credentialSubject, evidence, endorsement, credentialSchema, status, proof, extras);
    }

    public ObjectNode toJson() {
        return new JsonOut(extras).raws("@context", context).string("id", id).strings("type", type)
                .object("issuer", issuer, p -> ((Profile) p).toJson()).string("validFrom", validFrom)
                .string("validUntil", validUntil).raw("name", name).raw("description", description)
                .object("credentialSubject", credentialSubject, s -> ((AchievementSubject) s).toJson())
                .objects("evidence", evidence, Evidence::toJson)
                .objects("endorsement", endorsement, EndorsementCredential::toJson)
                .raws("credentialSchema", credentialSchema).raw("credentialStatus", credentialStatus)
                .raws("proof", proof).done();
    }
}
