package dev.microcred.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void drawsDoneTotalAndRateForLargeLogsOnly() {
        StringWriter text = new StringWriter();
        AtomicLong clock = new AtomicLong();
        Progress progress = new Progress(new PrintWriter(text, true), 20_000, true, clock::get);
        clock.set(500_000_000L);
        progress.update(10_000);
        assertThat(text.toString()).isEqualTo("\r[" + "#".repeat(15) + ".".repeat(15) + "] 10000/20000 entries, 20000/s");
        clock.set(600_000_000L);
        progress.update(11_000);
        assertThat(text.toString()).doesNotContain("11000");
        clock.set(1_000_000_000L);
        progress.update(20_000);
        assertThat(text.toString()).endsWith("20000/20000 entries, 20000/s" + System.lineSeparator());

        StringWriter small = new StringWriter();
        new Progress(new PrintWriter(small, true), 9_999, true, clock::get).update(9_999);
        assertThat(small.toString()).isEmpty();
    }
}
