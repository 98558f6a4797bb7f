package dev.microcred.server;

class BulkH2IT extends BulkContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
