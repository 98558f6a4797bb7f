package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.crypto.PasswordHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo on the embedded default (an H2 file database in the data directory), loaded twice, driven over HTTP. */
class DemoIT {
    @TempDir
    Path data;

    @Test
    void seedsIssuersCredentialsInEveryStateAndAWorkingDemoFile() throws Exception {
        KeyEncryptionKey kek = KeyEncryptionKey.generate();
        Config config = Config.defaults().withPort(0).withDataDirectory(data).withKeyEncryptionKey(kek);
        try (MicrocredServer server = MicrocredServer.start(config)) {
            Demo.Loaded loaded = Demo.load(server);
            assertThat(loaded.file()).isEqualTo(data.resolve("demo.json"));
            JsonNode demo = Json.parse(Files.readString(loaded.file()));
            assertThat(demo.path("baseUrl").asText()).isEqualTo(server.baseUrl());
            assertThat(demo.path("logins").size()).isEqualTo(7);
            assertThat(demo.path("issuers").findValuesAsText("didMethod")).containsExactly("web", "key");
            assertThat(demo.path("issuers").path(0).path("did").asText()).startsWith("did:web:localhost%3A");
            assertThat(demo.path("issuers").path(1).path("did").asText()).startsWith("did:key:z6Mk");
            Http http = new Http(server.baseUrl());
            Map<String, String> outcomes = new HashMap<>();
            for (JsonNode k : demo.path("credentials")) {
                JsonNode vc = http.get(k.path("url").asText(), "Accept", "application/json").json();
                outcomes.put(k.path("demoState").asText() + ":" + k.path("achievement").asText(),
                        http.post("/api/verify", null, Json.write(vc)).json().path("outcome").asText());
            }
            assertThat(outcomes).containsEntry("claimed:Python Programming Foundations", "valid")
                    .containsEntry("active:Python Programming Foundations", "valid")
                    .containsEntry("expired:Technical Reading", "expired")
                    .containsEntry("revoked:Technical Reading", "revoked")
                    .containsEntry("claimed:Certified Software Developer (Associate)", "valid");
            // the demo token drives VCALM
            JsonNode contoso = demo.path("issuers").path(1);
            Http.Response issued = http.post("/issuers/contoso/vcalm/credentials/issue",
                    contoso.path("apiToken").asText(), """
                    {"credential": {"@context": ["https://www.w3.org/ns/credentials/v2",
                        "https://www.w3.org/ns/credentials/examples/v2"], "type": ["VerifiableCredential"],
                        "credentialSubject": {"id": "did:example:demo"}}}
                    """);
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            var admin = server.platform().db().read(c -> server.platform().store().accounts()
                    .byEmail(c, "admin@demo.microcred.dev")).orElseThrow();
            assertThat(PasswordHash.verify(Demo.PASSWORD.toCharArray(), admin.passwordHash())).isTrue();
            // every demo login signs in through the sign-in form; the issuer admin works for Northwind
            for (JsonNode login : demo.path("logins")) {
                WebUser user = WebUser.signedIn(server.baseUrl(), login.path("email").asText(),
                        login.path("password").asText());
                assertThat(user.get("/account").body()).contains(login.path("role").asText());
            }
            WebUser staff = WebUser.signedIn(server.baseUrl(), "staff@northwind.demo.microcred.dev", Demo.PASSWORD);
            assertThat(staff.get("/account").body()).contains("/console/northwind").contains("Northwind Academy");
        }
        // a restart on the same data directory keeps everything and loads the demo again without duplicates
        try (MicrocredServer again = MicrocredServer.start(config)) {
            JsonNode demo = Demo.load(again).content();
            assertThat(demo.path("issuers").size()).isEqualTo(2);
            assertThat(demo.path("credentials").size()).isZero();
            assertThat(again.platform().issuers().all()).hasSize(2);
        }
    }
}
