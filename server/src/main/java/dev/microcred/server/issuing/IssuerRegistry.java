package dev.microcred.server.issuing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.issue.CredentialIssuer;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.ob3.Extras;
import dev.microcred.credentials.ob3.Profile;
import dev.microcred.credentials.status.StatusList;
import dev.microcred.crypto.DidKey;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.Multikey;
import dev.microcred.server.tlog.TransparencyLog;
import dev.microcred.tlog.entry.KeyEvent;
import java.time.temporal.ChronoUnit;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.IssuerKey;
import dev.microcred.store.Store;
import dev.microcred.store.StoredStatusList;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issuers: creation (an Ed25519 key sealed under the key-encryption key, a DID, an OB 3.0 Profile, a revocation and
 * a suspension list), lookup, and the {@code did:web} DID document. A {@code did:web} issuer's DID is
 * {@code did:web:<host>[%3A<port>][:<base path segments>]:issuers:<slug>}, resolved (did:web §3.2) to
 * {@code <base URL>/issuers/<slug>/did.json}. Thread-safe.
 */
public final class IssuerRegistry {
    /** Lower-case letters, digits and inner hyphens, 2 to 64 characters. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}[a-z0-9]");
    public static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";
    public static final String MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";
    static final int MAX_IDS = 4_096;
    private static final Logger LOG = LoggerFactory.getLogger(IssuerRegistry.class);

    private final Database db;
    private final Store store;
    private final KeyRing keys;
    private final String baseUrl;
    private final Clock clock;
    private final TransparencyLog log;
    private final IssuerMethods methods;
    private final Map<String, String> idsBySlug = new ConcurrentHashMap<>();

    public IssuerRegistry(Database db, Store store, KeyRing keys, String baseUrl, Clock clock, TransparencyLog log) {
        this.log = Objects.requireNonNull(log, "log");
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.methods = new IssuerMethods(db, store, this);
    }

    /** The verification methods of this platform's did:web issuers, kept in memory for verification. */
    public IssuerMethods methods() {
        return methods;
    }

    /** What a new issuer is made from. {@code url}, {@code email} and {@code description} may be null. */
    public record NewIssuer(String slug, String name, String url, String email, String description, String didMethod) {
    }

    /**
     * Creates an issuer with its first key and its status lists.
     *
     * @throws MicrocredException {@code INVALID_REQUEST} for a bad slug, name or DID method; {@code CONFLICT} when
     *     the slug is taken
     */
    public Issuer create(NewIssuer request) {
        String slug = request.slug() == null ? "" : request.slug();
        if (!SLUG.matcher(slug).matches()) {
            throw new MicrocredException(Problem.INVALID_REQUEST,
                    "slug must be 2-64 lower-case letters, digits or inner hyphens");
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "name is required (at most 200 characters)");
        }
        String method = request.didMethod() == null ? "web" : request.didMethod();
        Ed25519PrivateKey key = Ed25519PrivateKey.generate();
        String did;
        String methodId;
        switch (method) {
            case "web" -> {
                did = didWeb(slug);
                methodId = did + "#key-1";
            }
            case "key" -> {
                did = DidKey.of(key.publicKey());
                methodId = DidKey.verificationMethodId(key.publicKey());
            }
            default -> throw new MicrocredException(Problem.INVALID_REQUEST, "didMethod must be web or key");
        }
        Instant now = clock.instant();
        Profile profile = new Profile(did, List.of("Profile"), name, blankToNull(request.url()),
                blankToNull(request.email()), blankToNull(request.description()), null, Extras.NONE);
        Issuer issuer = new Issuer(UUID.randomUUID().toString(), slug, name, did, method, Json.write(profile.toJson()),
                now);
        IssuerKey issuerKey = new IssuerKey(UUID.randomUUID().toString(), issuer.id(), methodId,
                Multikey.encode(key.publicKey()), keys.seal(key), now, null);
        db.inTransaction(c -> {
            store.issuers().insert(c, issuer);
            store.issuers().insertKey(c, issuerKey);
            log.append(c, KeyEvent.added(did, methodId, issuerKey.publicKeyMultibase(), now.truncatedTo(ChronoUnit.SECONDS)));
            for (String purpose : StatusRegistry.PURPOSES) {
                store.statusLists().insert(c, newList(issuer, purpose, 1, now));
            }
            return null;
        });
        log.committed();
        LOG.info("issuer created issuer={} method={}", issuer.id(), method);
        return issuer;
    }

    StoredStatusList newList(Issuer issuer, String purpose, int seq, Instant now) {
        int bits = StatusList.MIN_BITS;
        return new StoredStatusList(UUID.randomUUID().toString(), issuer.id(), purpose, seq,
                baseUrl + "/issuers/" + issuer.slug() + "/status/" + purpose + "/" + seq, bits,
                Bytes.of(new byte[bits / 8]), 0, null, null, now, now);
    }

    /** The {@code did:web} DID this server gives the issuer {@code slug}. */
    public String didWeb(String slug) {
        URI base = URI.create(baseUrl);
        StringBuilder did = new StringBuilder("did:web:").append(base.getHost());
        if (base.getPort() != -1) {
            did.append("%3A").append(base.getPort());
        }
        String path = base.getPath() == null ? "" : base.getPath();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                did.append(':').append(URLEncoder.encode(segment, StandardCharsets.UTF_8));
            }
        }
        return did.append(":issuers:").append(slug).toString();
    }

    /**
     * The id of the issuer {@code slug}, kept in memory once read: a slug names one issuer for good (issuers are
     * neither renamed nor deleted), so requests that need only the id (the VCALM verify routes' token check) skip
     * the issuer read. An unknown slug is looked up every time. At most {@value #MAX_IDS} kept.
     *
     * @throws MicrocredException {@code NOT_FOUND} when there is no such issuer
     */
    public String requireId(String slug) {
        String id = idsBySlug.get(slug);
        if (id == null) {
            id = require(slug).id();
            if (idsBySlug.size() >= MAX_IDS) {
                idsBySlug.clear();
            }
            idsBySlug.put(slug, id);
        }
        return id;
    }

    public Issuer require(String slug) {
        return db.read(c -> store.issuers().bySlug(c, slug))
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no issuer " + slug));
    }

    public List<Issuer> all() {
        return db.read(c -> store.issuers().all(c));
    }

    /** The issuer's OB 3.0 Profile as stored. */
    public static Profile profile(Issuer issuer) {
        ObjectNode p = Json.parseObject(issuer.profile());
        return new Profile(p.path("id").asText(), List.of("Profile"), text(p, "name"), text(p, "url"),
                text(p, "email"), text(p, "description"), null, Extras.NONE);
    }

    /** The key the issuer signs with now. */
    public IssuerKey activeKey(Issuer issuer) {
        return db.read(c -> store.issuers().activeKey(c, issuer.id()))
                .orElseThrow(() -> new MicrocredException(Problem.KEY_NOT_FOUND, "issuer " + issuer.slug()
                        + " has no active key"));
    }

    /** Every key of the issuer, oldest first: the active one last, retired ones before it. */
    public List<IssuerKey> keys(Issuer issuer) {
        return db.read(c -> store.issuers().keys(c, issuer.id()));
    }

    /**
     * Rotates the signing key of a {@code did:web} issuer: a new Ed25519 key, named {@code <did>#key-<n>}, becomes
     * the key new credentials and status lists are signed with, and every older key is retired. Retired keys stay
     * in the DID document as verification methods listed under {@code assertionMethod}, so credentials signed
     * before keep verifying (DESIGN security model: "rotation keeps old keys verifiable"); they leave
     * {@code authentication}. The issuer row is locked, so concurrent rotations take turns.
     *
     * <p>This is the one place a key changes after creation: the transparency log gets a {@code key-added} entry for
     * the new key and a {@code key-rotated} entry for each retired one, in the same transaction.
     *
     * @throws MicrocredException {@code CONFLICT} for a {@code did:key} issuer: its DID is its key, so a new key
     *     means a new DID (a new issuer); credentials signed by the old DID keep verifying offline
     */
    public IssuerKey rotateKey(Issuer issuer) {
        if (!"web".equals(issuer.didMethod())) {
            throw new MicrocredException(Problem.CONFLICT, "issuer " + issuer.slug() + " uses did:key, whose DID is"
                    + " its public key: a new key would be a new DID. Create a new issuer (did:web can rotate keys"
                    + " and keep its DID); credentials of the did:key issuer keep verifying");
        }
        Ed25519PrivateKey key = Ed25519PrivateKey.generate();
        String sealed = keys.seal(key);
        IssuerKey rotated = db.inTransaction(c -> {
            store.issuers().lock(c, issuer.id()).orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND,
                    "no issuer " + issuer.slug()));
            List<IssuerKey> existing = store.issuers().keys(c, issuer.id());
            int next = 1;
            for (IssuerKey k : existing) {
                next = Math.max(next, keyNumber(issuer.did(), k.verificationMethod()) + 1);
            }
            List<IssuerKey> retiring = existing.stream().filter(k -> k.retiredAt() == null).toList();
            Instant now = clock.instant();
            IssuerKey successor = new IssuerKey(UUID.randomUUID().toString(), issuer.id(),
                    issuer.did() + "#key-" + next, Multikey.encode(key.publicKey()), sealed, now, null);
            store.issuers().insertKey(c, successor);
            store.issuers().retireOtherKeys(c, issuer.id(), successor.id(), now);
            Instant logged = now.truncatedTo(ChronoUnit.SECONDS);
            log.append(c, KeyEvent.added(issuer.did(), successor.verificationMethod(),
                    successor.publicKeyMultibase(), logged));
            for (IssuerKey old : retiring) {
                log.append(c, KeyEvent.rotated(issuer.did(), old.verificationMethod(), successor.verificationMethod(),
                        logged));
            }
            return successor;
        });
        log.committed();
        methods.forget(issuer.did());
        LOG.info("issuer key rotated issuer={} key={}", issuer.id(), rotated.id());
        return rotated;
    }

    private static int keyNumber(String did, String verificationMethod) {
        String prefix = did + "#key-";
        if (verificationMethod.startsWith(prefix)) {
            try {
                return Integer.parseInt(verificationMethod.substring(prefix.length()));
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /**
     * The DID document of a {@code did:web} issuer (DID Core §5, Controlled Identifiers Multikey): every key, retired
     * ones too, as {@code Multikey} verification methods, each usable for {@code assertionMethod}.
     */
    public ObjectNode didDocument(Issuer issuer) {
        if (!"web".equals(issuer.didMethod())) {
            throw new MicrocredException(Problem.NOT_FOUND, "issuer " + issuer.slug() + " uses did:key: no document here");
        }
        List<IssuerKey> all = db.read(c -> store.issuers().keys(c, issuer.id()));
        ObjectNode doc = Json.object();
        doc.putArray("@context").add(DID_CONTEXT).add(MULTIKEY_CONTEXT);
        doc.put("id", issuer.did());
        ArrayNode methods = doc.putArray("verificationMethod");
        ArrayNode assertion = doc.putArray("assertionMethod");
        ArrayNode authentication = doc.putArray("authentication");
        for (IssuerKey k : all) {
            ObjectNode m = methods.addObject();
            m.put("id", k.verificationMethod());
            m.put("type", "Multikey");
            m.put("controller", issuer.did());
            m.put("publicKeyMultibase", k.publicKeyMultibase());
            assertion.add(k.verificationMethod());
            if (k.retiredAt() == null) {
                authentication.add(k.verificationMethod());
            }
        }
        return doc;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Signs documents as the issuer with its active key (CLR 2.0 exports and other credentials built elsewhere). */
    public CredentialIssuer signerFor(Issuer issuer) {
        IssuerKey key = activeKey(issuer);
        return new CredentialIssuer(profile(issuer), keys.signer(key), key.verificationMethod(), clock);
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
