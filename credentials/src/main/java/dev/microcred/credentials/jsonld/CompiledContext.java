package dev.microcred.credentials.jsonld;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.context.ActiveContext;
import com.apicatalog.jsonld.context.ActiveContextBuilder;
import com.apicatalog.jsonld.context.TermDefinition;
import com.apicatalog.jsonld.lang.Keywords;
import com.apicatalog.jsonld.processor.ProcessingRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An active context (JSON-LD 1.1 API §4.1, no base IRI, default language or direction) computed once by titanium's context processing and then shared: every
 * context transition the expansion algorithm makes from it (an embedded {@code @context}, a property-scoped or a
 * type-scoped context) is memoized, keyed by the transition and the local context, and so is the IRI expansion of
 * every term looked up in it. The titanium {@link ActiveContext} inside is never modified after it is built.
 *
 * <p>Thread-safe: the memo tables are concurrent maps; building a new active context (titanium's context processing,
 * which uses the loader's non-thread-safe caches) is serialized on one lock, and happens once per distinct
 * transition. The tables are bounded ({@link #MAX_CHILDREN}, {@link #MAX_TERMS}): beyond the bound results are
 * computed and not kept, so documents with many distinct inline contexts or keys cannot grow memory.
 *
 * <p>Context processing failures are not memoized: they raise {@link CompiledToRdf.Unsupported}, and the caller
 * runs titanium on the whole document, which reports the error.
 */
final class CompiledContext {
    static final int MAX_CHILDREN = 64;
    static final int MAX_TERMS = 4096;
    private static final Object CONTEXT_PROCESSING = new Object();

    /**
     * How a local context is applied (JSON-LD 1.1 API §5.1.2 steps 4.2, 8, 9, 11); {@code TOP_LEVEL} is step 9 for
     * the document's own {@code @context}, through {@link ContextProcessing}.
     */
    enum Transition { TOP_LEVEL, EMBEDDED, PROPERTY_SCOPED, SCALAR_PROPERTY_SCOPED, TYPE_SCOPED }

    private record Key(Transition transition, Object context, URI baseUrl) {
    }

    /** Identity of a term's local context: the same parsed value every time the (memoized) term is used. */
    private static final class Same {
        private final Object value;

        Same(Object value) {
            this.value = value;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Same s && s.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    /**
     * A term as the expansion walk uses it: {@code iri} is the IRI expansion of the key with vocab true (null when
     * it expands to nothing), {@code keyword} whether that is a keyword, the rest are read from the term definition
     * (all false or null when there is none).
     */
    record Term(String key, String iri, boolean keyword, String typeMapping, boolean list, boolean graph,
                boolean set, boolean unsupportedContainer, boolean reverse, boolean languageOrDirection,
                JsonValue localContext, URI baseUrl) {

        static Term of(String key, String iri, TermDefinition definition) {
            boolean keyword = iri != null && Keywords.contains(iri);
            if (definition == null) {
                return new Term(key, iri, keyword, null, false, false, false, false, false, false, null, null);
            }
            Collection<String> container = definition.getContainerMapping();
            boolean list = container.contains("@list");
            boolean graph = container.contains("@graph");
            boolean set = container.contains("@set");
            boolean other = container.stream().anyMatch(c -> !c.equals("@list") && !c.equals("@graph")
                    && !c.equals("@set"));
            return new Term(key, iri, keyword, definition.getTypeMapping(), list, graph, set, other,
                    definition.isReverseProperty(),
                    definition.getLanguageMapping() != null || definition.getDirectionMapping() != null,
                    definition.hasLocalContext() ? definition.getLocalContext() : null, definition.getBaseUrl());
        }

        boolean hasLocalContext() {
            return localContext != null;
        }
    }

    private final ActiveContext active;
    private final ContextProcessing contextProcessing;
    private final CompiledContext previous;
    private final Map<Key, CompiledContext> children = new ConcurrentHashMap<>();
    private final Map<String, Optional<Term>> terms = new ConcurrentHashMap<>();

    private CompiledContext(ActiveContext active, CompiledContext parent, ContextProcessing contextProcessing) {
        this.active = active;
        this.contextProcessing = contextProcessing;
        ActiveContext before = active.getPreviousContext();
        if (before == null) {
            this.previous = null;
        } else if (parent != null && before == parent.active) {
            this.previous = parent;
        } else if (parent != null && parent.previous != null && before == parent.previous.active) {
            this.previous = parent.previous;
        } else {
            this.previous = new CompiledContext(before, null, contextProcessing);
        }
        // a base IRI, a default language or direction change what values expand to: the walk leaves those to titanium
        if (active.getBaseUri() != null || active.getDefaultLanguage() != null
                || active.getDefaultBaseDirection() != null) {
            throw new CompiledToRdf.Unsupported("a context sets @base, @language or @direction");
        }
    }

    /** The initial active context of expansion with {@code options} (no base IRI: JSON-LD 1.1 API §5.1 step 4). */
    static CompiledContext initial(JsonLdOptions options, ContextProcessing contextProcessing) {
        return new CompiledContext(new ActiveContext(null, null, ProcessingRuntime.of(options)), null,
                contextProcessing);
    }

    /** The context that a non-propagated (type-scoped) context reverts to, or null (§5.1.2 step 7). */
    CompiledContext previous() {
        return previous;
    }

    /** §5.1.2 step 9: the result of processing an embedded {@code @context} value. */
    CompiledContext embedded(JsonNode context) {
        return embedded(Transition.EMBEDDED, context);
    }

    /** §5.1.2 step 9 for the document's own {@code @context}: the result of {@link ContextProcessing}. */
    CompiledContext topLevel(JsonNode context) {
        return embedded(Transition.TOP_LEVEL, context);
    }

    private CompiledContext embedded(Transition transition, JsonNode context) {
        Key key = new Key(transition, context.isTextual() ? context.textValue() : context, null);
        CompiledContext child = children.get(key);
        if (child != null) {
            return child;
        }
        child = create(transition, JakartaJson.of(context), null);
        if (children.size() < MAX_CHILDREN) {
            // the key must not change under us: keep a private copy of an inline context
            CompiledContext raced = children.putIfAbsent(
                    new Key(transition, context.isTextual() ? context.textValue() : context.deepCopy(), null), child);
            return raced == null ? child : raced;
        }
        return child;
    }

    /**
     * §5.1.2 steps 4.2, 8 and 11: the result of applying the local context of {@code term} with {@code baseUrl} (the
     * base URL of the term definition the step names).
     */
    CompiledContext scoped(Transition transition, Term term, URI baseUrl) {
        Key key = new Key(transition, new Same(term.localContext()), baseUrl);
        CompiledContext child = children.get(key);
        if (child != null) {
            return child;
        }
        child = create(transition, term.localContext(), baseUrl);
        if (children.size() < MAX_CHILDREN) {
            CompiledContext raced = children.putIfAbsent(key, child);
            return raced == null ? child : raced;
        }
        return child;
    }

    private CompiledContext create(Transition transition, JsonValue context, URI baseUrl) {
        synchronized (CONTEXT_PROCESSING) {
            try {
                if (transition == Transition.TOP_LEVEL) {
                    return new CompiledContext(contextProcessing.process(active, context), this, contextProcessing);
                }
                ActiveContextBuilder builder = active.newContext();
                switch (transition) {
                    // §5.1.2 step 8: "passing ... true for override protected"
                    case PROPERTY_SCOPED -> builder.overrideProtected(true);
                    // §5.1.2 step 11.2: "... and false for propagate"
                    case TYPE_SCOPED -> builder.propagate(false);
                    default -> {
                    }
                }
                return new CompiledContext(builder.create(context, baseUrl), this, contextProcessing);
            } catch (CompiledToRdf.Unsupported e) {
                throw e;
            } catch (JsonLdError | RuntimeException e) {
                throw new CompiledToRdf.Unsupported("context processing failed: " + e.getMessage());
            }
        }
    }

    /** The term {@code key} with its IRI expansion (§5.2.2, vocab true), memoized. */
    Term term(String key) {
        Optional<Term> term = terms.get(key);
        if (term == null) {
            term = Optional.of(Term.of(key, expandVocab(key), active.getTerm(key).orElse(null)));
            if (terms.size() < MAX_TERMS) {
                terms.putIfAbsent(key, term);
            }
        }
        return term.get();
    }

    /** §5.2.2 IRI expansion with vocab true and document relative true (a {@code @type} value). */
    String expandVocab(String value) {
        try {
            return active.uriExpansion().vocab(true).documentRelative(true).expand(value);
        } catch (JsonLdError | RuntimeException e) {
            throw new CompiledToRdf.Unsupported("IRI expansion failed: " + value);
        }
    }

    /** §5.2.2 IRI expansion with document relative true and vocab false (an {@code @id} value). */
    String expandId(String value) {
        try {
            return active.uriExpansion().vocab(false).documentRelative(true).expand(value);
        } catch (JsonLdError | RuntimeException e) {
            throw new CompiledToRdf.Unsupported("IRI expansion failed: " + value);
        }
    }

    @Override
    public String toString() {
        return "CompiledContext[" + active.getTerms().size() + " terms]";
    }
}
