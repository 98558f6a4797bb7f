package dev.microcred.server;

class KeyRotationPostgresIT extends KeyRotationContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
