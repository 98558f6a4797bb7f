package dev.microcred.server;

class SkillsPostgresIT extends SkillsContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
