package dev.microcred.server;

class RenewalPostgresIT extends RenewalContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
