package dev.microcred.server;

class TransparencyLogPostgresIT extends TransparencyLogContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
