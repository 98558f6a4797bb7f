package dev.microcred.server;

class WalletJwtPostgresIT extends WalletJwtContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
