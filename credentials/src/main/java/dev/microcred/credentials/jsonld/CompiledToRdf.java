package dev.microcred.credentials.jsonld;

import com.apicatalog.jcs.Jcs;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.uri.UriUtils;
import com.apicatalog.jsonld.uri.UriValidationPolicy;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON-LD 1.1 expansion (API §5.1.2) and deserialization to RDF (§7.2 node map generation, §8.1–§8.3) of a Jackson
 * tree in one walk, straight to an {@link RdfQuadConsumer}, over {@link CompiledContext}s: no jakarta.json tree of
 * the document, no expanded document, no node map. It emits exactly the quads (the same multiset, up to blank node
 * labels) that titanium's {@code ExpansionProcessor} then {@code ToRdfProcessor} emit for the same document in the
 * options {@link JsonLdProcessor} uses, which {@code CompiledToRdfDifferentialTest} checks over every document
 * microcred has.
 *
 * <p>The walk covers what credentials use: node objects, {@code @id}, {@code @type}, type coercion, {@code @json},
 * numbers, booleans, strings, {@code @list}/{@code @set} (objects and containers), {@code @graph} (objects and
 * containers), embedded, property-scoped and type-scoped contexts. For everything else — language-tagged strings,
 * {@code @reverse}, {@code @nest}, {@code @included}, {@code @index}, language, index, id and type maps, a base IRI,
 * and every case titanium would report as an error (an undefined term, a relative IRI, a protected term
 * redefinition, a malformed value object) — {@link #emit} gives up before emitting anything and returns false, and
 * the caller runs titanium on the whole document. Immutable and thread-safe; the contexts it memoizes are shared.
 */
final class CompiledToRdf {
    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final String RDF_TYPE = RDF + "type";
    private static final String RDF_FIRST = RDF + "first";
    private static final String RDF_REST = RDF + "rest";
    private static final String RDF_NIL = RDF + "nil";
    private static final String RDF_JSON = RDF + "JSON";
    private static final String XSD = "http://www.w3.org/2001/XMLSchema#";
    private static final String XSD_STRING = XSD + "string";
    private static final String XSD_BOOLEAN = XSD + "boolean";
    private static final String XSD_INTEGER = XSD + "integer";
    private static final String XSD_DOUBLE = XSD + "double";
    private static final String XSD_FLOAT = XSD + "float";
    private static final BigDecimal E21 = BigDecimal.ONE.movePointRight(21);
    private static final DecimalFormat XSD_DOUBLE_FORMAT = xsdDoubleFormat();
    private static final int MAX_IRIS = 8192;

    /** Signals a document the walk leaves to titanium. Carries no stack trace: it is a decision, not a fault. */
    static final class Unsupported extends RuntimeException {
        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    private final CompiledContext initial;
    private final UriValidationPolicy uriValidation;
    // IRIs already known to pass both the safe-mode check and titanium's deserialization check
    private final Set<String> validIris = ConcurrentHashMap.newKeySet();

    CompiledToRdf(JsonLdOptions options, ContextProcessing contextProcessing) {
        this.initial = CompiledContext.initial(options, contextProcessing);
        this.uriValidation = options.getUriValidation();
    }

    /**
     * Emits the RDF dataset of {@code document} to {@code quads} and returns true, or emits nothing and returns false
     * when the document needs titanium.
     */
    boolean emit(ObjectNode document, RdfQuadConsumer quads) throws RdfConsumerException {
        List<String[]> out;
        try {
            out = new Walk().dataset(document);
        } catch (RuntimeException | StackOverflowError e) {
            // Unsupported, or a fault of the walk itself: titanium's result is the reference either way
            // (unsupportedReason lets a fault surface, so the differential tests see it)
            return false;
        }
        for (String[] q : out) {
            quads.quad(q[0], q[1], q[2], q[3], null, null, q[4]);
        }
        return true;
    }

    /** Why {@code document} is left to titanium, or null when the walk handles it (for tests and reports). */
    String unsupportedReason(ObjectNode document) {
        try {
            new Walk().dataset(document);
            return null;
        } catch (Unsupported e) {
            return e.getMessage();
        }
    }

    // ---- the expanded form the walk builds: just enough to run node map generation over it ----

    private sealed interface Item permits Node, Literal, ListItem {
    }

    /** A node object: {@code id} as expanded (null: a fresh blank node), types, properties, {@code @graph}. */
    private static final class Node implements Item {
        String id;
        List<String> types = List.of();
        boolean typed;
        final List<Object[]> properties = new ArrayList<>(); // {String iri, List<Item> values}
        List<Item> graph;

        boolean isEmpty() {
            return id == null && !typed && properties.isEmpty() && graph == null;
        }
    }

    /** A value object: a JSON scalar (any JSON when {@code json}) and its datatype IRI or null. */
    private record Literal(JsonNode value, String datatype, boolean json) implements Item {
    }

    private record ListItem(List<Item> items) implements Item {
    }

    private final class Walk {
        private final List<String[]> quads = new ArrayList<>(128);
        private final Map<String, String> blankLabels = new HashMap<>();
        // JSON-LD 1.1 API §7.2: the node map holds each @type and each property value of a node once
        private final Set<Object> seen = new HashSet<>();
        private int blankNodes;
        private ObjectNode root;

        List<String[]> dataset(ObjectNode document) {
            root = document;
            Object expanded = expand(initial, null, document, false);
            // §5.1 (expand()) step 8.1: "If expanded output is a map that contains only an @graph entry, set
            // expanded output that value."
            if (expanded instanceof Node node && node.id == null && !node.typed && node.properties.isEmpty()
                    && node.graph != null) {
                expanded = node.graph;
            }
            for (Item item : items(expanded)) {
                if (!(item instanceof Node node)) {
                    throw new Unsupported("a top-level value that is not a node object");
                }
                node(node, null);
            }
            return quads;
        }

        // ---- §5.1.2 Expansion Algorithm; returns null, an Item, or a List<Item> for an array ----

        private Object expand(CompiledContext context, CompiledContext.Term property, JsonNode element,
                              boolean fromMap) {
            // step 1: "If element is null, return null."
            if (element == null || element.isNull()) {
                return null;
            }
            if (element.isArray()) {
                // step 5.2: "For each item in element: ... Initialize expanded item to the result of using this
                // algorithm recursively, passing active context, active property, item as element ..."
                List<Item> result = new ArrayList<>(element.size());
                for (JsonNode item : element) {
                    Object expanded = expand(context, property, item, fromMap);
                    // step 5.2.2: "If container mapping of active property includes @list, and expanded item is an
                    // array, set expanded item to a new map containing the entry @list"
                    if (property != null && property.list() && expanded instanceof List<?> list) {
                        expanded = new ListItem(cast(list));
                    }
                    // step 5.2.3: "If expanded item is an array, append each of its items to result. Otherwise, if
                    // expanded item is not null, append it to result."
                    if (expanded instanceof List<?> list) {
                        result.addAll(cast(list));
                    } else if (expanded != null) {
                        result.add((Item) expanded);
                    }
                }
                return result;
            }
            if (!element.isObject()) {
                // step 4.1: "If active property is null or @graph, drop the free-floating scalar by returning null."
                if (property == null) {
                    return null;
                }
                // step 4.2: property-scoped context (§5.1.2 step 3), applied without overriding protected terms
                CompiledContext.Term term = property;
                if (property.hasLocalContext()) {
                    context = context.scoped(CompiledContext.Transition.SCALAR_PROPERTY_SCOPED, property,
                            property.baseUrl());
                    term = context.term(property.key());
                }
                // step 4.3: "Return the result of the Value Expansion algorithm, passing the active context, active
                // property, and element as value."
                return value(context, term, element);
            }
            return object(context, property, (ObjectNode) element, fromMap);
        }

        private Object object(CompiledContext context, CompiledContext.Term property, ObjectNode element,
                              boolean fromMap) {
            // step 7: "If active context has a previous context, the active context is not propagated. If from map
            // is undefined or false, and element does not contain an entry expanding to @value, and element does
            // not consist of a single entry expanding to @id ... set active context to previous context"
            if (context.previous() != null && !fromMap && reverts(context, element)) {
                context = context.previous();
            }
            // step 8: "If property-scoped context is defined, set active context to the result of the Context
            // Processing algorithm, passing active context, property-scoped context as local context, base URL from
            // the term definition for active property in active context and true for override protected."
            if (property != null && property.hasLocalContext()) {
                CompiledContext.Term here = context.term(property.key());
                context = context.scoped(CompiledContext.Transition.PROPERTY_SCOPED, property, here.baseUrl());
            }
            // step 9: "If element contains the entry @context, set active context to the result of the Context
            // Processing algorithm, passing active context, the value of the @context entry as local context"
            // (the document's own @context through ContextProcessing, as JsonLdProcessor does on the titanium path)
            JsonNode localContext = element.get("@context");
            if (localContext != null) {
                context = element == root ? context.topLevel(localContext) : context.embedded(localContext);
            }
            // step 10: "Initialize type-scoped context to active context."
            CompiledContext typeScoped = context;
            // step 11: "For each key and value in element, ordered lexicographically by key where key IRI expands to
            // @type: ... For each term which is a value of value ordered lexicographically, if term is a string, and
            // term's term definition in type-scoped context has a local context, set active context to the result
            // ... and false for propagate."
            TreeSet<String> typeKeys = null;
            Iterator<String> names = element.fieldNames();
            while (names.hasNext()) {
                String key = names.next();
                if (!key.equals("@context") && "@type".equals(typeScoped.term(key).iri())) {
                    if (typeKeys == null) {
                        typeKeys = new TreeSet<>();
                    }
                    typeKeys.add(key);
                }
            }
            if (typeKeys != null) {
                for (String key : typeKeys) {
                    for (String type : sortedStrings(element.get(key))) {
                        CompiledContext.Term term = typeScoped.term(type);
                        if (term.hasLocalContext()) {
                            context = context.scoped(CompiledContext.Transition.TYPE_SCOPED, term, term.baseUrl());
                        }
                    }
                }
            }
            return entries(context, typeScoped, property, element);
        }

        private boolean reverts(CompiledContext context, ObjectNode element) {
            Iterator<String> names = element.fieldNames();
            while (names.hasNext()) {
                String iri = context.term(names.next()).iri();
                if ("@value".equals(iri) || ("@id".equals(iri) && element.size() == 1)) {
                    return false;
                }
            }
            return true;
        }

        // steps 12 to 19
        private Object entries(CompiledContext context, CompiledContext typeScoped, CompiledContext.Term property,
                               ObjectNode element) {
            Node node = new Node();
            Set<String> keywords = new HashSet<>();
            boolean hasValue = false;
            JsonNode value = null;
            List<Item> list = null;
            List<Item> set = null;
            // step 13: "For each key and value in element" (ordered is false: in document order)
            Iterator<Map.Entry<String, JsonNode>> fields = element.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                JsonNode entry = field.getValue();
                // step 13.1: "If key is @context, continue to the next key."
                if (key.equals("@context")) {
                    continue;
                }
                // step 13.2: "Initialize expanded property to the result of IRI expanding key."
                CompiledContext.Term term = context.term(key);
                String expanded = term.iri();
                // step 13.3: "If expanded property is null or it neither contains a colon (:) nor it is a keyword,
                // drop key" — safe mode makes that an error, which titanium reports
                if (expanded == null || (expanded.indexOf(':') < 0 && !term.keyword())) {
                    throw new Unsupported("undefined term " + key);
                }
                if (term.keyword()) {
                    // step 13.4.2: colliding keywords are an error (and @type twice is left to titanium)
                    if (!keywords.add(expanded)) {
                        throw new Unsupported("keyword " + expanded + " twice");
                    }
                    switch (expanded) {
                        case "@id" -> {
                            // step 13.4.3: "If value is not a string, an invalid @id value error ... Otherwise, set
                            // expanded value to the result of IRI expanding value using true for document relative
                            // and false for vocab."
                            if (!entry.isTextual()) {
                                throw new Unsupported("@id is not a string");
                            }
                            node.id = context.expandId(entry.textValue());
                            if (node.id == null) {
                                throw new Unsupported("@id expands to nothing");
                            }
                        }
                        case "@type" -> {
                            // step 13.4.4.4: "IRI expanding each of its values using type-scoped context for active
                            // context, and true for document relative."
                            node.typed = true;
                            List<String> types = new ArrayList<>(entry.isArray() ? entry.size() : 1);
                            for (JsonNode type : entry.isArray() ? entry : List.of(entry)) {
                                if (!type.isTextual()) {
                                    throw new Unsupported("@type value is not a string");
                                }
                                String iri = typeScoped.term(type.textValue()).iri();
                                if (iri == null) {
                                    throw new Unsupported("@type expands to nothing");
                                }
                                types.add(iri);
                            }
                            node.types = types;
                        }
                        case "@graph" -> {
                            // step 13.4.5: "set expanded value to the result of using this algorithm recursively
                            // passing active context, @graph for active property, value for element"
                            node.graph = items(expand(context, null, entry, false));
                        }
                        case "@value" -> {
                            // step 13.4.7: a scalar or null; any JSON only for @json (decided in step 15)
                            hasValue = true;
                            value = entry;
                        }
                        case "@list" -> {
                            // step 13.4.6.1: "If active property is null or @graph, continue" (dropped): titanium
                            if (property == null) {
                                throw new Unsupported("@list with no active property");
                            }
                            // step 13.4.6.2: "Otherwise, initialize expanded value to the result of using this
                            // algorithm recursively passing active context, active property, value for element"
                            // (the active property's term definition is the one in this active context, which may
                            // have reverted from the one the property was found in)
                            list = items(expand(context, context.term(property.key()), entry, false));
                        }
                        // step 13.4.7 (@set): likewise
                        case "@set" -> set = items(expand(context, property == null ? null
                                : context.term(property.key()), entry, false));
                        default -> throw new Unsupported("keyword " + expanded);
                    }
                    continue;
                }
                if (term.unsupportedContainer() || term.reverse() || term.languageOrDirection()) {
                    throw new Unsupported("term " + key + " needs a map container, @reverse or a language");
                }
                requireIri(expanded);
                Object values;
                if ("@json".equals(term.typeMapping())) {
                    // step 13.6: "If key's term definition in active context has a type mapping of @json, set
                    // expanded value to a new map, set the entry @value to value, and set the entry @type to @json."
                    if (entry.isNull()) {
                        throw new Unsupported("null @json value");
                    }
                    values = new Literal(entry, null, true);
                } else {
                    // step 13.9: "Otherwise, initialize expanded value to the result of using this algorithm
                    // recursively, passing active context, key for active property, value for element"
                    values = expand(context, term, entry, false);
                }
                // step 13.10: "If expanded value is null, ignore key and continue"
                if (values == null) {
                    continue;
                }
                // step 13.11: "If container mapping includes @list and expanded value is not already a list object,
                // convert expanded value to a list object"
                if (term.list() && !(values instanceof ListItem)) {
                    values = new ListItem(items(values));
                }
                // step 13.12: "if container mapping includes @graph and includes neither @id nor @index, ... for
                // each ev, set ev to a new map containing the entry @graph whose value is ev as an array"
                List<Item> expandedValues = items(values);
                if (term.graph()) {
                    List<Item> graphs = new ArrayList<>(expandedValues.size());
                    for (Item ev : expandedValues) {
                        if (!(ev instanceof Node)) {
                            throw new Unsupported("a @graph container holding a value");
                        }
                        Node graph = new Node();
                        graph.graph = List.of(ev);
                        graphs.add(graph);
                    }
                    expandedValues = graphs;
                }
                // step 13.14: "add value ... to result using expanded property as key and true for as array"
                node.properties.add(new Object[] {expanded, expandedValues});
            }
            if (hasValue) {
                // step 15: "If result contains the entry @value: The result must not contain any entries other than
                // @direction, @index, @language, @type, and @value."
                if (keywords.size() != (node.typed ? 2 : 1) || !node.properties.isEmpty()) {
                    throw new Unsupported("a value object with other entries");
                }
                if (node.typed && node.types.size() != 1) {
                    throw new Unsupported("a value object with not exactly one @type");
                }
                String valueType = node.typed ? node.types.get(0) : null;
                boolean json = "@json".equals(valueType);
                // step 15.2: "If the value of result's @value entry is null ... set result to null."
                if (value.isNull()) {
                    return null;
                }
                if (!json && !value.isValueNode()) {
                    throw new Unsupported("a value object whose @value is not a scalar");
                }
                if (valueType != null && !json) {
                    requireIri(valueType);
                }
                Literal literal = new Literal(value, json ? null : valueType, json);
                return property == null ? null : literal;
            }
            // step 17: "If result contains the entry @set or @list: The result must contain at most one other entry
            // which MUST be @index."
            if (list != null || set != null) {
                if (keywords.size() != 1 || !node.properties.isEmpty()) {
                    throw new Unsupported("a list or set object with other entries");
                }
                if (set != null) {
                    // step 17.2: "If result contains the entry @set, then set result to the entry's associated value."
                    return set;
                }
                // step 19.2 (list objects at the top level or in @graph are dropped): titanium
                if (property == null) {
                    throw new Unsupported("a free-floating list");
                }
                return new ListItem(list);
            }
            // step 19: "If active property is null or @graph, drop free-floating values as follows: If result is a map
            // which is empty, set result to null. Otherwise, if result is a map whose only entry is @id, set result
            // to null." (such a node has no triples either way)
            if (property == null && node.isEmpty()) {
                return null;
            }
            return node;
        }

        // §5.3.2 Value Expansion
        private Item value(CompiledContext context, CompiledContext.Term term, JsonNode value) {
            if (term.unsupportedContainer() || term.languageOrDirection()) {
                throw new Unsupported("term " + term.key() + " needs a map container or a language");
            }
            String type = term.typeMapping();
            if (value.isTextual() && ("@id".equals(type) || "@vocab".equals(type))) {
                // step 1: "If the active property has a type mapping in active context that is @id, and the value
                // is a string, return a new map containing a single entry where the key is @id and the value is the
                // result IRI expanding value using true for document relative and false for vocab."
                // step 2: "... that is @vocab ... using true for document relative" (and vocab)
                Node reference = new Node();
                reference.id = "@id".equals(type) ? context.expandId(value.textValue())
                        : context.expandVocab(value.textValue());
                if (reference.id == null) {
                    throw new Unsupported("@id expands to nothing");
                }
                return reference;
            }
            // step 3: "Otherwise, initialize result to a map with an @value entry whose value is set to value."
            // step 4: "If active property has a type mapping in active context, other than @id, @vocab, or @none,
            // add @type with the associated value to result."
            if (type != null && !type.equals("@id") && !type.equals("@vocab") && !type.equals("@none")) {
                if (type.equals("@json")) {
                    throw new Unsupported("@json in value expansion");
                }
                requireIri(type);
                return new Literal(value, type, false);
            }
            return new Literal(value, null, false);
        }

        // ---- §7.2 Node Map Generation with §8.1 Deserialize JSON-LD to RDF, one node at a time ----

        private String node(Node node, String graph) {
            String subject;
            if (node.id == null) {
                subject = freshBlankNode();
            } else if (node.id.startsWith("_:")) {
                subject = blankLabels.computeIfAbsent(node.id, id -> freshBlankNode());
            } else {
                requireIri(node.id);
                subject = node.id;
            }
            // §7.2 step 6.4: "merge each of its values into node's @type entry" (each type once)
            // §8.1 step 1.3.2.1: "If property is @type, then for each type in values, append a triple composed of
            // subject, rdf:type, and type"
            for (String type : node.types) {
                String object;
                if (type.startsWith("_:")) {
                    object = blankLabels.computeIfAbsent(type, id -> freshBlankNode());
                } else {
                    requireIri(type);
                    object = type;
                }
                if (seen.add(List.of(graphKey(graph), subject, "@type", object))) {
                    quads.add(new String[] {subject, RDF_TYPE, object, null, graph});
                }
            }
            for (Object[] property : node.properties) {
                String predicate = (String) property[0];
                @SuppressWarnings("unchecked")
                List<Item> values = (List<Item>) property[1];
                for (Item value : values) {
                    // §7.2 step 4.2 / 6.6 / 6.7: a value object or node reference is added once; list objects always
                    Object key = value instanceof Literal literal ? literalKey(literal) : null;
                    if (key != null && !seen.add(List.of(graphKey(graph), subject, predicate, key))) {
                        continue;
                    }
                    // §8.2 Object to RDF Conversion
                    String[] object = object(value, graph);
                    if (value instanceof Node && !seen.add(List.of(graphKey(graph), subject, predicate, object[0]))) {
                        continue;
                    }
                    quads.add(new String[] {subject, predicate, object[0], object[1], graph});
                }
            }
            // §7.2 step 6.11: "If element has an @graph entry, recursively invoke this algorithm passing the value of
            // @graph for element, node map, and id for active graph"
            if (node.graph != null) {
                for (Item item : node.graph) {
                    if (!(item instanceof Node inner)) {
                        throw new Unsupported("a value in @graph");
                    }
                    node(inner, subject);
                }
            }
            return subject;
        }

        /** §8.2 Object to RDF Conversion: {value, datatype}, datatype null for an IRI or blank node. */
        private String[] object(Item item, String graph) {
            // step 1: "If item is a node object and the value of its @id entry is not well-formed, return null."
            // step 2: "If item is a node object, return the IRI or blank node identifier associated with its @id"
            if (item instanceof Node node) {
                return new String[] {node(node, graph), null};
            }
            // step 3: "If item is a list object, return the result of the List Conversion algorithm"
            if (item instanceof ListItem list) {
                return new String[] {list(list.items(), graph), null};
            }
            return literal((Literal) item);
        }

        /** §8.3 List to RDF Conversion. */
        private String list(List<Item> items, String graph) {
            // step 1: "If list is empty, return rdf:nil."
            if (items.isEmpty()) {
                return RDF_NIL;
            }
            // step 2: "Otherwise, create an array bnodes composed of a newly generated blank node identifier for
            // each entry in list."
            String[] bnodes = new String[items.size()];
            for (int i = 0; i < bnodes.length; i++) {
                bnodes[i] = freshBlankNode();
            }
            // step 3: "For each pair of subject from bnodes and item from list: ... rdf:first ... rdf:rest"
            for (int i = 0; i < bnodes.length; i++) {
                String[] object = object(items.get(i), graph);
                quads.add(new String[] {bnodes[i], RDF_FIRST, object[0], object[1], graph});
                quads.add(new String[] {bnodes[i], RDF_REST, i + 1 < bnodes.length ? bnodes[i + 1] : RDF_NIL,
                    null, graph});
            }
            return bnodes[0];
        }

        private String freshBlankNode() {
            return "_:c" + blankNodes++;
        }
    }

    /** §8.2 steps 4–13 for a value object, as titanium's {@code JsonLdToRdf} computes them. */
    private static String[] literal(Literal literal) {
        JsonNode value = literal.value();
        String datatype = literal.datatype();
        // step 7: "If datatype is @json, convert value to the canonical lexical form using the result of
        // transforming the internal representation of value to JSON and set datatype to rdf:JSON."
        if (literal.json()) {
            // titanium's JCS formats numbers with shared static DecimalFormats (not thread-safe): one at a time
            String canonical;
            synchronized (Jcs.class) {
                canonical = Jcs.canonize(JakartaJson.of(value));
            }
            return new String[] {canonical, RDF_JSON};
        }
        // step 8: "If value is true or false, set value to the string true or false ... If datatype is null, set
        // datatype to xsd:boolean."
        if (value.isBoolean()) {
            return new String[] {value.booleanValue() ? "true" : "false", datatype == null ? XSD_BOOLEAN : datatype};
        }
        if (value.isNumber()) {
            JsonNumber number = (JsonNumber) JakartaJson.of(value);
            // step 9: "if value is a number with a non-zero fractional part (the result of a modulo-1 operation) or
            // an absolute value greater or equal to 10^21, or value is a number and datatype equals xsd:double,
            // convert value to a string in canonical lexical form of an xsd:double"
            if ((!number.isIntegral() && number.doubleValue() % -1 != 0)
                    || XSD_DOUBLE.equals(datatype) || XSD_FLOAT.equals(datatype)
                    || number.bigDecimalValue().compareTo(E21) >= 0) {
                return new String[] {xsdDouble(number.bigDecimalValue()), datatype == null ? XSD_DOUBLE : datatype};
            }
            // step 10: "Otherwise, if value is a number with no non-zero fractional part ... convert value to a
            // string in canonical lexical form of an xsd:integer"
            return new String[] {number.bigIntegerValue().toString(), datatype == null ? XSD_INTEGER : datatype};
        }
        if (!value.isTextual()) {
            throw new Unsupported("a value that is not a scalar");
        }
        // step 11: "Otherwise, if datatype is null, set datatype to xsd:string or rdf:langString"
        return new String[] {value.textValue(), datatype == null ? XSD_STRING : datatype};
    }

    /** The identity of a value object in the node map (§7.2 step 4.2 compares them as JSON). */
    private static Object literalKey(Literal literal) {
        return List.of(literal.json() ? "@json" : literal.datatype() == null ? "" : literal.datatype(),
                JakartaJson.of(literal.value()));
    }

    private static String xsdDouble(BigDecimal value) {
        // DecimalFormat is not thread-safe: each use gets its own copy
        return ((DecimalFormat) XSD_DOUBLE_FORMAT.clone()).format(value);
    }

    private static DecimalFormat xsdDoubleFormat() {
        DecimalFormat format = new DecimalFormat("0.0##############E0", new DecimalFormatSymbols(Locale.ENGLISH));
        format.setMinimumFractionDigits(1);
        return format;
    }

    private static String graphKey(String graph) {
        return graph == null ? "" : graph;
    }

    /**
     * An IRI that safe mode accepts ({@link JsonLdProcessor#isAbsoluteIri}) and that titanium's deserialization
     * keeps; anything else goes to titanium, which reports or drops it.
     */
    private void requireIri(String iri) {
        if (validIris.contains(iri)) {
            return;
        }
        if (!JsonLdProcessor.isAbsoluteIri(iri) || !UriUtils.isAbsoluteUri(iri, uriValidation)) {
            throw new Unsupported("not an absolute IRI: " + iri);
        }
        if (validIris.size() < MAX_IRIS) {
            validIris.add(iri);
        }
    }

    private static List<Item> items(Object expanded) {
        if (expanded == null) {
            return List.of();
        }
        if (expanded instanceof List<?> list) {
            return cast(list);
        }
        return Collections.singletonList((Item) expanded);
    }

    @SuppressWarnings("unchecked")
    private static List<Item> cast(List<?> list) {
        return (List<Item>) list;
    }

    private static List<String> sortedStrings(JsonNode value) {
        List<String> strings = new ArrayList<>();
        for (JsonNode item : value.isArray() ? value : List.of(value)) {
            if (item.isTextual()) {
                strings.add(item.textValue());
            }
        }
        Collections.sort(strings);
        return strings;
    }
}
