package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.skills.TaxonomyLoader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The skills part of the demo: catalogues and the stackable pathway are seeded, the demo tokens carry
 * {@code catalogue:write}, the plan page works from a demo learner's credentials, and issuing the missing part of the
 * pathway to a demo learner awards its milestone.
 */
class SkillsDemoIT {
    @Test
    void theDemoOffersCataloguesAPathwayAndAPlanForItsLearners() throws Exception {
        Path data = Files.createTempDirectory("microcred-skills-demo");
        Config config = Config.defaults().withPort(0).withDataDirectory(data)
                .withKeyEncryptionKey(KeyEncryptionKey.generate());
        try (MicrocredServer server = MicrocredServer.start(config)) {
            JsonNode demo = Demo.load(server).content();
            TaxonomyLoader.shared().await(Duration.ofMinutes(5));
            Http http = new Http(server.baseUrl());
            assertThat(demo.path("issuers").path(0).path("scopes").toString()).contains("catalogue:write");
            assertThat(http.get("/api/issuers/northwind/catalogue").json().path("catalogue").size()).isEqualTo(4);
            assertThat(http.get("/api/issuers/contoso/catalogue").json().path("catalogue").size()).isEqualTo(4);
            JsonNode pathways = http.get("/api/issuers/northwind/pathways").json();
            assertThat(pathways.size()).isEqualTo(1);
            assertThat(pathways.path(0).path("milestone").path("name").asText()).isEqualTo("Software Foundations");
            assertThat(pathways.path(0).path("parts").findValuesAsText("name"))
                    .containsExactly("Python Programming Foundations", "Technical Reading");

            WebUser visitor = new WebUser(server.baseUrl());
            visitor.get("/skills/plan");
            Http.Response plan = visitor.post("/skills/plan", java.util.Map.of("occupation", "15-1251.00",
                    "objective", "workload", "learner", "ada@demo.microcred.dev"));
            assertThat(plan.status()).as(plan.body()).isEqualTo(200);
            assertThat(plan.body()).contains("Python Programming Foundations").contains("data-outcome=\"revoked\"")
                    .contains("Gap toward Computer Programmers").contains("Advanced Python and Testing")
                    .contains("Learning pathway");
            assertThat(http.get("/skills/plan").body()).contains("demo learner grace@demo.microcred.dev");

            // Grace holds Python (valid) and an expired Technical Reading: a fresh Reading earns the milestone
            String token = demo.path("issuers").path(0).path("apiToken").asText();
            String reading = http.get("/api/issuers/northwind/achievements").json().findParents("name").stream()
                    .filter(a -> a.path("name").asText().equals("Technical Reading")).findFirst().orElseThrow()
                    .path("id").asText();
            Http.Response issued = http.post("/api/issuers/northwind/credentials", token, """
                    {"achievementId": "%s", "recipient": {"email": "grace@demo.microcred.dev"}}
                    """.formatted(reading));
            assertThat(issued.status()).as(issued.body()).isEqualTo(201);
            String hash = new Issuance.Recipient("grace@demo.microcred.dev", null).hash();
            var theirs = server.platform().db().read(c -> server.platform().store().credentials().byRecipient(c, hash));
            assertThat(theirs).anySatisfy(k -> assertThat(Json.parseObject(k.document()).path("credentialSubject")
                    .path("achievement").path("name").asText()).isEqualTo("Software Foundations"));
        }
    }
}
