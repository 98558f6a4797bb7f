package dev.microcred.server;

class OperationsPostgresIT extends OperationsContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
