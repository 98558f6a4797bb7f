package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * OB 3.0 {@code Image}: {@code id} is the image URL or a {@code data:} URI; {@code type} is {@code Image}.
 * A bare URL string is read as an image with only an id (and written back as a string).
 */
public record Image(String id, List<String> type, String caption, Extras extras) {
    private static final String AS_STRING = "\u0000string";

    public Image {
        Objects.requireNonNull(id, "id");
        type = List.copyOf(type);
        Objects.requireNonNull(extras, "extras");
    }

    public static Image of(String url) {
        return new Image(url, List.of("Image"), null, Extras.NONE);
    }

    static Image parse(JsonNode node, String path) {
        if (node != null && node.isTextual()) {
            return new Image(node.asText(), List.of(), null, Extras.of(com.fasterxml.jackson.databind.node.JsonNodeFactory
                    .instance.objectNode(), java.util.Set.of(AS_STRING)));
        }
        Fields f = Fields.of(node, path);
        return new Image(f.requiredString("id"), f.strings("type"), f.string("caption"), f.rest());
    }

    public JsonNode toJson() {
        if (extras.isSingleValued(AS_STRING)) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(id);
        }
        ObjectNode n = new JsonOut(extras).string("id", id).strings("type", type).string("caption", caption).done();
        return n;
    }
}
