package dev.microcred.credentials.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.expansion.Expansion;
import com.apicatalog.jsonld.processor.ExpansionProcessor;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.apicatalog.jsonld.processor.ToRdfProcessor;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * JSON-LD 1.1 expansion and deserialization to RDF in <em>safe mode</em>, through titanium with only the contexts
 * of a {@link BundledContextLoader}. Safe mode turns everything that would make an RDF-based signature silently
 * cover less than the JSON says into {@link Problem#JSONLD_ERROR}:
 * <ul>
 * <li>a term that the active context does not define (titanium's undefined terms policy {@code Fail});</li>
 * <li>a property, {@code @type} or {@code @id} that does not expand to an absolute IRI or blank node identifier
 * (there is no base IRI, so a relative IRI would be dropped by deserialization, JSON-LD 1.1 API §8.1 step
 * 1.4.2 / §8.2);</li>
 * <li>a redefinition of a protected term (JSON-LD 1.1 §4.1.11) with a different definition, named in the message
 * ({@link ContextProcessing}: a bundled context may repeat a protected definition identically, as jsonld.js lets
 * it), and any other JSON-LD processing error.</li>
 * </ul>
 * An unknown context is {@link Problem#UNKNOWN_CONTEXT}.
 *
 * <p>{@link #toRdf} first tries a compiled path ({@code CompiledToRdf}): the active contexts are computed once by
 * titanium and memoized, and the document is walked straight to quads. It emits the same dataset as titanium, and
 * whatever it does not cover (or any document titanium would reject) goes to titanium, whole. {@link #titaniumOnly()}
 * gives a processor that always runs titanium. Immutable and thread-safe (the memoized contexts are shared).
 */
public final class JsonLdProcessor {
    private static final JsonLdProcessor STANDARD = new JsonLdProcessor(BundledContextLoader.standard());
    // RFC 3987 scheme, then no character that N-Quads IRIREF excludes (titanium drops such IRIs silently)
    private static final Pattern ABSOLUTE_IRI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.\\-]*:[^\\x00-\\x20<>\"{}|^`\\\\]*$");

    private final BundledContextLoader contexts;
    private final ContextProcessing contextProcessing;
    private final CompiledToRdf compiled;

    public JsonLdProcessor(BundledContextLoader contexts) {
        this(contexts, true);
    }

    private JsonLdProcessor(BundledContextLoader contexts, boolean compiled) {
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.contextProcessing = new ContextProcessing(contexts);
        this.compiled = compiled ? new CompiledToRdf(options(), contextProcessing) : null;
    }

    /** A processor over the same contexts whose {@link #toRdf} always runs titanium (for comparisons). */
    public JsonLdProcessor titaniumOnly() {
        return compiled == null ? this : new JsonLdProcessor(contexts, false);
    }

    /** The processor over {@link BundledContextLoader#standard()}. */
    public static JsonLdProcessor standard() {
        return STANDARD;
    }

    public BundledContextLoader contexts() {
        return contexts;
    }

    /** Expands {@code document} (JSON-LD 1.1 API §5.1) in safe mode; the result is checked as described above. */
    public JsonArray expand(ObjectNode document) {
        JsonArray expanded;
        JsonObject input = (JsonObject) JakartaJson.of(document);
        try {
            try {
                expanded = ExpansionProcessor.expand(JsonDocument.of(input), options(), false);
            } catch (JsonLdError e) {
                if (!ContextProcessing.isRedefinition(e)) {
                    throw e;
                }
                // the top-level @context may hold a bundled context that repeats protected definitions
                expanded = expandWithContextProcessing(input);
            }
        } catch (JsonLdError e) {
            if (ContextProcessing.isRedefinition(e)) {
                // titanium does not say which term; the top-level @context passed ContextProcessing
                throw new MicrocredException(Problem.JSONLD_ERROR, "JSON-LD error protected term redefinition: a"
                        + " context inside the document (embedded in a node, or scoped to a type or property)"
                        + " redefines a term that an earlier context protects", e);
            }
            throw translate(e);
        }
        for (JsonValue node : expanded) {
            checkExpanded(node);
        }
        return expanded;
    }

    /**
     * What titanium's {@code ExpansionProcessor} does for a document without a document URL, except that the
     * top-level {@code @context} goes through {@link ContextProcessing}: the expansion algorithm (§5.1.2) starts from
     * the resulting active context on the document without its {@code @context} (step 9 is what
     * {@link ContextProcessing} did). Package-private for the test that compares it with titanium's.
     */
    JsonArray expandWithContextProcessing(JsonObject input) throws JsonLdError {
        JsonLdOptions options = options();
        // §5.1 (expand()) step 4: the initial active context, no base IRI (the document has no URL)
        ActiveContext active = new ActiveContext(null, null, ProcessingRuntime.of(options));
        JsonValue element = input;
        if (input.containsKey("@context")) {
            active = contextProcessing.process(active, input.get("@context"));
            element = JakartaJson.PROVIDER.createObjectBuilder(input).remove("@context").build();
        }
        JsonValue expanded = Expansion.with(active, element, null, null).frameExpansion(false)
                .ordered(options.isOrdered()).compute();
        // §5.1 (expand()) step 8.1: "If expanded output is a map that contains only an @graph entry, set expanded
        // output that value." Steps 8.2–8.3: null becomes an empty array, anything else an array.
        if (expanded instanceof JsonObject object && object.size() == 1 && object.containsKey("@graph")) {
            expanded = object.get("@graph");
        }
        if (expanded == null || expanded.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        return expanded instanceof JsonArray array ? array
                : JakartaJson.PROVIDER.createArrayBuilder().add(expanded).build();
    }

    /**
     * Expands {@code document} in safe mode and emits its RDF dataset (JSON-LD 1.1 API §8.1) to {@code quads}:
     * through the compiled path when it covers the document, through titanium otherwise (same quads, same errors).
     */
    public void toRdf(ObjectNode document, RdfQuadConsumer quads) {
        if (compiled != null && toRdfCompiled(document, quads)) {
            return;
        }
        toRdfWithTitanium(document, quads);
    }

    /** The compiled path alone: emits the dataset and returns true, or emits nothing and returns false. */
    boolean toRdfCompiled(ObjectNode document, RdfQuadConsumer quads) {
        if (compiled == null) {
            return false;
        }
        try {
            return compiled.emit(document, quads);
        } catch (RdfConsumerException e) {
            throw new MicrocredException(Problem.JSONLD_ERROR, "RDF consumer refused a quad: " + e.getMessage(), e);
        }
    }

    /** Why the compiled path leaves {@code document} to titanium, or null when it covers it. */
    String compiledPathGap(ObjectNode document) {
        return compiled == null ? "titanium only" : compiled.unsupportedReason(document);
    }

    private void toRdfWithTitanium(ObjectNode document, RdfQuadConsumer quads) {
        JsonArray expanded = expand(document);
        try {
            ToRdfProcessor.toRdf(quads, expanded, options());
        } catch (JsonLdError e) {
            throw translate(e);
        }
    }

    private JsonLdOptions options() {
        JsonLdOptions options = new JsonLdOptions(contexts);
        options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
        options.setBase(null);
        options.setOrdered(false);
        return options;
    }

    private static MicrocredException translate(JsonLdError e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof MicrocredException m) {
                return m;
            }
        }
        String message = e.getMessage() == null ? e.getCode().name() : e.getMessage();
        return new MicrocredException(Problem.JSONLD_ERROR,
                "JSON-LD error " + e.getCode().name().toLowerCase().replace('_', ' ') + ": "
                        + message.replaceAll("\\s+", " ").trim(), e);
    }

    // Safe mode over the expanded form: every property, @type and @id an absolute IRI or a blank node.
    private static void checkExpanded(JsonValue value) {
        switch (value.getValueType()) {
            case ARRAY -> {
                for (JsonValue element : value.asJsonArray()) {
                    checkExpanded(element);
                }
            }
            case OBJECT -> checkObject(value.asJsonObject());
            default -> {
            }
        }
    }

    private static void checkObject(JsonObject object) {
        if (object.containsKey("@value")) {
            JsonValue type = object.get("@type");
            if (type instanceof JsonString s && !"@json".equals(s.getString())) {
                requireIri(s.getString(), "datatype");
            }
            return;
        }
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String key = entry.getKey();
            JsonValue value = entry.getValue();
            switch (key) {
                case "@id" -> {
                    if (value instanceof JsonString s) {
                        requireIriOrBlank(s.getString(), "@id");
                    }
                }
                case "@type" -> {
                    if (value.getValueType() == JsonValue.ValueType.ARRAY) {
                        for (JsonValue type : value.asJsonArray()) {
                            if (type instanceof JsonString s) {
                                requireIriOrBlank(s.getString(), "@type");
                            }
                        }
                    } else if (value instanceof JsonString s) {
                        requireIriOrBlank(s.getString(), "@type");
                    }
                }
                case "@reverse" -> {
                    for (Map.Entry<String, JsonValue> reverse : value.asJsonObject().entrySet()) {
                        requireIriOrBlank(reverse.getKey(), "property");
                        checkExpanded(reverse.getValue());
                    }
                }
                default -> {
                    if (!key.startsWith("@")) {
                        requireIriOrBlank(key, "property");
                    }
                    checkExpanded(value);
                }
            }
        }
    }

    private static void requireIriOrBlank(String value, String role) {
        if (!value.startsWith("_:")) {
            requireIri(value, role);
        }
    }

    /** Whether {@code value} is an absolute IRI that RDF deserialization keeps (a scheme, no forbidden character). */
    public static boolean isAbsoluteIri(String value) {
        return ABSOLUTE_IRI.matcher(value).matches();
    }

    private static void requireIri(String value, String role) {
        if (!isAbsoluteIri(value)) {
            throw new MicrocredException(Problem.JSONLD_ERROR, "JSON-LD safe mode: " + role + " '" + value
                    + "' is not an absolute IRI (an undefined term or a relative IRI; there is no base IRI)");
        }
    }
}
