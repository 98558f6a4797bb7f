package dev.microcred.server;

class OperationsH2IT extends OperationsContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
