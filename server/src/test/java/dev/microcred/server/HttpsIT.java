package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.crypto.SelfSignedCertificate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * {@code --https}: a real TLS server on port 0 with the self-signed certificate it generated, reached by a client
 * that trusts exactly that certificate; refused by clients that do not; the certificate kept across restarts; and
 * a non-loopback host refused unless forced.
 */
class HttpsIT {
    static Config config(Path data) {
        return Config.defaults().withPort(0).withDataDirectory(data).withDatabaseUrl(TestDatabases.h2())
                .withKeyEncryptionKey(KeyEncryptionKey.generate()).withHttps(true, false);
    }

    static HttpClient trusting(KeyStore trust) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static HttpResponse<String> get(HttpClient client, String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTlsWithTheGeneratedCertificateToClientsThatTrustExactlyIt() throws Exception {
        Path data = Files.createTempDirectory("microcred-https");
        String fingerprint;
        try (MicrocredServer server = MicrocredServer.start(config(data))) {
            assertThat(server.baseUrl()).isEqualTo("https://localhost:" + server.port());
            SelfSignedCertificate certificate = server.certificate().orElseThrow();
            fingerprint = certificate.sha256Fingerprint();
            assertThat(Files.readString(data.resolve("tls").resolve(SelfSignedCertificate.CERTIFICATE_FILE)))
                    .isEqualTo(certificate.certificatePem());

            HttpClient pinned = trusting(certificate.trustStore());
            HttpResponse<String> health = get(pinned, server.baseUrl() + "/healthz");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("ok");
            assertThat(health.sslSession()).isPresent();
            assertThat(health.sslSession().get().getPeerCertificates()[0]).isEqualTo(certificate.certificate());
            assertThat(get(pinned, "https://127.0.0.1:" + server.port() + "/readyz").statusCode()).isEqualTo(200);
            // did:web DIDs carry the https base URL's host and port
            assertThat(server.platform().issuers().didWeb("x")).isEqualTo("did:web:localhost%3A" + server.port()
                    + ":issuers:x");

            HttpClient systemTrust = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> get(systemTrust, server.baseUrl() + "/healthz"))
                    .isInstanceOf(SSLHandshakeException.class);
            HttpClient otherCertificate = trusting(SelfSignedCertificate.generate(Instant.now()).trustStore());
            assertThatThrownBy(() -> get(otherCertificate, server.baseUrl() + "/healthz"))
                    .isInstanceOf(SSLHandshakeException.class);
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> get(plain, "http://localhost:" + server.port() + "/healthz"))
                    .isInstanceOf(IOException.class);
        }
        try (MicrocredServer again = MicrocredServer.start(config(data))) {
            assertThat(again.certificate().orElseThrow().sha256Fingerprint()).as("reused after a restart")
                    .isEqualTo(fingerprint);
        }
    }

    @Test
    void refusesANonLoopbackHostUnlessForced() {
        Config loopback = Config.defaults().withHttps(true, false);
        assertThat(loopback.https()).isTrue();
        assertThatThrownBy(() -> loopback.withHost("0.0.0.0")).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("--https-any-host");
        assertThatThrownBy(() -> loopback.withHost("192.0.2.10")).isInstanceOf(MicrocredException.class);
        assertThat(loopback.withHost("::1").host()).isEqualTo("::1");
        assertThat(loopback.withHost("127.0.0.2").host()).isEqualTo("127.0.0.2");
        assertThat(Config.defaults().withHttps(true, true).withHost("0.0.0.0").httpsAnyHost()).isTrue();
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("MICROCRED_HTTPS", "true", "MICROCRED_HOST",
                "0.0.0.0"))).isInstanceOf(MicrocredException.class);
        assertThat(Config.fromEnvironment(Map.of("MICROCRED_HTTPS", "true", "MICROCRED_HOST", "0.0.0.0",
                "MICROCRED_HTTPS_ANY_HOST", "true")).https()).isTrue();
        assertThatThrownBy(() -> Config.fromEnvironment(Map.of("MICROCRED_HTTPS", "maybe")))
                .hasMessageContaining("true or false");
    }
}
