package dev.microcred.server;

class ServerPostgresIT extends ServerContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
