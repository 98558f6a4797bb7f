package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Reads the members of one JSON object for a model record, tracking which members were consumed (the rest
 * become {@link Extras}) and which list-valued members were single values. Errors name the JSON path.
 * Not thread-safe; one instance per object read.
 */
final class Fields {
    private final ObjectNode node;
    private final String path;
    private final Set<String> consumed = new HashSet<>();
    private final Set<String> single = new HashSet<>();

    private Fields(ObjectNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static Fields of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw malformed(path + " must be a JSON object" + (node == null ? " (missing)" : ", found " + kind(node)));
        }
        return new Fields((ObjectNode) node, path);
    }

    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    String requiredString(String name) {
        String v = string(name);
        if (v == null) {
            throw malformed(path(name) + " is required");
        }
        return v;
    }

    String string(String name) {
        JsonNode v = take(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw malformed(path(name) + " must be a string, found " + kind(v));
        }
        return v.asText();
    }

    Boolean bool(String name) {
        JsonNode v = take(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw malformed(path(name) + " must be a boolean, found " + kind(v));
        }
        return v.asBoolean();
    }

    Number number(String name) {
        JsonNode v = take(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw malformed(path(name) + " must be a number, found " + kind(v));
        }
        return v.numberValue();
    }

    /** Any JSON value, copied (multi-language strings, proofs, statuses). */
    JsonNode raw(String name) {
        JsonNode v = take(name);
        return v == null || v.isNull() ? null : v.deepCopy();
    }

    /** A list of strings written as an array or a single string. */
    List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        JsonNode v = take(name);
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isTextual()) {
            single.add(name);
            out.add(v.asText());
            return out;
        }
        if (!v.isArray()) {
            throw malformed(path(name) + " must be a string or an array of strings, found " + kind(v));
        }
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw malformed(path(name) + "[" + i + "] must be a string, found " + kind(v.get(i)));
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    List<String> requiredStrings(String name) {
        List<String> v = strings(name);
        if (v.isEmpty()) {
            throw malformed(path(name) + " is required");
        }
        return v;
    }

    /** The {@code type} member, which must contain one of {@code wanted}. */
    List<String> type(String... wanted) {
        List<String> type = requiredStrings("type");
        for (String w : wanted) {
            if (type.contains(w)) {
                return type;
            }
        }
        throw malformed(path("type") + " must contain " + String.join(" or ", wanted) + ", found " + type);
    }

    <T> T object(String name, BiFunction<JsonNode, String, T> parser) {
        JsonNode v = take(name);
        if (v == null || v.isNull()) {
            return null;
        }
        return parser.apply(v, path(name));
    }

    <T> T requiredObject(String name, BiFunction<JsonNode, String, T> parser) {
        T v = object(name, parser);
        if (v == null) {
            throw malformed(path(name) + " is required");
        }
        return v;
    }

    /** A list of objects written as an array or a single object. */
    <T> List<T> objects(String name, BiFunction<JsonNode, String, T> parser) {
        List<T> out = new ArrayList<>();
        JsonNode v = take(name);
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            single.add(name);
            out.add(parser.apply(v, path(name)));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            out.add(parser.apply(v.get(i), path(name) + "[" + i + "]"));
        }
        return out;
    }

    /** A list of any JSON values (proofs, schemas, embedded credentials), single value or array. */
    List<JsonNode> raws(String name) {
        return objects(name, (n, p) -> n.deepCopy());
    }

    Extras rest() {
        ObjectNode rest = node.objectNode();
        node.fields().forEachRemaining(e -> {
            if (!consumed.contains(e.getKey())) {
                rest.set(e.getKey(), e.getValue());
            }
        });
        return Extras.of(rest, single);
    }

    private JsonNode take(String name) {
        consumed.add(name);
        return node.get(name);
    }

    static MicrocredException malformed(String message) {
        return new MicrocredException(Problem.MALFORMED_INPUT, message);
    }

    private static String kind(JsonNode v) {
        return v.getNodeType().name().toLowerCase();
    }
}
