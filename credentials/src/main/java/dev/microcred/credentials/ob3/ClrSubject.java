package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * CLR 2.0 {@code ClrSubject}: the learner ({@code id} or {@code identifier}s), the bundled
 * {@code verifiableCredential}s (signed OB 3.0 credentials, as JSON objects or compact JWS strings; they are kept
 * as JSON so that their proofs still verify), optional {@link Achievement}s and {@link Association}s.
 */
public record ClrSubject(String id, List<String> type, List<IdentityObject> identifier,
                         List<JsonNode> verifiableCredential, List<Achievement> achievement,
                         List<Association> association, Extras extras) {
    public ClrSubject {
        type = List.copyOf(type);
        identifier = List.copyOf(identifier);
        verifiableCredential = List.copyOf(verifiableCredential);
        achievement = List.copyOf(achievement);
        association = List.copyOf(association);
        Objects.requireNonNull(extras, "extras");
    }

    static ClrSubject parse(JsonNode node, String path) {
        Fields f = Fields.of(node, path);
        String id = f.string("id");
        List<String> type = f.type("ClrSubject");
        List<IdentityObject> identifier = f.objects("identifier", IdentityObject::parse);
        List<JsonNode> credentials = f.raws("verifiableCredential");
        if (credentials.isEmpty()) {
            throw Fields.malformed(f.path("verifiableCredential") + " is required");
        }
        return new ClrSubject(id, type, identifier, credentials, f.objects("achievement", Achievement::parse),
                f.objects("association", Association::parse), f.rest());
    }

    public ObjectNode toJson() {
        return new JsonOut(extras).string("id", id).strings("type", type)
                .objects("identifier", identifier, IdentityObject::toJson)
                .raws("verifiableCredential", verifiableCredential)
                .objects("achievement", achievement, Achievement::toJson)
                .objects("association", association, Association::toJson).done();
    }
}
