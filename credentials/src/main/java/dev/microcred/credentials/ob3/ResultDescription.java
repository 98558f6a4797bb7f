package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * OB 3.0 {@code ResultDescription}: a kind of result an achievement records (a grade, a rubric level, a score).
 * {@code id}, {@code type}, {@code name} and {@code resultType} are required; allowed values, rubric levels
 * and the like stay in {@link #extras()}.
 */
public record ResultDescription(String id, List<String> type, String name, String resultType,
                                List<Alignment> alignment, Extras extras) {
    public ResultDescription {
        Objects.requireNonNull(id, "id");
        type = List.copyOf(type);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(resultType, "resultType");
        alignment = List.copyOf(alignment);
        Objects.requireNonNull(extras, "extras");
    }

    static ResultDescription parse(JsonNode node, String path) {
        Fields f = Fields.of(node, path);
        return new ResultDescription(f.requiredString("id"), f.type("ResultDescription"), f.requiredString("name"),
                f.requiredString("resultType"), f.objects("alignment", Alignment::parse), f.rest());
    }

    public ObjectNode toJson() {
        return new JsonOut(extras).string("id", id).strings("type", type).string("name", name)
                .string("resultType", resultType).objects("alignment", alignment, Alignment::toJson).done();
    }
}
