package dev.microcred.server;

class ConsoleH2IT extends ConsoleContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
