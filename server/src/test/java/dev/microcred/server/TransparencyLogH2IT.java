package dev.microcred.server;

class TransparencyLogH2IT extends TransparencyLogContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
