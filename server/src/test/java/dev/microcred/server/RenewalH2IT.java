package dev.microcred.server;

class RenewalH2IT extends RenewalContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
