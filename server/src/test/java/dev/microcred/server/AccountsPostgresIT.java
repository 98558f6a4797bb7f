package dev.microcred.server;

class AccountsPostgresIT extends AccountsContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
