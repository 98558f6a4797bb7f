package dev.microcred.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2025-03-01T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void blocksAfterTheLimitUntilTheWindowPasses() {
        MovableClock clock = new MovableClock();
        LoginThrottle t = new LoginThrottle(3, Duration.ofMinutes(15), 100, clock);
        for (int i = 0; i < 3; i++) {
            t.check("email:a");
            t.failed("email:a");
        }
        assertThatThrownBy(() -> t.check("email:a")).isInstanceOfSatisfying(MicrocredException.class,
                e -> assertThat(e.problem()).isEqualTo(Problem.TOO_MANY_REQUESTS));
        t.check("email:b");
        clock.now = clock.now.plus(Duration.ofMinutes(15));
        t.check("email:a");
    }

    @Test
    void successForgetsEarlierFailures() {
        LoginThrottle t = new LoginThrottle(2, Duration.ofMinutes(15), 100, new MovableClock());
        t.failed("k");
        t.succeeded("k");
        t.failed("k");
        t.check("k");
    }

    @Test
    void remembersABoundedNumberOfKeys() {
        LoginThrottle t = new LoginThrottle(1, Duration.ofMinutes(15), 10, new MovableClock());
        for (int i = 0; i < 1000; i++) {
            t.failed("address:" + i);
        }
        assertThat(t.size()).isEqualTo(10);
        assertThatThrownBy(() -> t.check("address:999")).isInstanceOf(MicrocredException.class);
    }
}
