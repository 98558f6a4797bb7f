package dev.microcred.credentials.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DateTimeStampTest {
    @Test
    void readsTheCommonUtcForm() {
        assertThat(DateTimeStamp.toInstant("2026-11-29T12:41:08Z")).isEqualTo(Instant.parse("2026-11-29T12:41:08Z"));
        assertThat(DateTimeStamp.toInstant("2024-02-29T23:59:59.123456789Z"))
                .isEqualTo(Instant.parse("2024-02-29T23:59:59.123456789Z"));
        assertThat(DateTimeStamp.toInstant("0000-01-01T00:00:00.5Z")).isEqualTo(Instant.parse("0000-01-01T00:00:00.5Z"));
    }

    @Test
    void readsOffsetsLikeTheJdk() {
        assertThat(DateTimeStamp.toInstant("2026-11-29T12:41:08+02:00")).isEqualTo(Instant.parse("2026-11-29T10:41:08Z"));
        // a decimal point without digits: the JDK reads it, so the general path answers
        assertThat(DateTimeStamp.toInstant("2026-01-01T00:00:00.Z")).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void rejectsWhatTheJdkRejects() {
        for (String bad : List.of("2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-01T00:00:00Z",
                "2026-04-31T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z", "2026-01-01T00:00:60Z",
                "2026-01-01T00:00:00.1234567890Z", "2026-01-01T00:00:00", "2026-1-01T00:00:00Z",
                "２０２６-01-01T00:00:00Z", "2026-01-01 00:00:00Z", "")) {
            assertThatThrownBy(() -> OffsetDateTime.parse(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> DateTimeStamp.toInstant(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
        }
    }

    /** Every text, mutated from valid ones character by character, is read as the JDK reads it, or refused alike. */
    @Test
    void agreesWithOffsetDateTimeOnMutatedTexts() {
        Random random = new Random(20261129);
        String alphabet = "0123456789-:.TZtz+ 5";
        int accepted = 0;
        for (int i = 0; i < 60_000; i++) {
            StringBuilder s = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", random.nextInt(10_000),
                    random.nextInt(14), random.nextInt(33), random.nextInt(25), random.nextInt(61), random.nextInt(61)));
            int fraction = random.nextInt(12) - 1;
            if (fraction >= 0) {
                s.append('.');
                for (int d = 0; d < fraction; d++) {
                    s.append((char) ('0' + random.nextInt(10)));
                }
            }
            s.append(random.nextInt(8) == 0 ? "+01:00" : "Z");
            for (int m = random.nextInt(3); m > 0 && i % 2 == 0; m--) {
                int at = random.nextInt(s.length());
                s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = s.toString();
            Instant expected;
            try {
                expected = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                assertThatThrownBy(() -> DateTimeStamp.toInstant(text)).as(text)
                        .isInstanceOf(DateTimeParseException.class);
                continue;
            }
            accepted++;
            assertThat(DateTimeStamp.toInstant(text)).as(text).isEqualTo(expected);
        }
        assertThat(accepted).isGreaterThan(3_000);
    }
}
