package dev.microcred.server;

class ServerH2IT extends ServerContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
