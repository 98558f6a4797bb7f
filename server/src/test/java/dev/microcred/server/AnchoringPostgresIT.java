package dev.microcred.server;

class AnchoringPostgresIT extends AnchoringContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
