package dev.microcred.server.issuing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.credentials.did.KnownMethods;
import dev.microcred.credentials.did.MethodResolver;
import dev.microcred.credentials.did.ResolvedMethod;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.jose.JwkJson;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.Store;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The verification methods of the platform's own {@code did:web} issuers, kept in memory so that verifying one of
 * their credentials does not read and re-serialize the issuer's DID document each time. Each method is resolved
 * from the DID document the platform serves ({@link IssuerRegistry#didDocument}) by the same code that reads a
 * fetched one ({@link MethodResolver#resolveIn}).
 *
 * <p>Why a kept method stays true: an issuer's keys are only ever added ({@link IssuerRegistry#rotateKey} retires
 * the older ones, which stay in the document and under {@code assertionMethod}); a method id names one key for
 * good. What a key's retirement changes, its {@code authentication} relationship, is not what credential
 * verification reads, and a rotation through this process drops the issuer's methods all the same. A method this
 * cache does not know (a key added by another server on the same database, or an id no issuer has) is looked up
 * in the database at once: the issuer's document is read again and every method in it kept, and an id still not
 * found is left to the fetcher, which answers as it always did. Presentations' {@code authentication} checks do not
 * use this cache. Bounded ({@value #MAX_METHODS} methods; emptied when full). Thread-safe.
 */
public final class IssuerMethods implements KnownMethods {
    static final int MAX_METHODS = 4_096;

    private final Database db;
    private final Store store;
    private final IssuerRegistry issuers;
    private final MethodResolver reader = new MethodResolver(Fetcher.NONE, JwkJson::publicKey);
    private final Map<String, ResolvedMethod> methods = new ConcurrentHashMap<>();

    IssuerMethods(Database db, Store store, IssuerRegistry issuers) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
    }

    @Override
    public ResolvedMethod find(String methodId) {
        ResolvedMethod kept = methods.get(methodId);
        if (kept != null) {
            return kept;
        }
        int hash = methodId.indexOf('#');
        String did = hash < 0 ? methodId : methodId.substring(0, hash);
        // did:web DIDs this server gives its issuers end in ":issuers:<slug>"; any other is not ours to look up
        if (!did.startsWith("did:web:") || !did.contains(":issuers:")) {
            return null;
        }
        Optional<Issuer> issuer = db.read(c -> store.issuers().byDid(c, did)).filter(i -> "web".equals(i.didMethod()));
        if (issuer.isEmpty()) {
            return null;
        }
        ObjectNode document = issuers.didDocument(issuer.get());
        if (methods.size() >= MAX_METHODS) {
            methods.clear();
        }
        for (JsonNode m : document.path("verificationMethod")) {
            String id = m.path("id").asText();
            try {
                methods.put(id, reader.resolveIn(document, id));
            } catch (MicrocredException e) {
                // a method the document cannot vouch for is not kept; the fetcher's path reports it
            }
        }
        return methods.get(methodId);
    }

    /** Drops the kept methods of {@code did}: called after its keys change in this process. */
    void forget(String did) {
        methods.keySet().removeIf(id -> id.startsWith(did + "#"));
    }
}
