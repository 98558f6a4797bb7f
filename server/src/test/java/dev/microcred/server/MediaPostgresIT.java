package dev.microcred.server;

class MediaPostgresIT extends MediaContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
