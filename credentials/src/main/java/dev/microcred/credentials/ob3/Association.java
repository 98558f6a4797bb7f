package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * CLR 2.0 {@code Association}: a relation between two achievements of a {@link ClrSubject}, by id
 * ({@code associationType} such as {@code isPartOf}, {@code precedes}, {@code isChildOf}): how stacking and
 * prerequisites are expressed.
 */
public record Association(List<String> type, String associationType, String sourceId, String targetId,
                          Extras extras) {
    public Association {
        type = List.copyOf(type);
        Objects.requireNonNull(associationType, "associationType");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(extras, "extras");
    }

    public static Association of(String associationType, String sourceId, String targetId) {
        return new Association(List.of("Association"), associationType, sourceId, targetId, Extras.NONE);
    }

    static Association parse(JsonNode node, String path) {
        Fields f = Fields.of(node, path);
        return new Association(f.type("Association"), f.requiredString("associationType"),
                f.requiredString("sourceId"), f.requiredString("targetId"), f.rest());
    }

    public ObjectNode toJson() {
        return new JsonOut(extras).strings("type", type).string("associationType", associationType)
                .string("sourceId", sourceId).string("targetId", targetId).done();
    }
}
