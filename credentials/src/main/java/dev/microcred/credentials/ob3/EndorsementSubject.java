package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/** OB 3.0 {@code EndorsementSubject}: the endorsed entity's {@code id} and an optional comment (Markdown). */
public record EndorsementSubject(String id, List<String> type, String endorsementComment, Extras extras) {
    public EndorsementSubject {
        Objects.requireNonNull(id, "id");
        type = List.copyOf(type);
        Objects.requireNonNull(extras, "extras");
    }

    static EndorsementSubject parse(JsonNode node, String path) {
        Fields f = Fields.of(node, path);
        return new EndorsementSubject(f.requiredString("id"), f.type("EndorsementSubject"),
                f.string("endorsementComment"), f.rest());
    }

    public ObjectNode toJson() {
        return new JsonOut(extras).string("id", id).strings("type", type)
                .string("endorsementComment", endorsementComment).done();
    }
}
