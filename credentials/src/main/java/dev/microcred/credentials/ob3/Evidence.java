package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/** OB 3.0 {@code Evidence}: a URL and/or a narrative supporting the award. {@code type} contains {@code Evidence}. */
public record Evidence(String id, List<String> type, String name, String description, String narrative,
                       String genre, String audience, Extras extras) {
    public Evidence {
        type = List.copyOf(type);
        Objects.requireNonNull(extras, "extras");
    }

    static Evidence parse(JsonNode node, String path) {
        Fields f = Fields.of(node, path);
        return new Evidence(f.string("id"), f.type("Evidence"), f.string("name"), f.string("description"),
                f.string("narrative"), f.string("genre"), f.string("audience"), f.rest());
    }

    public ObjectNode toJson() {
        return new JsonOut(extras).string("id", id).strings("type", type).string("name", name)
                .string("description", description).string("narrative", narrative).string("genre", genre)
                .string("audience", audience).done();
    }
}
