package dev.microcred.server;

class WalletPostgresIT extends WalletContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
