package dev.microcred.store;

class SkillsTablesPostgresIT extends SkillsTablesContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgresUrl();
    }

    @Override
    void release(String url) {
        TestDatabases.dropPostgres(url);
    }
}
