package dev.microcred.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The skills tables (migrations V300 and V820): imported catalogues, stackable pathways and milestone awards, run on H2
 * ({@link SkillsTablesH2IT}) and PostgreSQL ({@link SkillsTablesPostgresIT}).
 */
abstract class SkillsTablesContract {
    static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Store store = Store.create();
    Database db;
    private String url;

    abstract String jdbcUrl();

    void release(String url) {
    }

    @BeforeEach
    void open() {
        url = jdbcUrl();
        db = Database.open(url, clock);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
        if (url != null) {
            release(url);
        }
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    Issuer issuer(String slug) {
        Issuer i = new Issuer(id(), slug, "Issuer " + slug, "did:web:example.org:issuers:" + slug, "web", "{}", NOW);
        db.inTransaction((Connection c) -> {
            store.issuers().insert(c, i);
            return null;
        });
        return i;
    }

    StoredAchievement achievement(Issuer issuer, String name) {
        StoredAchievement a = new StoredAchievement(id(), issuer.id(), name, "{}", null, NOW, null);
        db.inTransaction((Connection c) -> {
            store.achievements().insert(c, a);
            return null;
        });
        return a;
    }

    @Test
    void aCatalogueIsReplacedAsAWholeAndKeepsItsOrder() {
        Issuer a = issuer("a");
        Issuer b = issuer("b");
        StoredCatalogueEntry x = new StoredCatalogueEntry(a.id(), "x", 0, "{\"name\":\"X\"}", NOW);
        StoredCatalogueEntry y = new StoredCatalogueEntry(a.id(), "y", 1, "{\"name\":\"Y\"}", NOW);
        StoredCatalogueEntry z = new StoredCatalogueEntry(b.id(), "x", 0, "{\"name\":\"Z\"}", NOW);
        db.inTransaction((Connection c) -> {
            store.catalogueEntries().replace(c, a.id(), List.of(y, x).stream()
                    .sorted((p, q) -> Integer.compare(q.seq(), p.seq())).toList());
            store.catalogueEntries().replace(c, b.id(), List.of(z));
            return null;
        });
        assertThat(db.read((Connection c) -> store.catalogueEntries().byIssuer(c, a.id()))).containsExactly(x, y);
        assertThat(db.read((Connection c) -> store.catalogueEntries().all(c))).hasSize(3);
        StoredCatalogueEntry w = new StoredCatalogueEntry(a.id(), "w", 0, "{\"name\":\"W\"}", NOW);
        db.inTransaction((Connection c) -> {
            store.catalogueEntries().replace(c, a.id(), List.of(w));
            return null;
        });
        assertThat(db.read((Connection c) -> store.catalogueEntries().byIssuer(c, a.id()))).containsExactly(w);
        assertThat(db.read((Connection c) -> store.catalogueEntries().byIssuer(c, b.id()))).containsExactly(z);
    }

    @Test
    void aCatalogueEntryIdIsUniquePerIssuer() {
        Issuer a = issuer("a");
        StoredCatalogueEntry x = new StoredCatalogueEntry(a.id(), "x", 0, "{}", NOW);
        StoredCatalogueEntry again = new StoredCatalogueEntry(a.id(), "x", 1, "{}", NOW);
        assertThatThrownBy(() -> db.inTransaction((Connection c) -> {
            store.catalogueEntries().replace(c, a.id(), List.of(x, again));
            return null;
        })).isInstanceOf(MicrocredException.class)
                .satisfies(e -> assertThat(((MicrocredException) e).problem()).isEqualTo(Problem.CONFLICT));
        assertThat(db.read((Connection c) -> store.catalogueEntries().byIssuer(c, a.id()))).isEmpty();
    }

    @Test
    void pathwaysKeepTheirPartsAndAMilestoneIsAwardedOncePerRecipient() {
        Issuer a = issuer("a");
        StoredAchievement p1 = achievement(a, "A");
        StoredAchievement p2 = achievement(a, "B");
        StoredAchievement milestone = achievement(a, "D");
        StoredPathway pathway = new StoredPathway(id(), a.id(), "Track", milestone.id(), List.of(p1.id(), p2.id()), 2,
                NOW);
        db.inTransaction((Connection c) -> {
            store.pathways().insert(c, pathway);
            return null;
        });
        assertThat(db.read((Connection c) -> store.pathways().byIssuer(c, a.id()))).containsExactly(pathway);
        assertThat(db.read((Connection c) -> store.pathways().all(c))).containsExactly(pathway);
        StoredCredential k = new StoredCredential(id(), a.id(), milestone.id(), "ldp_vc", "{}", "cd".repeat(32),
                CredentialState.ACTIVE, null, null, null, null, null, null, null, NOW, NOW, null, null, null);
        db.inTransaction((Connection c) -> {
            store.credentials().insert(c, k);
            store.pathways().award(c, pathway.id(), "cd".repeat(32), k.id(), NOW);
            return null;
        });
        assertThat(db.read((Connection c) -> store.pathways().awarded(c, pathway.id(), "cd".repeat(32))))
                .contains(k.id());
        assertThat(db.read((Connection c) -> store.pathways().awarded(c, pathway.id(), "ef".repeat(32)))).isEmpty();
        assertThatThrownBy(() -> db.inTransaction((Connection c) -> {
            store.pathways().award(c, pathway.id(), "cd".repeat(32), k.id(), NOW);
            return null;
        })).isInstanceOf(MicrocredException.class)
                .satisfies(e -> assertThat(((MicrocredException) e).problem()).isEqualTo(Problem.CONFLICT));
    }

    @Test
    void pathwaysAreFoundByTheirParts() {
        Issuer a = issuer("a");
        StoredAchievement p1 = achievement(a, "A");
        StoredAchievement p2 = achievement(a, "B");
        StoredAchievement p3 = achievement(a, "C");
        StoredAchievement m1 = achievement(a, "M1");
        StoredAchievement m2 = achievement(a, "M2");
        StoredPathway first = new StoredPathway(id(), a.id(), "First", m1.id(), List.of(p1.id(), p2.id()), 1, NOW);
        StoredPathway second = new StoredPathway(id(), a.id(), "Second", m2.id(), List.of(p2.id(), m1.id()), 2,
                NOW.plusSeconds(1));
        db.inTransaction((Connection c) -> {
            store.pathways().insert(c, first);
            store.pathways().insert(c, second);
            return null;
        });
        assertThat(db.read((Connection c) -> store.pathways().withPart(c, p1.id()))).containsExactly(first);
        assertThat(db.read((Connection c) -> store.pathways().withPart(c, p2.id()))).containsExactly(first, second);
        assertThat(db.read((Connection c) -> store.pathways().withPart(c, m1.id()))).containsExactly(second);
        assertThat(db.read((Connection c) -> store.pathways().withPart(c, p3.id()))).isEmpty();
        assertThat(db.read((Connection c) -> store.pathways().withPart(c, m2.id()))).isEmpty();
    }

    @Test
    void migrationV820BackFillsThePartsOfEarlierPathways() {
        String before = jdbcUrl();
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(before);
            Transactions transactions = new Transactions(pool);
            List<Migration> earlier = Migrations.bundled(clock).migrations().stream()
                    .filter(m -> m.version() < 820).toList();
            new Migrations(earlier, clock).migrate(transactions);
            String issuer = id();
            String p1 = id();
            String p2 = id();
            String other = id();
            String milestone = id();
            String pathway = id();
            transactions.inTransaction((Connection c) -> {
                store.issuers().insert(c, new Issuer(issuer, "a", "Issuer a", "did:web:example.org:issuers:a", "web",
                        "{}", NOW));
                for (String achievement : List.of(p1, p2, other, milestone)) {
                    store.achievements().insert(c, new StoredAchievement(achievement, issuer, "x", "{}", null, NOW,
                            null));
                }
                Jdbc.update(c, """
                        INSERT INTO stackable_pathway (id, issuer_id, name, milestone_id, parts, min_parts, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """, pathway, issuer, "Track", milestone, p1 + " " + p2, 2, NOW);
                return null;
            });
            Migrations.bundled(clock).migrate(transactions);
            StackablePathways pathways = store.pathways();
            assertThat(transactions.read((Connection c) -> pathways.withPart(c, p1))).extracting(StoredPathway::id)
                    .containsExactly(pathway);
            assertThat(transactions.read((Connection c) -> pathways.withPart(c, p2))).extracting(StoredPathway::id)
                    .containsExactly(pathway);
            assertThat(transactions.read((Connection c) -> pathways.withPart(c, other))).isEmpty();
            assertThat(transactions.read((Connection c) -> pathways.withPart(c, milestone))).isEmpty();
        } finally {
            release(before);
        }
    }
}
