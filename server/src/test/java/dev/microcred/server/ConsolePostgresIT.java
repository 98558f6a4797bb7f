package dev.microcred.server;

class ConsolePostgresIT extends ConsoleContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgres();
    }
}
