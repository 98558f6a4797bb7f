package dev.microcred.server;

class SuspensionPostgresIT extends SuspensionContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
