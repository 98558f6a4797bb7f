package dev.microcred.credentials.issue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.ob3.Achievement;
import dev.microcred.credentials.ob3.Criteria;
import dev.microcred.credentials.verify.CredentialVerifier;
import dev.microcred.credentials.verify.Outcome;
import dev.microcred.credentials.verify.VerificationReport;
import dev.microcred.crypto.Ed25519PrivateKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The Java example of README.md "Using the engine from Java", line for line. */
class ReadmeExampleTest {
    @Test
    void theReadmeExampleIssuesAndVerifies() {
        Ed25519PrivateKey key = Ed25519PrivateKey.generate();
        CredentialIssuer issuer = CredentialIssuer.withDidKey(key, "Example Academy");
        Achievement badge = Achievement.of("https://academy.example/achievements/1", "Data Literacy",
                "Reads, questions and presents data.", Criteria.narrative("Passed the final assessment."));
        SignedCredential vc = issuer.issue(badge, "learner@example.org", CredentialFormat.LDP_RDFC, null);

        CredentialVerifier verifier = new CredentialVerifier(Fetcher.NONE, jwk -> { throw new IllegalStateException(); },
                Clock.systemUTC());
        VerificationReport report = verifier.verify(vc.text().getBytes(StandardCharsets.UTF_8));
        System.out.println(report.outcome() + " " + report.toJson());

        assertThat(report.outcome()).isEqualTo(Outcome.VALID);
    }
}
