package dev.microcred.server;

class WalletH2IT extends WalletContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
