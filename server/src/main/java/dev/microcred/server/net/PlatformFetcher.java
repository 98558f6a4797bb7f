package dev.microcred.server.net;

import dev.microcred.core.Bytes;
import dev.microcred.credentials.did.DidWeb;
import dev.microcred.credentials.fetch.FetchedDocument;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.json.Json;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.issuing.StatusRegistry;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.Store;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers the verifier's fetches for the platform's own documents from the database: status list credentials
 * by their exact published URL, and {@code did:web} documents of local issuers at the URL their DID resolves to
 * (did:web §3.2). Everything else goes to the network fetcher given at construction. The platform thereby
 * verifies its credentials without calling itself over HTTP, and a verifier elsewhere fetching the same URLs gets
 * the same documents. Thread-safe.
 *
 * <p>Given the platform's base URL, it also answers the platform's own public credential documents
 * ({@code <base>/credentials/<id>} and {@code .../credential.json}, the URLs anyone may fetch) from the database:
 * a learner importing such a URL into the wallet gets the stored document without a request to the platform
 * itself, which the network guard would refuse on a private or loopback address.
 */
public final class PlatformFetcher implements Fetcher {
    private static final Pattern DID_DOCUMENT = Pattern.compile(".*/issuers/([a-z0-9-]+)/did\\.json");

    private final Database db;
    private final Store store;
    private final IssuerRegistry issuers;
    private final StatusRegistry status;
    private final Fetcher network;
    private final Pattern ownCredential;

    public PlatformFetcher(Database db, Store store, IssuerRegistry issuers, StatusRegistry status, Fetcher network) {
        this(db, store, issuers, status, network, null);
    }

    /** As above, also answering the credential documents under {@code baseUrl} (may be null: none). */
    public PlatformFetcher(Database db, Store store, IssuerRegistry issuers, StatusRegistry status, Fetcher network,
                           String baseUrl) {
        this.ownCredential = baseUrl == null ? null
                : Pattern.compile(Pattern.quote(baseUrl) + "/credentials/([A-Za-z0-9-]{1,64})(/credential\\.json)?");
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.status = Objects.requireNonNull(status, "status");
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public FetchedDocument fetch(URI uri) {
        Optional<String> list = status.signedList(uri.toString());
        if (list.isPresent()) {
            return new FetchedDocument(uri, 200, "application/vc", Bytes.of(list.get().getBytes(StandardCharsets.UTF_8)));
        }
        Matcher own = ownCredential == null ? null : ownCredential.matcher(uri.toString());
        if (own != null && own.matches()) {
            Optional<String> document = db.read(c -> store.credentials().byId(c, own.group(1)))
                    .map(k -> k.document());
            return document.map(d -> new FetchedDocument(uri, 200, "application/vc",
                            Bytes.of(d.getBytes(StandardCharsets.UTF_8))))
                    .orElseGet(() -> new FetchedDocument(uri, 404, "text/plain", Bytes.of(new byte[0])));
        }
        Matcher m = DID_DOCUMENT.matcher(uri.getPath() == null ? "" : uri.getPath());
        if (m.matches()) {
            Optional<Issuer> issuer = db.read(c -> store.issuers().bySlug(c, m.group(1)))
                    .filter(i -> "web".equals(i.didMethod()) && DidWeb.documentUrl(i.did()).equals(uri));
            if (issuer.isPresent()) {
                byte[] body = Json.write(issuers.didDocument(issuer.get())).getBytes(StandardCharsets.UTF_8);
                return new FetchedDocument(uri, 200, "application/did+json", Bytes.of(body));
            }
        }
        return network.fetch(uri);
    }
}
