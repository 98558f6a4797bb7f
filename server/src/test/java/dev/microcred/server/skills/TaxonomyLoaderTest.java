package dev.microcred.server.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.skills.graph.SkillsGraph;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaxonomyLoaderTest {
    static Taxonomy tiny() {
        return Taxonomy.of(SkillsGraph.of(List.of(), List.of(), Map.of(), Map.of(), Map.of()));
    }

    @Test
    void answersUnavailableUntilLoadedThenTheSameTaxonomy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger builds = new AtomicInteger();
        TaxonomyLoader loader = new TaxonomyLoader(() -> {
            builds.incrementAndGet();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return tiny();
        });
        assertThatThrownBy(loader::require).isInstanceOf(MicrocredException.class)
                .satisfies(e -> assertThat(((MicrocredException) e).problem()).isEqualTo(Problem.UNAVAILABLE))
                .hasMessageContaining("still loading");
        assertThat(loader.now()).isEmpty();
        loader.start();
        release.countDown();
        Taxonomy t = loader.await(Duration.ofSeconds(30));
        assertThat(loader.require()).isSameAs(t);
        assertThat(loader.now()).containsSame(t);
        assertThat(builds.get()).isEqualTo(1);
    }

    @Test
    void aFailedLoadIsReportedAsSuch() {
        TaxonomyLoader loader = new TaxonomyLoader(() -> {
            throw new IllegalStateException("broken resources");
        }).start();
        assertThatThrownBy(() -> loader.await(Duration.ofSeconds(30))).isInstanceOf(MicrocredException.class)
                .satisfies(e -> assertThat(((MicrocredException) e).problem()).isEqualTo(Problem.IO_ERROR));
        assertThatThrownBy(loader::require).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("could not be loaded");
    }
}
