package dev.microcred.server;

class SuspensionH2IT extends SuspensionContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
