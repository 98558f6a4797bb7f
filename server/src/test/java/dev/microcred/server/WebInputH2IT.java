package dev.microcred.server;

class WebInputH2IT extends WebInputContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
