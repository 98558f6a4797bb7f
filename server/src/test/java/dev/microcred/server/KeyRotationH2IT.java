package dev.microcred.server;

class KeyRotationH2IT extends KeyRotationContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
