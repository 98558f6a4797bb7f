package dev.microcred.server;

class BulkPostgresIT extends BulkContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
