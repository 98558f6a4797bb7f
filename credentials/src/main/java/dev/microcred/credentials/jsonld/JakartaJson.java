package dev.microcred.credentials.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Iterator;
import java.util.Map;

/**
 * Converts Jackson trees (microcred's JSON representation) to the jakarta.json values titanium reads, in one
 * pass, keeping numbers exact. Stateless and thread-safe.
 */
final class JakartaJson {
    static final JsonProvider PROVIDER = JsonProvider.provider();

    private JakartaJson() {
    }

    static JsonValue of(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT: {
                JsonObjectBuilder builder = PROVIDER.createObjectBuilder();
                Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    builder.add(field.getKey(), of(field.getValue()));
                }
                return builder.build();
            }
            case ARRAY: {
                JsonArrayBuilder builder = PROVIDER.createArrayBuilder();
                for (JsonNode element : node) {
                    builder.add(of(element));
                }
                return builder.build();
            }
            case STRING:
                return PROVIDER.createValue(node.textValue());
            case BOOLEAN:
                return node.booleanValue() ? JsonValue.TRUE : JsonValue.FALSE;
            case NULL:
                return JsonValue.NULL;
            case NUMBER:
                if (node.isIntegralNumber()) {
                    return node.canConvertToLong()
                            ? PROVIDER.createValue(node.longValue())
                            : PROVIDER.createValue(node.bigIntegerValue());
                }
                return PROVIDER.createValue(node.decimalValue());
            default:
                throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }
}
