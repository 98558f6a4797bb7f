package dev.microcred.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.microcred.core.Bytes;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The same store behaviour, run on H2 ({@link StoreH2IT}) and PostgreSQL ({@link StorePostgresIT}). */
abstract class StoreContract {
    static final Instant NOW = Instant.parse("2025-03-01T10:15:30Z");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final Store store = Store.create();
    Database db;

    abstract String jdbcUrl();

    void release(String url) {
    }

    private String url;

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
        Issuer i = new Issuer(id(), slug, "Issuer " + slug, "did:web:example.org:issuers:" + slug, "web",
                "{\"id\":\"did:web:example.org:issuers:" + slug + "\"}", NOW);
        db.inTransaction((Connection c) -> {
            store.issuers().insert(c, i);
            return null;
        });
        return i;
    }

    StoredStatusList list(Issuer issuer, String purpose) {
        StoredStatusList l = new StoredStatusList(id(), issuer.id(), purpose, 1,
                "https://example.org/issuers/" + issuer.slug() + "/status/" + purpose + "/1", 1024,
                Bytes.of(new byte[128]), 0, null, null, NOW, NOW);
        db.inTransaction((Connection c) -> {
            store.statusLists().insert(c, l);
            return null;
        });
        return l;
    }

    StoredCredential credential(Issuer issuer, StoredStatusList revocation, int index, String claimHash) {
        return new StoredCredential(id(), issuer.id(), null, "ldp_vc", "{\"id\":\"x\"}", "ab".repeat(32),
                CredentialState.ACTIVE, revocation == null ? null : revocation.id(), revocation == null ? null : index,
                null, null, claimHash, null, null, NOW, NOW, NOW.plus(365, ChronoUnit.DAYS), null, null);
    }

    @Test
    void migrationsApplyOnceAndAreRecorded() {
        assertThat(Migrations.bundled(clock).applied(db.transactions())).hasSize(Migrations.BUNDLED.size());
        db.close();
        db = Database.open(url, clock);
        assertThat(Migrations.bundled(clock).migrate(db.transactions())).isZero();
        assertThat(db.isReady()).isTrue();
    }

    @Test
    void refusesToStartWhenAnAppliedMigrationChanged() throws Exception {
        String original = Migrations.bundled(clock).applied(db.transactions()).get(2);
        db.inTransaction((Connection c) -> Jdbc.update(c, "UPDATE schema_version SET checksum = ? WHERE version = 2", "0".repeat(64)));
        db.close();
        assertThatThrownBy(() -> Database.open(url, clock))
                .isInstanceOfSatisfying(MicrocredException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT))
                .hasMessageContaining("migration 2");
        try (var c = java.sql.DriverManager.getConnection(url)) {
            Jdbc.update(c, "UPDATE schema_version SET checksum = ? WHERE version = 2", original);
        }
        db = Database.open(url, clock);
        assertThat(db.isReady()).isTrue();
    }

    @Test
    void accountsAreFoundByEmailCaseInsensitivelyAndEmailsAreUnique() {
        Account a = new Account(id(), "Ada@Example.org", "Ada", "$argon2id$v=19$x", Set.of("learner"), NOW);
        db.inTransaction((Connection c) -> {
            store.accounts().insert(c, a);
            return null;
        });
        Account found = db.read((Connection c) -> store.accounts().byEmail(c, "  ADA@example.ORG ")).orElseThrow();
        assertThat(found.id()).isEqualTo(a.id());
        assertThat(found.email()).isEqualTo("ada@example.org");
        assertThat(found.roles()).containsExactly("learner");
        assertThat(found.createdAt()).isEqualTo(NOW);
        // neither the email, nor the name, nor the password hash (letters a UUID's lower-case hex cannot form)
        assertThat(found.toString()).doesNotContain("@").doesNotContain("example").doesNotContain("Ada")
                .doesNotContain("argon2");
        Account twin = new Account(id(), "ada@example.org", "Other", "h", Set.of(), NOW);
        assertThatThrownBy(() -> db.inTransaction((Connection c) -> {
            store.accounts().insert(c, twin);
            return null;
        })).isInstanceOfSatisfying(MicrocredException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
    }

    @Test
    void sessionsExpire() {
        Account a = new Account(id(), "s@example.org", "S", "h", Set.of(), NOW);
        WebSession s = new WebSession("f".repeat(64), a.id(), "csrf", NOW, NOW.plusSeconds(60));
        db.inTransaction((Connection c) -> {
            store.accounts().insert(c, a);
            store.sessions().insert(c, s);
            return null;
        });
        assertThat(db.read((Connection c) -> store.sessions().find(c, s.tokenHash(), NOW))).contains(s);
        assertThat(db.read((Connection c) -> store.sessions().find(c, s.tokenHash(), NOW.plusSeconds(60)))).isEmpty();
        db.inTransaction((Connection c) -> {
            store.sessions().delete(c, s.tokenHash());
            return null;
        });
        assertThat(db.read((Connection c) -> store.sessions().find(c, s.tokenHash(), NOW))).isEmpty();
    }

    @Test
    void apiTokensAreFoundByHashAndRevoked() {
        Issuer issuer = issuer("tokens");
        ApiToken t = new ApiToken(id(), "c".repeat(64), "ci", null, issuer.id(),
                Set.of("credentials:issue", "credentials:verify"), NOW, null, null);
        db.inTransaction((Connection c) -> {
            store.apiTokens().insert(c, t);
            return null;
        });
        ApiToken found = db.read((Connection c) -> store.apiTokens().byHash(c, t.tokenHash())).orElseThrow();
        assertThat(found).isEqualTo(t);
        assertThat(found.isUsable(NOW)).isTrue();
        assertThat(db.inTransaction((Connection c) -> store.apiTokens().revoke(c, t.id(), NOW))).isTrue();
        assertThat(db.inTransaction((Connection c) -> store.apiTokens().revoke(c, t.id(), NOW))).isFalse();
        assertThat(db.read((Connection c) -> store.apiTokens().byHash(c, t.tokenHash())).orElseThrow().isUsable(NOW)).isFalse();
    }

    @Test
    void issuersHaveUniqueSlugsAndRotateKeys() {
        Issuer acme = issuer("acme");
        assertThat(db.read((Connection c) -> store.issuers().bySlug(c, "acme"))).contains(acme);
        assertThat(db.read((Connection c) -> store.issuers().byDid(c, acme.did()))).contains(acme);
        assertThatThrownBy(() -> issuer("acme"))
                .isInstanceOfSatisfying(MicrocredException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
        IssuerKey k1 = new IssuerKey(id(), acme.id(), acme.did() + "#key-1", "z6Mk1", "KEYFILE-1", NOW, null);
        IssuerKey k2 = new IssuerKey(id(), acme.id(), acme.did() + "#key-2", "z6Mk2", "KEYFILE-2", NOW.plusSeconds(1),
                null);
        db.inTransaction((Connection c) -> {
            store.issuers().insertKey(c, k1);
            store.issuers().insertKey(c, k2);
            return store.issuers().retireOtherKeys(c, acme.id(), k2.id(), NOW.plusSeconds(2));
        });
        assertThat(db.read((Connection c) -> store.issuers().activeKey(c, acme.id()))).contains(k2);
        List<IssuerKey> keys = db.read((Connection c) -> store.issuers().keys(c, acme.id()));
        assertThat(keys).extracting(IssuerKey::id).containsExactly(k1.id(), k2.id());
        assertThat(keys.get(0).retiredAt()).isEqualTo(NOW.plusSeconds(2));
        assertThat(keys.get(0).toString()).doesNotContain("KEYFILE");
    }

    @Test
    void achievementsBelongToTheirIssuer() {
        Issuer a = issuer("a");
        Issuer b = issuer("b");
        StoredAchievement ach = new StoredAchievement(id(), a.id(), "Welding", "{\"name\":\"Welding\"}", 365, NOW, null);
        db.inTransaction((Connection c) -> {
            store.achievements().insert(c, ach);
            return null;
        });
        assertThat(db.read((Connection c) -> store.achievements().byIssuer(c, a.id()))).containsExactly(ach);
        assertThat(db.read((Connection c) -> store.achievements().byIssuer(c, b.id()))).isEmpty();
        assertThat(db.inTransaction((Connection c) -> store.achievements().archive(c, ach.id(), NOW))).isTrue();
        assertThat(db.read((Connection c) -> store.achievements().byId(c, ach.id())).orElseThrow().archivedAt()).isEqualTo(NOW);
    }

    @Test
    void allAchievementsAreReadGroupedByIssuerOldestFirst() {
        Issuer a = issuer("a");
        Issuer b = issuer("b");
        StoredAchievement a2 = new StoredAchievement(id(), a.id(), "A2", "{}", null, NOW.plusSeconds(1), null);
        StoredAchievement a1 = new StoredAchievement(id(), a.id(), "A1", "{}", null, NOW, NOW);
        StoredAchievement b1 = new StoredAchievement(id(), b.id(), "B1", "{}", null, NOW, null);
        db.inTransaction((Connection c) -> {
            for (StoredAchievement x : List.of(a2, b1, a1)) {
                store.achievements().insert(c, x);
            }
            return null;
        });
        List<StoredAchievement> all = db.read((Connection c) -> store.achievements().all(c));
        assertThat(all).containsExactlyInAnyOrder(a1, a2, b1);
        assertThat(all.stream().filter(x -> x.issuerId().equals(a.id()))).containsExactly(a1, a2);
        int firstOfB = all.indexOf(b1);
        assertThat(firstOfB == 0 || firstOfB == 2).as("one issuer's achievements are read together").isTrue();
    }

    @Test
    void statusListBitsChangeUnderLockAndSignedCacheFollowsTheVersion() {
        Issuer issuer = issuer("lists");
        StoredStatusList list = list(issuer, "revocation");
        assertThat(db.read((Connection c) -> store.statusLists().latest(c, issuer.id(), "revocation"))).contains(list);
        assertThat(db.read((Connection c) -> store.statusLists().byUrl(c, list.url()))).contains(list);
        assertThat(db.inTransaction((Connection c) -> store.statusLists().saveSigned(c, list.id(), 0, "{\"v\":0}"))).isTrue();
        db.inTransaction((Connection c) -> {
            StoredStatusList locked = store.statusLists().lock(c, list.id()).orElseThrow();
            byte[] bits = locked.bits().toArray();
            bits[0] = (byte) 0x80;
            store.statusLists().updateBits(c, list.id(), Bytes.of(bits), NOW.plusSeconds(5));
            return null;
        });
        StoredStatusList changed = db.read((Connection c) -> store.statusLists().byId(c, list.id())).orElseThrow();
        assertThat(changed.version()).isEqualTo(1);
        assertThat(changed.bits().get(0)).isEqualTo((byte) 0x80);
        assertThat(changed.isSignedCurrent()).isFalse();
        // a signature made at the old version is not cached over the new bits
        assertThat(db.inTransaction((Connection c) -> store.statusLists().saveSigned(c, list.id(), 0, "{\"v\":0}"))).isFalse();
        assertThat(db.inTransaction((Connection c) -> store.statusLists().saveSigned(c, list.id(), 1, "{\"v\":1}"))).isTrue();
        StoredStatusList signed = db.read((Connection c) -> store.statusLists().byId(c, list.id())).orElseThrow();
        assertThat(signed.isSignedCurrent()).isTrue();
        assertThat(signed.signedDocument()).isEqualTo("{\"v\":1}");
    }

    @Test
    void aStatusIndexIsTakenOncePerList() {
        Issuer issuer = issuer("idx");
        StoredStatusList list = list(issuer, "revocation");
        StoredCredential first = credential(issuer, list, 7, "1".repeat(64));
        db.inTransaction((Connection c) -> {
            store.credentials().insert(c, first);
            return null;
        });
        assertThat(db.read((Connection c) -> store.credentials().usedIndexes(c, list))).containsExactly(7);
        assertThatThrownBy(() -> db.inTransaction((Connection c) -> {
            store.credentials().insert(c, credential(issuer, list, 7, "2".repeat(64)));
            return null;
        })).isInstanceOfSatisfying(MicrocredException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        Issuer issuer = issuer("tx");
        StoredStatusList list = list(issuer, "revocation");
        StoredCredential k = credential(issuer, list, 3, null);
        OutboxMail mail = new OutboxMail(id(), "learner@example.org", "Your badge", "link", "credential-issued",
                k.id(), NOW, null);
        assertThatThrownBy(() -> db.inTransaction((Connection c) -> {
            store.credentials().insert(c, k);
            store.outbox().enqueue(c, mail);
            throw new IllegalStateException("signing failed");
        })).hasMessage("signing failed");
        assertThat(db.read((Connection c) -> store.credentials().byId(c, k.id()))).isEmpty();
        assertThat(db.read((Connection c) -> store.outbox().recent(c, 10))).isEmpty();
        db.inTransaction((Connection c) -> {
            store.credentials().insert(c, k);
            store.outbox().enqueue(c, mail);
            return null;
        });
        assertThat(db.read((Connection c) -> store.credentials().byId(c, k.id()))).contains(k);
        assertThat(db.read((Connection c) -> store.outbox().byRecipient(c, "learner@example.org"))).containsExactly(mail);
    }

    @Test
    void credentialsAreClaimedOnceAndChangeState() {
        Issuer issuer = issuer("claim");
        Account learner = new Account(id(), "l@example.org", "L", "h", Set.of("learner"), NOW);
        StoredCredential k = credential(issuer, null, 0, "9".repeat(64));
        db.inTransaction((Connection c) -> {
            store.accounts().insert(c, learner);
            store.credentials().insert(c, k);
            return null;
        });
        assertThat(db.read((Connection c) -> store.credentials().byClaimToken(c, "9".repeat(64)))).contains(k);
        assertThat(db.inTransaction((Connection c) -> store.credentials().claim(c, k.id(), learner.id(), NOW))).isTrue();
        assertThat(db.inTransaction((Connection c) -> store.credentials().claim(c, k.id(), learner.id(), NOW))).isFalse();
        assertThat(db.read((Connection c) -> store.credentials().byClaimToken(c, "9".repeat(64)))).isEmpty();
        assertThat(db.read((Connection c) -> store.credentials().byHolder(c, learner.id()))).extracting(StoredCredential::id)
                .containsExactly(k.id());
        db.inTransaction((Connection c) -> {
            store.credentials().updateState(c, k.id(), CredentialState.REVOKED, "issued in error", NOW);
            return null;
        });
        StoredCredential revoked = db.read((Connection c) -> store.credentials().byId(c, k.id())).orElseThrow();
        assertThat(revoked.state()).isEqualTo(CredentialState.REVOKED);
        assertThat(revoked.statusReason()).isEqualTo("issued in error");
        assertThat(revoked.revokedAt()).isEqualTo(NOW);
        assertThat(db.read((Connection c) -> store.credentials().byIssuer(c, issuer.id(), 10, 0))).hasSize(1);
        assertThat(db.read((Connection c) -> store.credentials().countByIssuer(c, issuer.id()))).isEqualTo(1);
        assertThat(db.read((Connection c) -> store.credentials().byRecipient(c, "ab".repeat(32)))).hasSize(1);
    }

    BulkRow bulkRow(BulkJob job, String achievementId, int n, String key) {
        return new BulkRow(id(), job.id(), job.issuerId(), n, n + 1, key, achievementId, "email",
                "x" + n + "@example.org", null, null, BulkRow.PENDING, null, null);
    }

    @Test
    void bulkJobsKeepRowsErrorsAndProgress() {
        Issuer issuer = issuer("bulk");
        StoredAchievement ach = new StoredAchievement(id(), issuer.id(), "A", "{}", null, NOW, null);
        BulkJob job = BulkJob.validated(id(), issuer.id(), ach.id(), 3, 2, 1, NOW);
        BulkRow one = bulkRow(job, ach.id(), 1, "k:one");
        BulkRow two = bulkRow(job, ach.id(), 3, "k:two");
        db.inTransaction((Connection c) -> {
            store.achievements().insert(c, ach);
            store.bulkJobs().insertJob(c, job);
            store.bulkJobs().insertRows(c, List.of(one, two));
            store.bulkJobs().insertErrors(c, job.id(), List.of(new BulkError(2, 3, "email", "not an email address")));
            return null;
        });
        assertThat(db.read((Connection c) -> store.bulkJobs().job(c, job.id()))).contains(job);
        assertThat(db.read((Connection c) -> store.bulkJobs().rows(c, job.id()))).containsExactly(one, two);
        assertThat(db.read((Connection c) -> store.bulkJobs().errors(c, job.id(), 10)))
                .containsExactly(new BulkError(2, 3, "email", "not an email address"));
        assertThat(db.read((Connection c) -> store.bulkJobs().pendingRows(c, job.id(), 1, 10)))
                .containsExactly(new PendingRow(two, null));

        assertThat(db.inTransaction((Connection c) -> store.bulkJobs().start(c, job.id(), NOW))).isTrue();
        StoredCredential k = credential(issuer, null, 0, null);
        db.inTransaction((Connection c) -> {
            store.credentials().insertAll(c, List.of(k));
            store.credentials().insertKeys(c, List.of(new CredentialKey(issuer.id(), "k:one", k.id(), NOW)));
            assertThat(store.bulkJobs().finishBatch(c, job.id(), 1, 1, List.of())).isTrue();
            store.bulkJobs().addProgress(c, job.id(), 1, 0, 0, NOW);
            return null;
        });
        // the row below the cursor reads as issued, with the credential stored under its key; the next is pending
        assertThat(db.read((Connection c) -> store.bulkJobs().rows(c, job.id())))
                .extracting(BulkRow::rowNumber, BulkRow::state, BulkRow::credentialId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, BulkRow.ISSUED, k.id()),
                        org.assertj.core.groups.Tuple.tuple(3, BulkRow.PENDING, null));
        assertThat(db.read((Connection c) -> store.bulkJobs().rowsInState(c, job.id(), BulkRow.ISSUED, 10)))
                .extracting(BulkRow::rowNumber).containsExactly(1);
        assertThat(db.read((Connection c) -> store.bulkJobs().pendingRows(c, job.id(), 0, 10)))
                .containsExactly(new PendingRow(two, null));
        // a finished row is not finished again (another worker read the same rows): the caller rolls back
        assertThat(db.inTransaction((Connection c) -> store.bulkJobs().finishBatch(c, job.id(), 1, 1,
                List.of(new RowOutcome(one.id(), BulkRow.FAILED, null, "x"))))).isFalse();
        assertThatThrownBy(() -> db.inTransaction((Connection c) -> store.bulkJobs().finishBatch(c, job.id(), 3, 3,
                List.of(new RowOutcome(two.id(), BulkRow.ISSUED, k.id(), null))))).isInstanceOf(RuntimeException.class);
        // a failed row is marked itself and reads as failed with its reason
        db.inTransaction((Connection c) -> {
            assertThat(store.bulkJobs().finishBatch(c, job.id(), 3, 3,
                    List.of(new RowOutcome(two.id(), BulkRow.FAILED, null, "the achievement no longer exists"))))
                    .isTrue();
            return null;
        });
        assertThat(db.read((Connection c) -> store.bulkJobs().rowsInState(c, job.id(), BulkRow.FAILED, 10)))
                .extracting(BulkRow::rowNumber, BulkRow::error)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "the achievement no longer exists"));
        assertThat(db.read((Connection c) -> store.bulkJobs().pendingRows(c, job.id(), 0, 10))).isEmpty();
        assertThat(db.read((Connection c) -> store.credentials().byKey(c, issuer.id(), "k:one"))).contains(k.id());
        // the key is unique per issuer: a second credential under it is refused
        StoredCredential again = credential(issuer, null, 0, null);
        assertThatThrownBy(() -> db.inTransaction((Connection c) -> {
            store.credentials().insertAll(c, List.of(again));
            store.credentials().insertKeys(c, List.of(new CredentialKey(issuer.id(), "k:one", again.id(), NOW)));
            return null;
        })).isInstanceOfSatisfying(MicrocredException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
        assertThat(db.read((Connection c) -> store.credentials().byId(c, again.id()))).isEmpty();

        // another job holding the same key sees the credential it yielded
        BulkJob second = BulkJob.validated(id(), issuer.id(), ach.id(), 1, 1, 0, NOW);
        BulkRow same = bulkRow(second, ach.id(), 1, "k:one");
        db.inTransaction((Connection c) -> {
            store.bulkJobs().insertJob(c, second);
            store.bulkJobs().insertRows(c, List.of(same));
            return null;
        });
        assertThat(db.read((Connection c) -> store.bulkJobs().pendingRows(c, second.id(), 0, 10)))
                .containsExactly(new PendingRow(same, k.id()));

        assertThat(db.read((Connection c) -> store.bulkJobs().jobsInState(c, BulkJob.RUNNING)))
                .extracting(BulkJob::id).containsExactly(job.id());
        assertThat(db.inTransaction((Connection c) -> store.bulkJobs().finish(c, job.id(), BulkJob.DONE, null, NOW)))
                .isTrue();
        BulkJob done = db.read((Connection c) -> store.bulkJobs().job(c, job.id())).orElseThrow();
        assertThat(done.state()).isEqualTo(BulkJob.DONE);
        assertThat(done.issuedRows()).isEqualTo(1);
        assertThat(done.startedAt()).isEqualTo(NOW);
        assertThat(db.inTransaction((Connection c) -> store.bulkJobs().start(c, job.id(), NOW))).isFalse();
        assertThat(db.read((Connection c) -> store.bulkJobs().jobsOf(c, issuer.id(), 10))).hasSize(2);
    }

    @Test
    void bulkRowsRecordedBeforeTheCursorMigrationReadTheSameAfterIt() {
        String older = jdbcUrl();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(older);
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Transactions tx = new Transactions(pool);
            List<Migration> all = Migrations.bundled(clock).migrations();
            new Migrations(all.stream().filter(m -> m.version() < 830).toList(), clock).migrate(tx);
            // a job that ran under the old scheme: its first row marked issued itself, its second still pending
            Issuer issuer = new Issuer(id(), "older", "Older", "did:web:example.org:issuers:older", "web", "{}", NOW);
            StoredAchievement ach = new StoredAchievement(id(), issuer.id(), "A", "{}", null, NOW, null);
            BulkJob job = BulkJob.validated(id(), issuer.id(), ach.id(), 2, 2, 0, NOW);
            BulkRow one = bulkRow(job, ach.id(), 1, "k:one");
            BulkRow two = bulkRow(job, ach.id(), 2, "k:two");
            StoredCredential k = credential(issuer, null, 0, null);
            tx.inTransaction((Connection c) -> {
                store.issuers().insert(c, issuer);
                store.achievements().insert(c, ach);
                store.bulkJobs().insertJob(c, job);
                store.bulkJobs().insertRows(c, List.of(one, two));
                store.credentials().insertAll(c, List.of(k));
                store.credentials().insertKeys(c, List.of(new CredentialKey(issuer.id(), "k:one", k.id(), NOW)));
                try (var update = c.prepareStatement("UPDATE bulk_row SET state = 'issued', credential_id = ?"
                        + " WHERE id = ?")) {
                    update.setString(1, k.id());
                    update.setString(2, one.id());
                    assertThat(update.executeUpdate()).isEqualTo(1);
                }
                return null;
            });
            assertThat(new Migrations(all, clock).migrate(tx)).isEqualTo(all.size()
                    - (int) all.stream().filter(m -> m.version() < 830).count());
            assertThat(tx.read((Connection c) -> store.bulkJobs().rows(c, job.id())))
                    .extracting(BulkRow::rowNumber, BulkRow::state, BulkRow::credentialId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1, BulkRow.ISSUED, k.id()),
                            org.assertj.core.groups.Tuple.tuple(2, BulkRow.PENDING, null));
            assertThat(tx.read((Connection c) -> store.bulkJobs().pendingRows(c, job.id(), 0, 10)))
                    .extracting(p -> p.row().rowNumber()).containsExactly(2);
        } finally {
            release(older);
        }
    }

    @Test
    void membershipsHaveOneRolePerIssuerAndAccount() {
        Issuer x = issuer("member-x");
        Issuer y = issuer("member-y");
        Account a = new Account(id(), "m@example.org", "M", "h", Set.of(), NOW);
        db.inTransaction((Connection c) -> {
            store.accounts().insert(c, a);
            store.memberships().put(c, new Membership(x.id(), a.id(), Membership.STAFF, NOW));
            store.memberships().put(c, new Membership(y.id(), a.id(), Membership.STAFF, NOW));
            store.memberships().put(c, new Membership(x.id(), a.id(), Membership.ADMIN, NOW));
            return null;
        });
        assertThat(db.read((Connection c) -> store.memberships().byAccount(c, a.id())))
                .extracting(Membership::issuerId, Membership::role)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(x.id(), "admin"),
                        org.assertj.core.groups.Tuple.tuple(y.id(), "staff"));
        assertThat(db.read((Connection c) -> store.memberships().byIssuer(c, y.id()))).hasSize(1);
        assertThat(db.inTransaction((Connection c) -> store.memberships().delete(c, y.id(), a.id()))).isTrue();
        assertThat(db.read((Connection c) -> store.memberships().byIssuer(c, y.id()))).isEmpty();
        assertThatThrownBy(() -> new Membership(x.id(), a.id(), "owner", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordResetLinksWorkOnceAndExpire() {
        Account a = new Account(id(), "r@example.org", "R", "h", Set.of(), NOW);
        PasswordReset r = new PasswordReset("1".repeat(64), a.id(), NOW, NOW.plusSeconds(3600), null);
        PasswordReset old = new PasswordReset("2".repeat(64), a.id(), NOW, NOW.plusSeconds(10), null);
        db.inTransaction((Connection c) -> {
            store.accounts().insert(c, a);
            store.passwordResets().insert(c, r);
            store.passwordResets().insert(c, old);
            return null;
        });
        assertThat(db.read((Connection c) -> store.passwordResets().countSince(c, a.id(), NOW.minusSeconds(1))))
                .isEqualTo(2);
        assertThat(db.inTransaction((Connection c) -> store.passwordResets().use(c, old.tokenHash(),
                NOW.plusSeconds(10)))).isFalse();
        assertThat(db.inTransaction((Connection c) -> store.passwordResets().use(c, r.tokenHash(), NOW))).isTrue();
        assertThat(db.inTransaction((Connection c) -> store.passwordResets().use(c, r.tokenHash(), NOW))).isFalse();
        assertThat(db.read((Connection c) -> store.passwordResets().byHash(c, r.tokenHash())).orElseThrow()
                .isUsable(NOW)).isFalse();
    }

    @Test
    void issuerActivityCountsIssuedClaimedAndRevokedByAchievement() {
        Issuer i = issuer("activity");
        StoredStatusList rev = list(i, "revocation");
        StoredAchievement a = new StoredAchievement(id(), i.id(), "Data Basics", "{}", null, NOW, null);
        Account learner = new Account(id(), "l@example.org", "L", "h", Set.of(), NOW);
        StoredCredential k1 = credential(i, rev, 1, null);
        StoredCredential k2 = credential(i, rev, 2, null);
        StoredCredential k3 = credential(i, rev, 3, null);
        db.inTransaction((Connection c) -> {
            store.accounts().insert(c, learner);
            store.achievements().insert(c, a);
            for (StoredCredential k : java.util.List.of(k1, k2)) {
                store.credentials().insert(c, new StoredCredential(k.id(), k.issuerId(), a.id(), k.format(),
                        k.document(), k.recipientHash(), k.state(), k.revocationListId(), k.revocationIndex(), null,
                        null, null, null, null, NOW, NOW, null, null, null));
            }
            store.credentials().insert(c, k3);
            store.credentials().claim(c, k1.id(), learner.id(), NOW);
            store.credentials().updateState(c, k2.id(), CredentialState.REVOKED, "error", NOW);
            return null;
        });
        assertThat(db.read((Connection c) -> store.activity().byAchievement(c, i.id()))).containsExactly(
                new IssuerActivity.Counts(a.id(), "Data Basics", 2, 1, 1),
                new IssuerActivity.Counts(null, null, 1, 0, 0));
        assertThat(db.read((Connection c) -> store.activity().issuedSince(c, i.id(), NOW))).hasSize(3);
        assertThat(db.read((Connection c) -> store.activity().issuedSince(c, i.id(), NOW.plusSeconds(1)))).isEmpty();
    }
}
