package dev.microcred.server;

class MailPostgresIT extends MailContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
