package dev.microcred.server;

class CareerH2IT extends CareerContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
