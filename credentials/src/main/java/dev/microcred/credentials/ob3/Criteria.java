package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * OB 3.0 {@code Criteria}: a URL ({@code id}) and/or a Markdown {@code narrative} describing how the achievement
 * is earned; at least one is present.
 *
 * @param id URL of the criteria, or null
 * @param narrative Markdown text, or null
 * @param extras members the model does not name
 */
public record Criteria(String id, String narrative, Extras extras) {
    public Criteria {
        Objects.requireNonNull(extras, "extras");
    }

    /** Criteria given as a narrative. */
    public static Criteria narrative(String narrative) {
        return new Criteria(null, Objects.requireNonNull(narrative, "narrative"), Extras.NONE);
    }

    static Criteria parse(JsonNode node, String path) {
        Fields f = Fields.of(node, path);
        String id = f.string("id");
        String narrative = f.string("narrative");
        if (id == null && narrative == null) {
            throw Fields.malformed(path + " needs an id or a narrative");
        }
        return new Criteria(id, narrative, f.rest());
    }

    public ObjectNode toJson() {
        return new JsonOut(extras).string("id", id).string("narrative", narrative).done();
    }
}
