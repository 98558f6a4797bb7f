package dev.microcred.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationTest {
    @Test
    void parsesVersionAndDescriptionFromTheFileName() {
        Migration m = Migration.of("V012__issuer_keys.sql", "SELECT 1;");
        assertThat(m.version()).isEqualTo(12);
        assertThat(m.description()).isEqualTo("issuer keys");
    }

    @Test
    void rejectsOtherFileNames() {
        assertThatThrownBy(() -> Migration.of("V1_x.sql", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Migration.of("V001__x.txt", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitsStatementsAtLineEndSemicolonsAndDropsComments() {
        Migration m = Migration.of("V001__x.sql", """
                -- a comment; with a semicolon
                CREATE TABLE a (
                    x INTEGER
                );

                CREATE INDEX a_x ON a (x);
                """);
        assertThat(m.statements()).containsExactly("CREATE TABLE a (\n    x INTEGER\n)", "CREATE INDEX a_x ON a (x)");
    }

    @Test
    void checksumIgnoresLineEndingsButNotContent() {
        String a = Migration.of("V001__x.sql", "CREATE TABLE a (x INTEGER);\n").checksum();
        assertThat(Migration.of("V001__x.sql", "CREATE TABLE a (x INTEGER);\r\n").checksum()).isEqualTo(a);
        assertThat(Migration.of("V001__x.sql", "CREATE TABLE a (y INTEGER);\n").checksum()).isNotEqualTo(a);
    }

    @Test
    void refusesRepeatedVersionsButAllowsNumberBlocks() {
        assertThatThrownBy(() -> new Migrations(List.of(Migration.of("V001__a.sql", ""),
                Migration.of("V001__b.sql", "")), Clock.systemUTC()))
                .hasMessageContaining("distinct");
        assertThat(new Migrations(List.of(Migration.of("V200__c.sql", ""), Migration.of("V001__a.sql", ""),
                Migration.of("V100__b.sql", "")), Clock.systemUTC()).migrations())
                .extracting(Migration::version).containsExactly(1, 100, 200);
    }

    @Test
    void bundledMigrationsAreNumberedFromOne() {
        List<Migration> bundled = Migrations.bundled(Clock.systemUTC()).migrations();
        assertThat(bundled).hasSize(Migrations.BUNDLED.size());
        assertThat(bundled.get(0).description()).isEqualTo("accounts");
        assertThat(bundled).allSatisfy(m -> assertThat(m.statements()).isNotEmpty());
    }
}
