package dev.microcred.credentials.did;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.testing.ManifestFetcher;
import dev.microcred.crypto.KeyType;
import java.net.URI;
import org.junit.jupiter.api.Test;

class MethodResolverTest {
    private static final String LEGACY = "did:web:digitalcredentials.github.io:vc-test-fixtures:dids:legacy";
    private static final String LEGACY_KEY = LEGACY + "#z6MkjXe1vZvPRqFuc9nRBtZ3e1Y9XKDFSbjFAfzLfW2bD6cZ";

    private static MethodResolver resolver(Fetcher fetcher) {
        return new MethodResolver(fetcher, jwk -> {
            throw new MicrocredException(Problem.UNSUPPORTED, "no JWK here");
        });
    }

    @Test
    void didWebUrlsFollowTheMethodSpec() {
        assertThat(DidWeb.documentUrl("did:web:w3c-ccg.github.io"))
                .isEqualTo(URI.create("https://w3c-ccg.github.io/.well-known/did.json"));
        assertThat(DidWeb.documentUrl("did:web:w3c-ccg.github.io:user:alice"))
                .isEqualTo(URI.create("https://w3c-ccg.github.io/user/alice/did.json"));
        assertThat(DidWeb.documentUrl("did:web:example.com%3A3000:user:alice"))
                .isEqualTo(URI.create("https://example.com:3000/user/alice/did.json"));
        assertThatThrownBy(() -> DidWeb.documentUrl("did:web:")).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> DidWeb.documentUrl("did:web:a::b")).isInstanceOf(MicrocredException.class);
    }

    @Test
    void resolvesAnEmbeddedAssertionMethodOfADidWebDocument() {
        ResolvedMethod m = resolver(new ManifestFetcher()).resolve(LEGACY_KEY);
        assertThat(m.method().controller()).isEqualTo(LEGACY);
        assertThat(m.method().publicKey().type()).isEqualTo(KeyType.ED25519);
        assertThat(m.authorizedFor("assertionMethod")).isTrue();
        assertThat(m.authorizedFor("authentication")).isFalse();
    }

    @Test
    void resolvesDidKeyOfflineWithEveryRelationship() {
        String vm = "did:key:z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q"
                + "#z6MknNQD1WHLGGraFi6zcbGevuAgkVfdyCdtZnQTGWVVvR5Q";
        ResolvedMethod m = resolver(Fetcher.NONE).resolve(vm);
        assertThat(m.authorizedFor("assertionMethod")).isTrue();
    }

    @Test
    void unknownKeyAndUnreachableDocumentAreProblems() {
        assertThatThrownBy(() -> resolver(new ManifestFetcher()).resolve(LEGACY + "#nope"))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("no verification method");
        assertThatThrownBy(() -> resolver(new ManifestFetcher()).resolve("did:web:unknown.example#k"))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> resolver(Fetcher.NONE).resolve(LEGACY_KEY))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("offline");
        assertThatThrownBy(() -> resolver(Fetcher.NONE).resolve("did:ion:abc#k"))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("unsupported DID method: did:ion");
    }

    @Test
    void knownMethodsAnswerFirstAndTheDocumentTheRest() {
        ResolvedMethod fetched = resolver(new ManifestFetcher()).resolve(LEGACY_KEY);
        KnownMethods known = id -> id.equals(LEGACY_KEY) ? fetched : null;
        MethodResolver offline = new MethodResolver(Fetcher.NONE, jwk -> null, known);
        assertThat(offline.resolve(LEGACY_KEY)).isSameAs(fetched);
        assertThatThrownBy(() -> offline.resolve(LEGACY + "#other")).as("not known: fetched, here offline")
                .isInstanceOf(MicrocredException.class).hasMessageContaining("offline");
    }

    @Test
    void aDocumentInHandIsReadAsAFetchedOne() {
        ManifestFetcher fetcher = new ManifestFetcher();
        com.fasterxml.jackson.databind.node.ObjectNode document = dev.microcred.credentials.json.Json.parseObject(
                fetcher.fetch(DidWeb.documentUrl(LEGACY)).bodyBytes());
        MethodResolver reader = resolver(Fetcher.NONE);
        assertThat(reader.resolveIn(document, LEGACY_KEY)).isEqualTo(resolver(fetcher).resolve(LEGACY_KEY));
        assertThatThrownBy(() -> reader.resolveIn(document, "did:web:other.example#z6Mk"))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("not did:web:other.example");
        assertThatThrownBy(() -> reader.resolveIn(document, LEGACY + "#nope"))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("no verification method");
    }
}
