package dev.microcred.credentials.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Parses and writes JSON documents with the limits microcred documents: at most {@link #MAX_DOCUMENT_BYTES}
 * bytes, nesting depth {@link #MAX_DEPTH}, no duplicate keys, no trailing content. Stateless and thread-safe.
 */
public final class Json {
    /** The largest JSON document (credential, presentation, status list credential) accepted: 1 MiB. */
    public static final int MAX_DOCUMENT_BYTES = 1 << 20;
    /** The deepest nesting accepted. */
    public static final int MAX_DEPTH = 64;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();
    private static final com.fasterxml.jackson.databind.ObjectWriter PRETTY = MAPPER.writerWithDefaultPrettyPrinter();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH)
                .maxStringLength(MAX_DOCUMENT_BYTES)
                .maxNumberLength(1000)
                .build());
    }

    private Json() {
    }

    /** The shared mapper, for code that builds trees ({@code Json.mapper().createObjectNode()}). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses any JSON value. */
    public static JsonNode parse(byte[] utf8) {
        if (utf8.length > MAX_DOCUMENT_BYTES) {
            throw new MicrocredException(Problem.TOO_LARGE,
                    "JSON document of " + utf8.length + " bytes exceeds the limit of " + MAX_DOCUMENT_BYTES);
        }
        try {
            JsonNode node = MAPPER.readTree(utf8);
            if (node == null || node.isMissingNode()) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "empty input: expected a JSON document");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "malformed JSON: " + oneLine(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses a JSON object; any other JSON value is {@link Problem#MALFORMED_INPUT}. */
    public static ObjectNode parseObject(byte[] utf8) {
        JsonNode node = parse(utf8);
        if (!node.isObject()) {
            throw new MicrocredException(Problem.MALFORMED_INPUT,
                    "expected a JSON object, found " + node.getNodeType().name().toLowerCase());
        }
        return (ObjectNode) node;
    }

    public static ObjectNode parseObject(String text) {
        return parseObject(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Compact serialization (member order preserved). */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }

    /** Indented serialization for people. */
    public static String writePretty(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a JSON tree", e);
        }
    }

    private static String oneLine(JsonProcessingException e) {
        String msg = e.getOriginalMessage();
        if (msg == null) {
            msg = e.getClass().getSimpleName();
        }
        msg = msg.replaceAll("\\s+", " ").trim();
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            msg += " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return msg;
    }
}
