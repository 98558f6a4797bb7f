package dev.microcred.server;

class WalletJwtH2IT extends WalletJwtContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
