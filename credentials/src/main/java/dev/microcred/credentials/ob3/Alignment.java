package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * OB 3.0 {@code Alignment}: a link from an achievement or result to a competency in a framework (ESCO, O*NET,
 * CASE, CTDL). {@code targetName} and {@code targetUrl} are required; {@code targetType} is {@code ceasn:Competency},
 * {@code CFItem}, {@code CTDL}, ... or an {@code ext:} extension value.
 */
public record Alignment(List<String> type, String targetName, String targetUrl, String targetType, String targetCode,
                        String targetFramework, String targetDescription, Extras extras) {
    public Alignment {
        type = List.copyOf(type);
        Objects.requireNonNull(targetName, "targetName");
        Objects.requireNonNull(targetUrl, "targetUrl");
        Objects.requireNonNull(extras, "extras");
    }

    /** An alignment of type {@code Alignment}. */
    public static Alignment of(String targetName, String targetUrl, String targetType, String targetCode,
                               String targetFramework) {
        return new Alignment(List.of("Alignment"), targetName, targetUrl, targetType, targetCode, targetFramework,
                null, Extras.NONE);
    }

    static Alignment parse(JsonNode node, String path) {
        Fields f = Fields.of(node, path);
        return new Alignment(f.strings("type"), f.requiredString("targetName"), f.requiredString("targetUrl"),
                f.string("targetType"), f.string("targetCode"), f.string("targetFramework"),
                f.string("targetDescription"), f.rest());
    }

    public ObjectNode toJson() {
        return new JsonOut(extras).strings("type", type).string("targetName", targetName).string("targetUrl", targetUrl)
                .string("targetType", targetType).string("targetCode", targetCode)
                .string("targetFramework", targetFramework).string("targetDescription", targetDescription).done();
    }
}
