package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.server.skills.CareerDemo;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The career part of the demo: the demo employer's posting ranks the discoverable demo learners (pseudonymous, with
 * the accredited or endorsed issuers of their credentials), and Ada's goal page shows her plan.
 */
class CareerDemoIT {
    @Test
    void theDemoEmployerSeesRankedCandidatesAndAdaHerGoal() throws Exception {
        Path data = Files.createTempDirectory("microcred-career-demo");
        try (MicrocredServer server = MicrocredServer.start(Config.defaults().withPort(0).withDataDirectory(data)
                .withDatabaseUrl(TestDatabases.h2()).withKeyEncryptionKey(KeyEncryptionKey.generate()))) {
            JsonNode demo = Demo.load(server).content();
            String posting = URI.create(demo.path("posting").asText()).getPath();
            assertThat(demo.path("logins").toString()).contains(CareerDemo.EMPLOYER).contains("verifier");
            WebUser employer = WebUser.signedIn(server.baseUrl(), CareerDemo.EMPLOYER, Demo.PASSWORD);
            String page = employer.get(posting).body();
            assertThat(page).contains("Junior Python developer").contains("class=\"candidate\"")
                    .contains("endorsed by Software Industry Association (demo)").doesNotContain("Ada Lovelace")
                    .doesNotContain("ada@demo.microcred.dev");
            assertThat(page.split("class=\"candidate\"", -1).length - 1).isBetween(2, 3);
            WebUser ada = WebUser.signedIn(server.baseUrl(), "ada@demo.microcred.dev", Demo.PASSWORD);
            String goal = ada.get(URI.create(demo.path("careerGoal").asText()).getPath()).body();
            assertThat(goal).contains("id=\"goal\">Computer Programmers<").contains("id=\"plan-explanation\"")
                    .contains("Python Programming Foundations");
            String portfolio = ada.get("/wallet/portfolio").body();
            assertThat(portfolio).contains("accredited by National Accreditation Agency (demo)");
        }
    }
}
