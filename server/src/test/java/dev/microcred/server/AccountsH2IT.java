package dev.microcred.server;

class AccountsH2IT extends AccountsContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
