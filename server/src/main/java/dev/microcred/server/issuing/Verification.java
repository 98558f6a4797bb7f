package dev.microcred.server.issuing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.dataintegrity.DataIntegrity;
import dev.microcred.credentials.dataintegrity.VerificationResult;
import dev.microcred.credentials.did.KnownMethods;
import dev.microcred.credentials.did.MethodResolver;
import dev.microcred.credentials.did.ResolvedMethod;
import dev.microcred.credentials.jose.JwkJson;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.verify.CredentialVerifier;
import dev.microcred.credentials.verify.VerificationReport;
import dev.microcred.credentials.fetch.FetchedDocument;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The platform's verifier: {@link CredentialVerifier} over a fetcher that serves the platform's own status lists and
 * DID documents locally and goes to the guarded network client for the rest. Thread-safe.
 */
public final class Verification {
    private final Fetcher fetcher;
    private final CredentialVerifier verifier;
    private final Clock clock;
    private final Consumer<String> outcomes;

    public Verification(Fetcher fetcher, Clock clock) {
        this(fetcher, clock, outcome -> { });
    }

    /** A verifier that tells {@code outcomes} the outcome label of every report (metrics). */
    public Verification(Fetcher fetcher, Clock clock, Consumer<String> outcomes) {
        this(fetcher, KnownMethods.NONE, clock, outcomes);
    }

    /**
     * As above, resolving the signing keys of credentials through {@code known} first (the platform's own issuers'
     * keys in memory, {@link IssuerMethods}); presentations' keys are always resolved from their documents.
     */
    public Verification(Fetcher fetcher, KnownMethods known, Clock clock, Consumer<String> outcomes) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.verifier = new CredentialVerifier(fetcher, JwkJson::publicKey, known, clock);
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
    }

    /**
     * Fetches {@code uri} through the platform's fetcher: the platform's own documents from the database, anything
     * else only by HTTPS from a public address within the guard's size and time limits.
     */
    public FetchedDocument fetch(URI uri) {
        return fetcher.fetch(uri);
    }

    /** Verifies JSON, a VC-JWT or a baked PNG/SVG, now. */
    public VerificationReport verify(byte[] input) {
        return counted(verifier.verify(input, clock.instant()));
    }

    /** Verifies a JSON credential, now. */
    public VerificationReport verify(ObjectNode credential) {
        return counted(verifier.verify(credential, clock.instant()));
    }

    /**
     * The Data Integrity proofs of a presentation (vc-data-integrity §4.4), with their verification methods resolved
     * through the platform's fetcher ({@code did:key} offline).
     */
    public VerificationResult verifyProofs(ObjectNode document) {
        MethodResolver methods = methods();
        return DataIntegrity.standard().verify(document, id -> methods.resolve(id).method());
    }

    /** The verification method {@code id} resolved, with the relationships its controller authorises it for. */
    public ResolvedMethod resolve(String id) {
        return methods().resolve(id);
    }

    /**
     * A resolver for one call: it keeps the documents it fetched only while the call lasts, so a key added, or
     * retired from {@code authentication}, since the last call is seen (a resolver kept for the server's life kept
     * the first document it read of each controller).
     */
    private MethodResolver methods() {
        return new MethodResolver(fetcher, JwkJson::publicKey);
    }

    private VerificationReport counted(VerificationReport report) {
        outcomes.accept(report.outcome().label());
        return report;
    }
}
