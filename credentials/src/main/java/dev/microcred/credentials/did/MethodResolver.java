package dev.microcred.credentials.did;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.fetch.FetchedDocument;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.Base58;
import dev.microcred.crypto.DidKey;
import dev.microcred.crypto.Ed25519PublicKey;
import dev.microcred.crypto.Multikey;
import dev.microcred.crypto.PublicKey;
import dev.microcred.crypto.VerificationMethod;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Resolves a verification method id to its key and the relationships its controller grants it:
 * {@code did:key} offline; {@code did:web} and plain HTTPS key documents through the {@link Fetcher}.
 * Documents fetched once are kept for the life of this resolver (one verification, or a bounded cache in
 * the server). Thread-safe.
 *
 * <p>Key encodings read: {@code Multikey} and {@code Ed25519VerificationKey2020} ({@code publicKeyMultibase}),
 * {@code Ed25519VerificationKey2018} ({@code publicKeyBase58}), and {@code publicKeyJwk} through the
 * JWK decoder given at construction.
 */
public final class MethodResolver {
    /** Relationships a did:key grants its only key (did:key spec §3.1.2). */
    private static final Set<String> ALL_RELATIONSHIPS = Set.of("assertionMethod", "authentication",
            "capabilityInvocation", "capabilityDelegation");
    private static final List<String> RELATIONSHIPS = List.of("assertionMethod", "authentication",
            "capabilityInvocation", "capabilityDelegation", "keyAgreement");
    private static final int MAX_CACHED = 256;

    private final Fetcher fetcher;
    private final Function<ObjectNode, PublicKey> jwkDecoder;
    private final KnownMethods known;
    private final ConcurrentHashMap<String, ObjectNode> documents = new ConcurrentHashMap<>();

    /**
     * @param fetcher how to reach did:web and HTTPS documents ({@link Fetcher#NONE} for offline)
     * @param jwkDecoder turns a {@code publicKeyJwk} object into a key; may throw MicrocredException
     */
    public MethodResolver(Fetcher fetcher, Function<ObjectNode, PublicKey> jwkDecoder) {
        this(fetcher, jwkDecoder, KnownMethods.NONE);
    }

    /**
     * A resolver that asks {@code known} first and fetches the controller's document only for the methods it does
     * not know.
     */
    public MethodResolver(Fetcher fetcher, Function<ObjectNode, PublicKey> jwkDecoder, KnownMethods known) {
        this.fetcher = fetcher;
        this.jwkDecoder = jwkDecoder;
        this.known = Objects.requireNonNull(known, "known");
    }

    /** Resolves {@code methodId} (a DID URL or an HTTPS URL, normally with a fragment). */
    public ResolvedMethod resolve(String methodId) {
        if (methodId == null || methodId.isBlank()) {
            throw new MicrocredException(Problem.KEY_NOT_FOUND, "no verification method given");
        }
        if (methodId.startsWith(DidKey.PREFIX)) {
            return new ResolvedMethod(DidKey.resolve(methodId), ALL_RELATIONSHIPS, ResolvedMethod.Source.DID_KEY);
        }
        ResolvedMethod fromMemory = known.find(methodId);
        if (fromMemory != null) {
            return fromMemory;
        }
        String base = stripFragment(methodId);
        URI documentUrl;
        if (base.startsWith(DidWeb.PREFIX)) {
            documentUrl = DidWeb.documentUrl(base);
        } else if (base.startsWith("https://") || base.startsWith("http://")) {
            documentUrl = URI.create(base);
        } else if (base.startsWith("did:")) {
            String method = base.substring(4, Math.max(4, base.indexOf(':', 4)));
            throw new MicrocredException(Problem.UNSUPPORTED, "unsupported DID method: did:" + method);
        } else {
            throw new MicrocredException(Problem.KEY_NOT_FOUND, "verification method is not a DID URL or URL: "
                    + methodId);
        }
        ObjectNode document;
        try {
            document = document(base, documentUrl);
        } catch (MicrocredException e) {
            ResolvedMethod fromFragment = fragmentKey(base, methodId);
            if (fromFragment != null && !base.startsWith("did:")) {
                return fromFragment;
            }
            throw e;
        }
        return find(document, base, methodId);
    }

    /** The 1EdTech convention: {@code https://issuer.example/id#z6Mk...} carries the key in its fragment. */
    private static ResolvedMethod fragmentKey(String base, String methodId) {
        int hash = methodId.indexOf('#');
        if (hash < 0 || hash == methodId.length() - 1 || methodId.charAt(hash + 1) != 'z') {
            return null;
        }
        try {
            PublicKey key = Multikey.decode(methodId.substring(hash + 1));
            return new ResolvedMethod(new VerificationMethod(methodId, base, key), Set.of(),
                    ResolvedMethod.Source.URL_FRAGMENT);
        } catch (MicrocredException e) {
            return null;
        }
    }

    private ObjectNode document(String base, URI url) {
        ObjectNode cached = documents.get(base);
        if (cached != null) {
            return cached;
        }
        FetchedDocument fetched = fetcher.fetch(url);
        if (fetched.status() != 200) {
            throw new MicrocredException(Problem.FETCH_FAILED,
                    "fetching " + url + " for " + base + " answered HTTP " + fetched.status());
        }
        ObjectNode doc = Json.parseObject(fetched.bodyBytes());
        if (base.startsWith("did:") && !base.equals(doc.path("id").asText())) {
            throw new MicrocredException(Problem.KEY_NOT_FOUND,
                    "the DID document at " + url + " is for " + doc.path("id").asText("(no id)") + ", not " + base);
        }
        if (documents.size() < MAX_CACHED) {
            documents.put(base, doc);
        }
        return doc;
    }

    /**
     * The method {@code methodId} as {@code document} (its controller's DID or key document, already in hand) lists
     * it: the same reading as a fetched document gets, including the check that a DID document is the DID's own.
     *
     * @throws MicrocredException {@code KEY_NOT_FOUND} when the document is another DID's or lacks the method
     */
    public ResolvedMethod resolveIn(ObjectNode document, String methodId) {
        String base = stripFragment(methodId);
        if (base.startsWith("did:") && !base.equals(document.path("id").asText())) {
            throw new MicrocredException(Problem.KEY_NOT_FOUND, "the DID document is for "
                    + document.path("id").asText("(no id)") + ", not " + base);
        }
        return find(document, base, methodId);
    }

    private ResolvedMethod find(ObjectNode document, String base, String methodId) {
        // The method may be the document itself (a key document), or listed under verificationMethod or
        // embedded in a verification relationship.
        JsonNode method = null;
        if (methodId.equals(document.path("id").asText()) && hasKey(document)) {
            method = document;
        }
        if (method == null) {
            method = findIn(document.path("verificationMethod"), base, methodId);
        }
        Set<String> relationships = new HashSet<>();
        for (String rel : RELATIONSHIPS) {
            for (JsonNode entry : asList(document.path(rel))) {
                if (entry.isTextual() && sameId(entry.asText(), base, methodId)) {
                    relationships.add(rel);
                } else if (entry.isObject() && sameId(entry.path("id").asText(), base, methodId)) {
                    relationships.add(rel);
                    if (method == null) {
                        method = entry;
                    }
                }
            }
        }
        if (method == null) {
            throw new MicrocredException(Problem.KEY_NOT_FOUND,
                    "the document of " + base + " has no verification method " + methodId);
        }
        String controller = method.path("controller").asText(document.path("id").asText(base));
        return new ResolvedMethod(new VerificationMethod(methodId, controller, key(method, methodId)), relationships,
                ResolvedMethod.Source.DOCUMENT);
    }

    private static JsonNode findIn(JsonNode list, String base, String methodId) {
        for (JsonNode entry : asList(list)) {
            if (entry.isObject() && sameId(entry.path("id").asText(), base, methodId)) {
                return entry;
            }
        }
        return null;
    }

    private PublicKey key(JsonNode method, String methodId) {
        if (method.hasNonNull("publicKeyMultibase")) {
            String multibase = method.get("publicKeyMultibase").asText();
            String type = method.path("type").asText();
            if ("Ed25519VerificationKey2020".equals(type) || "Multikey".equals(type) || type.isEmpty()) {
                return Multikey.decode(multibase);
            }
            throw new MicrocredException(Problem.UNSUPPORTED, "unsupported verification method type " + type);
        }
        if (method.hasNonNull("publicKeyBase58")) {
            return Ed25519PublicKey.of(Base58.decode(method.get("publicKeyBase58").asText()));
        }
        if (method.path("publicKeyJwk").isObject()) {
            return jwkDecoder.apply((ObjectNode) method.get("publicKeyJwk"));
        }
        throw new MicrocredException(Problem.KEY_NOT_FOUND, "verification method " + methodId + " carries no public key");
    }

    private static boolean hasKey(JsonNode node) {
        return node.has("publicKeyMultibase") || node.has("publicKeyJwk") || node.has("publicKeyBase58");
    }

    /** True when {@code candidate} (absolute, or a relative {@code #fragment}) names {@code methodId}. */
    private static boolean sameId(String candidate, String base, String methodId) {
        if (candidate.isEmpty()) {
            return false;
        }
        if (candidate.startsWith("#")) {
            return (base + candidate).equals(methodId);
        }
        return candidate.equals(methodId);
    }

    private static Iterable<JsonNode> asList(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        return node.isArray() ? node : List.of(node);
    }

    private static String stripFragment(String id) {
        int hash = id.indexOf('#');
        return hash < 0 ? id : id.substring(0, hash);
    }
}
