package dev.microcred.server;

class MediaH2IT extends MediaContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
