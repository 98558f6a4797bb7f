package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * OB 3.0 {@code Profile}: an issuer, creator or endorser. {@code id} (a URL or DID) and {@code type} (containing
 * {@code Profile}) are required; address, parent organisation, other identifiers and endorsements stay in
 * {@link #extras()}. A bare id string (allowed by the VC data model) is read as a profile with only an id and is
 * written back as a string.
 */
public record Profile(String id, List<String> type, String name, String url, String email, String description,
                      Image image, Extras extras) {
    private static final String AS_STRING = "\u0000string";

    public Profile {
        Objects.requireNonNull(id, "id");
        type = List.copyOf(type);
        Objects.requireNonNull(extras, "extras");
    }

    /** A profile of type {@code Profile}. */
    public static Profile of(String id, String name, String url, String email) {
        return new Profile(id, List.of("Profile"), name, url, email, null, null, Extras.NONE);
    }

    /** Whether this profile was given as a bare id string. */
    public boolean isReference() {
        return extras.isSingleValued(AS_STRING);
    }

    static Profile parse(JsonNode node, String path) {
        if (node != null && node.isTextual()) {
            return new Profile(node.asText(), List.of(), null, null, null, null, null,
                    Extras.of(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), Set.of(AS_STRING)));
        }
        Fields f = Fields.of(node, path);
        return new Profile(f.requiredString("id"), f.type("Profile"), f.string("name"), f.string("url"),
                f.string("email"), f.string("description"), f.object("image", Image::parse), f.rest());
    }

    public JsonNode toJson() {
        if (isReference()) {
            return TextNode.valueOf(id);
        }
        ObjectNode n = new JsonOut(extras).string("id", id).strings("type", type).string("name", name)
                .string("url", url).string("email", email).string("description", description)
                .object("image", image, i -> ((Image) i).toJson()).done();
        return n;
    }
}
