package dev.microcred.server;

class ConsoleBulkH2IT extends ConsoleBulkContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
