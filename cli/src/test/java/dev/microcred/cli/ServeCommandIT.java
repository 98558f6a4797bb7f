package dev.microcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.credentials.json.Json;
import dev.microcred.server.MicrocredServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code microcred serve --demo} on the embedded database, over real HTTP on a free port. */
class ServeCommandIT {
    @TempDir
    Path data;

    @Test
    void servesTheDemoAndWritesDemoJson() throws Exception {
        ServeCommand serve = new ServeCommand();
        CommandLine cli = new CommandLine(serve);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.parseArgs("--demo", "--port", "0", "--data", data.toString());
        try (MicrocredServer server = serve.start()) {
            assertThat(out.toString()).contains("microcred is running at " + server.baseUrl())
                    .contains("demo accounts (sign in at " + server.baseUrl() + "/login)").contains("issuer northwind");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/healthz"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            var demo = Json.parseObject(Files.readAllBytes(data.resolve("demo.json")));
            assertThat(demo.path("baseUrl").asText()).isEqualTo(server.baseUrl());
            String credentialUrl = demo.path("credentials").path(0).path("url").asText();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(credentialUrl))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("\"OpenBadgeCredential\"");
            HttpResponse<String> verified = http.send(HttpRequest.newBuilder(
                    URI.create(server.baseUrl() + "/api/verify")).POST(HttpRequest.BodyPublishers.ofString(page.body()))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(verified.body()).contains("\"outcome\":\"valid\"");
        }
    }

    @Test
    void servesHttpsWithASelfSignedCertificateWhoseFingerprintItPrints() throws Exception {
        ServeCommand serve = new ServeCommand();
        CommandLine cli = new CommandLine(serve);
        StringWriter out = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.parseArgs("--https", "--port", "0", "--data", data.toString());
        try (MicrocredServer server = serve.start()) {
            dev.microcred.crypto.SelfSignedCertificate certificate = server.certificate().orElseThrow();
            assertThat(server.baseUrl()).startsWith("https://localhost:");
            assertThat(out.toString()).contains("microcred is running at " + server.baseUrl())
                    .contains(certificate.sha256Fingerprint())
                    .contains(data.resolve("tls").resolve("localhost.crt").toAbsolutePath().toString());
            javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(certificate.trustStore());
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            HttpClient http = HttpClient.newBuilder().sslContext(tls).build();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/healthz"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void refusesHttpsOnAHostThatIsNotLoopbackUnlessForced() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--https", "--host", "0.0.0.0", "--port", "0", "--data", data.toString());
        org.assertj.core.api.Assertions.assertThatThrownBy(serve::start)
                .isInstanceOf(dev.microcred.core.MicrocredException.class)
                .hasMessageContaining("--https-any-host");
    }
}
