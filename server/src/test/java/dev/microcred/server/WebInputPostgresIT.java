package dev.microcred.server;

class WebInputPostgresIT extends WebInputContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
