package dev.microcred.credentials.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.TermDefinition;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.uri.UriUtils;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Context Processing (JSON-LD 1.1 API §4.1.2) of a document's own top-level {@code @context}, as titanium does it,
 * except for one comparison: a bundled context may define again, identically in meaning, a term that an earlier
 * context protects. Titanium rejects that when the term has a scoped context, because it compares the base URL
 * (the URL of the context that made the definition) too; jsonld.js does not, and credentials listing both
 * {@code https://www.w3.org/ns/credentials/v2} and {@code https://w3id.org/security/data-integrity/v2} (the two
 * define {@code DataIntegrityProof} with the same scoped context) depend on it. See the package documentation for
 * the spec text and why the base URL can be set aside.
 *
 * <p>Every context titanium accepts is processed by titanium alone, unchanged. Only when titanium reports a
 * protected term redefinition does this class look closer, entry by entry (§4.1.2 step 5): the entry that titanium
 * rejects is processed again with override protected, which yields the definitions it would make, and each term
 * that was protected before is compared ({@link #sameExceptBaseUrl}). A term defined differently is an error that
 * names it. An entry whose redefinitions all differ only in base URL, where that base URL cannot change what the
 * scoped context means, is accepted when it is a bundled context; the earlier definitions are then kept (§4.2.2 step
 * 27.2). An inline context is not given that latitude: it is rejected, naming the term.
 *
 * <p>Stateless apart from the loader; thread-safe. The active contexts it returns are new and not shared.
 */
final class ContextProcessing {
    private final BundledContextLoader contexts;

    ContextProcessing(BundledContextLoader contexts) {
        this.contexts = Objects.requireNonNull(contexts, "contexts");
    }

    /**
     * The result of processing {@code localContext} (the value of the document's top-level {@code @context}) over
     * {@code active} with no base URL: titanium's result, or the result described above. A protected term
     * redefinition is a {@link Problem#JSONLD_ERROR} naming the term; other errors are titanium's.
     */
    ActiveContext process(ActiveContext active, JsonValue localContext) throws JsonLdError {
        try {
            return active.newContext().create(localContext, null);
        } catch (JsonLdError e) {
            if (!isRedefinition(e)) {
                throw e;
            }
        }
        // §4.1.2 step 5: "For each item context in local context" — the entries one at a time, to find the one
        // that redefines a protected term
        ActiveContext result = active;
        List<JsonValue> items = localContext.getValueType() == JsonValue.ValueType.ARRAY
                ? localContext.asJsonArray() : List.of(localContext);
        for (JsonValue item : items) {
            try {
                result = result.newContext().create(item, null);
            } catch (JsonLdError e) {
                if (!isRedefinition(e)) {
                    throw e;
                }
                result = redefine(result, item);
            }
        }
        return result;
    }

    /** Whether titanium reported a protected term redefinition (possibly wrapped, e.g. by a remote context load). */
    static boolean isRedefinition(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonLdError j && j.getCode() == JsonLdErrorCode.PROTECTED_TERM_REDEFINITION) {
                return true;
            }
        }
        return false;
    }

    // item: a context entry that titanium rejects over result with a protected term redefinition
    private ActiveContext redefine(ActiveContext result, JsonValue item) throws JsonLdError {
        String url = item instanceof JsonString s && contexts.serves(s.getString()) ? s.getString() : null;
        JsonValue definitions;
        URI baseUrl;
        if (url != null) {
            // §4.1.2 steps 5.2.5–5.2.6: the loaded context, with the document URL of the context as base URL
            JsonDocument document = contexts.context(url);
            definitions = document.getJsonContent().orElseThrow().asJsonObject().get("@context");
            baseUrl = document.getDocumentUrl();
            if (!(definitions instanceof JsonObject)) {
                // an array could hold null, which override protected would let through (§4.1.2 step 5.1.1)
                throw redefinition(url, List.of(), " (its @context is not a single object)");
            }
        } else if (item instanceof JsonObject) {
            definitions = item;
            baseUrl = null;
        } else {
            throw redefinition(describe(item), List.of(), "");
        }
        // the definitions the entry makes: override protected skips only the comparison of §4.2.2 step 27
        ActiveContext candidate;
        try {
            candidate = result.newContext().overrideProtected(true).create(definitions, baseUrl);
        } catch (JsonLdError e) {
            if (isRedefinition(e)) {
                throw redefinition(describe(item), List.of(), " (in a context it loads)");
            }
            throw e;
        }
        List<String> different = new ArrayList<>();
        List<String> sameMeaning = new ArrayList<>();
        for (String term : result.getTerms()) {
            TermDefinition previous = result.getTerm(term).orElseThrow();
            TermDefinition definition = candidate.getTerm(term).orElse(null);
            // §4.2.2 step 27: "If override protected is false and previous definition exists and is protected"
            if (!previous.isProtected() || definition == previous) {
                continue;
            }
            // step 27.1: "If definition is not the same as previous definition (other than the value of protected),
            // a protected term redefinition error has been detected"
            if (definition == null || !sameExceptBaseUrl(previous, definition)) {
                different.add(term);
            } else {
                sameMeaning.add(term);
            }
        }
        if (!different.isEmpty()) {
            throw redefinition(describe(item), different, " with a different definition (JSON-LD 1.1 API §4.2.2"
                    + " step 27.1)");
        }
        if (url == null) {
            throw redefinition(describe(item), sameMeaning, " identically but from an inline context (titanium"
                    + " compares where a definition comes from; microcred sets that aside for bundled contexts only)");
        }
        Map<String, TermDefinition> terms = candidate.getTermsMapping();
        for (String term : sameMeaning) {
            // step 27.2: "Set definition to previous definition to retain the value of protected."
            terms.put(term, result.getTerm(term).orElseThrow());
        }
        return candidate;
    }

    /**
     * §4.2.2 step 27.1's comparison as jsonld.js makes it: every member of the two term definitions equal (IRI
     * mapping, prefix flag, reverse property flag, container, index, nest value, type, language and direction
     * mappings, and the scoped context as a JSON value), protected aside; the base URL may differ when the scoped
     * context cannot depend on it ({@link #baseIndependent}).
     */
    static boolean sameExceptBaseUrl(TermDefinition previous, TermDefinition definition) {
        return Objects.equals(previous.getUriMapping(), definition.getUriMapping())
                && previous.isPrefix() == definition.isPrefix()
                && previous.isReverseProperty() == definition.isReverseProperty()
                && Objects.equals(previous.getContainerMapping(), definition.getContainerMapping())
                && Objects.equals(previous.getIndexMapping(), definition.getIndexMapping())
                && Objects.equals(previous.getNestValue(), definition.getNestValue())
                && Objects.equals(previous.getTypeMapping(), definition.getTypeMapping())
                && Objects.equals(previous.getLanguageMapping(), definition.getLanguageMapping())
                && Objects.equals(previous.getDirectionMapping(), definition.getDirectionMapping())
                && Objects.equals(previous.getLocalContext(), definition.getLocalContext())
                && (Objects.equals(previous.getBaseUrl(), definition.getBaseUrl())
                        || baseIndependent(definition.getLocalContext()));
    }

    /**
     * Whether processing the scoped context {@code context} gives the same result for every base URL. Context
     * Processing uses its base URL only to resolve a context reference (§4.1.2 step 5.2.1) and an {@code @import}
     * (step 5.6.3), and passes it on to the scoped contexts of the terms it defines (§4.2.2 step 21.4); so a context
     * with neither a relative reference nor {@code @import}, at any depth, does not depend on it. ({@code @base} and
     * {@code @vocab} resolve against the base IRI, not the base URL.)
     */
    static boolean baseIndependent(JsonValue context) {
        if (context == null) {
            return true;
        }
        return switch (context.getValueType()) {
            case NULL -> true;
            case STRING -> UriUtils.isAbsoluteUri(((JsonString) context).getString());
            case ARRAY -> context.asJsonArray().stream().allMatch(ContextProcessing::baseIndependent);
            case OBJECT -> {
                JsonObject object = context.asJsonObject();
                if (object.containsKey("@import")) {
                    yield false;
                }
                yield object.values().stream().allMatch(value -> !(value instanceof JsonObject definition)
                        || baseIndependent(definition.get("@context")));
            }
            default -> false;
        };
    }

    private static String describe(JsonValue item) {
        return item instanceof JsonString s ? s.getString() : "an inline context";
    }

    private static MicrocredException redefinition(String where, List<String> terms, String how) {
        String what = terms.isEmpty() ? "a protected term"
                : (terms.size() == 1 ? "the protected term '" : "the protected terms '") + String.join("', '", terms)
                        + "'";
        return new MicrocredException(Problem.JSONLD_ERROR, "JSON-LD error protected term redefinition: " + where
                + " redefines " + what + how);
    }
}
