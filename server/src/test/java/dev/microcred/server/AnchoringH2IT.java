package dev.microcred.server;

class AnchoringH2IT extends AnchoringContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
