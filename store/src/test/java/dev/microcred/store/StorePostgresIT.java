package dev.microcred.store;

class StorePostgresIT extends StoreContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.postgresUrl();
    }

    @Override
    void release(String url) {
        TestDatabases.dropPostgres(url);
    }
}
