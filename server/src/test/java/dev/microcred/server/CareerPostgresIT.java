package dev.microcred.server;

class CareerPostgresIT extends CareerContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
