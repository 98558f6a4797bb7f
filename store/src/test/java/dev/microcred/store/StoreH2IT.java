package dev.microcred.store;

import java.util.UUID;

class StoreH2IT extends StoreContract {
    @Override
    String jdbcUrl() {
        return Database.h2MemoryUrl("t" + UUID.randomUUID().toString().replace("-", ""));
    }
}
