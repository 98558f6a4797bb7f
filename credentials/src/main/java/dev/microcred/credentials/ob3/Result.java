package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * OB 3.0 {@code Result}: what the learner achieved against a {@link ResultDescription} (by its id), as a value,
 * an achieved rubric level or a status.
 */
public record Result(List<String> type, String resultDescription, String value, String achievedLevel, String status,
                     List<Alignment> alignment, Extras extras) {
    public Result {
        type = List.copyOf(type);
        alignment = List.copyOf(alignment);
        Objects.requireNonNull(extras, "extras");
    }

    static Result parse(JsonNode node, String path) {
        Fields f = Fields.of(node, path);
        return new Result(f.type("Result"), f.string("resultDescription"), f.string("value"),
                f.string("achievedLevel"), f.string("status"), f.objects("alignment", Alignment::parse), f.rest());
    }

    public ObjectNode toJson() {
        return new JsonOut(extras).strings("type", type).string("resultDescription", resultDescription)
                .string("value", value).string("achievedLevel", achievedLevel).string("status", status)
                .objects("alignment", alignment, Alignment::toJson).done();
    }
}
