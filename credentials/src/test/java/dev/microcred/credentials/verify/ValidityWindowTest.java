package dev.microcred.credentials.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ValidityWindowTest {
    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    private static Check check(String json) {
        return ValidityWindow.check((ObjectNode) Json.parse(json), NOW);
    }

    @Test
    void insideTheWindowPasses() {
        Check c = check("{\"validFrom\":\"2020-01-01T00:00:00Z\",\"validUntil\":\"2030-01-01T00:00:00+01:00\"}");
        assertThat(c.status()).isEqualTo(Check.Status.PASSED);
        assertThat(c.values()).containsEntry("validUntil", "2029-12-31T23:00:00Z");
    }

    @Test
    void expiredAndNotYetValid() {
        assertThat(check("{\"validFrom\":\"2010-01-01T00:00:00Z\",\"validUntil\":\"2011-01-01T00:00:00Z\"}").implies())
                .isEqualTo(Outcome.EXPIRED);
        assertThat(check("{\"validFrom\":\"2027-01-01T00:00:00Z\"}").implies()).isEqualTo(Outcome.NOT_YET_VALID);
    }

    @Test
    void readsVc11Dates() {
        assertThat(check("{\"issuanceDate\":\"2010-01-01T00:00:00Z\",\"expirationDate\":\"2011-01-01T00:00:00Z\"}")
                .implies()).isEqualTo(Outcome.EXPIRED);
        assertThat(check("{\"issuanceDate\":\"2010-01-01T00:00:00Z\"}").status()).isEqualTo(Check.Status.PASSED);
    }

    @Test
    void badDatesAndInvertedWindowsAreInvalid() {
        assertThat(check("{\"validFrom\":\"yesterday\"}").implies()).isEqualTo(Outcome.INVALID);
        assertThat(check("{\"validFrom\":42}").implies()).isEqualTo(Outcome.INVALID);
        assertThat(check("{\"validFrom\":\"2021-01-01T00:00:00Z\",\"validUntil\":\"2020-01-01T00:00:00Z\"}").implies())
                .isEqualTo(Outcome.INVALID);
    }

    @Test
    void sniffsInputKinds() {
        assertThat(InputKind.sniff(" {\"a\":1}".getBytes())).isEqualTo(InputKind.JSON);
        assertThat(InputKind.sniff("eyJh.eyJi.c2ln\n".getBytes())).isEqualTo(InputKind.JWT);
        assertThat(InputKind.sniff("<?xml version=\"1.0\"?><svg></svg>".getBytes())).isEqualTo(InputKind.SVG);
        assertThat(InputKind.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0}))
                .isEqualTo(InputKind.PNG);
        assertThat(InputKind.sniff("hello".getBytes())).isEqualTo(InputKind.UNKNOWN);
        assertThat(InputKind.sniff("a.b.c.d".getBytes())).isEqualTo(InputKind.UNKNOWN);
        assertThat(InputKind.sniff(new byte[0])).isEqualTo(InputKind.UNKNOWN);
    }
}
