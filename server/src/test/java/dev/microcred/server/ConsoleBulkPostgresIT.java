package dev.microcred.server;

class ConsoleBulkPostgresIT extends ConsoleBulkContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
