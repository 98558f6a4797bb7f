package dev.microcred.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IssuedChartTest {
    static final Instant NOW = Instant.parse("2025-03-06T12:00:00Z"); // a Thursday

    @Test
    void countsByUtcWeekStartingMondayWithTheCurrentWeekLast() {
        long[] counts = IssuedChart.counts(List.of(Instant.parse("2025-03-03T00:00:00Z"),
                Instant.parse("2025-03-06T11:00:00Z"), Instant.parse("2025-03-02T23:59:59Z"),
                Instant.parse("2024-01-01T00:00:00Z")), NOW);
        assertThat(counts).hasSize(IssuedChart.WEEKS);
        assertThat(counts[IssuedChart.WEEKS - 1]).isEqualTo(2);
        assertThat(counts[IssuedChart.WEEKS - 2]).isEqualTo(1);
        assertThat(IssuedChart.since(NOW)).isEqualTo(Instant.parse("2024-12-16T00:00:00Z"));
    }

    @Test
    void drawsOneBarPerWeekScaledToTheLargest() {
        String svg = IssuedChart.render(List.of(NOW, NOW, Instant.parse("2025-02-25T10:00:00Z")), NOW).render();
        assertThat(svg).startsWith("<svg").contains("data-count=\"2\"").contains("data-count=\"1\"")
                .contains("<title>week of 2025-03-03: 2 issued</title>");
        assertThat(svg.split("<rect", -1)).hasSize(IssuedChart.WEEKS + 1);
    }
}
