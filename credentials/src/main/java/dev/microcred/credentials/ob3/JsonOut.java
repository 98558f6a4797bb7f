package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;

/** Writes the members of one model record; null and empty optional values are left out. Not thread-safe. */
final class JsonOut {
    private final ObjectNode node = Json.object();
    private final Extras extras;

    JsonOut(Extras extras) {
        this.extras = extras;
    }

    JsonOut string(String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
        return this;
    }

    JsonOut bool(String name, Boolean value) {
        if (value != null) {
            node.put(name, value);
        }
        return this;
    }

    JsonOut number(String name, Number value) {
        if (value instanceof Integer i) {
            node.put(name, i);
        } else if (value instanceof Long l) {
            node.put(name, l);
        } else if (value instanceof BigInteger b) {
            node.put(name, b);
        } else if (value instanceof BigDecimal d) {
            node.put(name, d);
        } else if (value != null) {
            node.put(name, new BigDecimal(value.toString()));
        }
        return this;
    }

    JsonOut raw(String name, JsonNode value) {
        if (value != null) {
            node.set(name, value.deepCopy());
        }
        return this;
    }

    JsonOut strings(String name, List<String> values) {
        if (values.isEmpty()) {
            return this;
        }
        if (values.size() == 1 && extras.isSingleValued(name)) {
            node.put(name, values.get(0));
            return this;
        }
        ArrayNode array = node.putArray(name);
        values.forEach(array::add);
        return this;
    }

    JsonOut object(String name, Object value, Function<Object, JsonNode> writer) {
        if (value != null) {
            node.set(name, writer.apply(value));
        }
        return this;
    }

    <T> JsonOut objects(String name, List<T> values, Function<T, JsonNode> writer) {
        if (values.isEmpty()) {
            return this;
        }
        if (values.size() == 1 && extras.isSingleValued(name)) {
            node.set(name, writer.apply(values.get(0)));
            return this;
        }
        ArrayNode array = node.putArray(name);
        values.forEach(v -> array.add(writer.apply(v)));
        return this;
    }

    JsonOut raws(String name, List<JsonNode> values) {
        return objects(name, values, JsonNode::deepCopy);
    }

    ObjectNode done() {
        extras.writeTo(node);
        return node;
    }
}
