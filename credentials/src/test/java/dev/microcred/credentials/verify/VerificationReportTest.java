package dev.microcred.credentials.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerificationReportTest {
    @Test
    void outcomeIsTheMostSevereImpliedByAFailure() {
        VerificationReport report = VerificationReport.of(List.of(
                Check.passed("parse", "ok"),
                Check.failed("validity", Outcome.EXPIRED, "expired"),
                Check.failed("status", Outcome.REVOKED, "revoked"),
                Check.warning("endorsements", "none")), "json", null);
        assertThat(report.outcome()).isEqualTo(Outcome.REVOKED);
        assertThat(report.valid()).isFalse();
    }

    @Test
    void warningsThatPreventAVerdictCount() {
        VerificationReport report = VerificationReport.of(List.of(
                Check.passed("proof", "ok"),
                Check.warning("status", Outcome.CANNOT_CHECK, "offline")), "json", null);
        assertThat(report.outcome()).isEqualTo(Outcome.CANNOT_CHECK);
    }

    @Test
    void tamperedBeatsEverything() {
        VerificationReport report = VerificationReport.of(List.of(
                Check.failed("validity", Outcome.EXPIRED, "expired"),
                Check.failed("proof", Outcome.TAMPERED, "signature mismatch")), "json", null);
        assertThat(report.outcome()).isEqualTo(Outcome.TAMPERED);
        assertThat(report.toJson().get("outcome").asText()).isEqualTo("tampered");
        assertThat(report.toJson().get("checks").get(1).get("outcome").asText()).isEqualTo("failed");
    }

    @Test
    void allPassedIsValid() {
        assertThat(VerificationReport.of(List.of(Check.passed("parse", "ok")), "json", null).outcome())
                .isEqualTo(Outcome.VALID);
    }

    @Test
    void anAppendedCheckJoinsTheChecksAndTheOutcome() {
        VerificationReport valid = VerificationReport.of(List.of(Check.passed("proof", "ok")), "json", null);
        VerificationReport failed = valid.with(Check.failed("tlog", Outcome.INVALID, "another credential"));
        assertThat(failed.checks()).extracting(Check::name).containsExactly("proof", "tlog");
        assertThat(failed.outcome()).isEqualTo(Outcome.INVALID);
        assertThat(failed.format()).isEqualTo("json");
        assertThat(valid.with(Check.skipped("tlog", "not yet")).outcome()).isEqualTo(Outcome.VALID);
        assertThat(valid.checks()).hasSize(1);
    }

    @Test
    void failedCheckMustNameItsOutcome() {
        assertThatThrownBy(() -> new Check("x", Check.Status.FAILED, "d", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
