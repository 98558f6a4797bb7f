package dev.microcred.server;

class MailH2IT extends MailContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
