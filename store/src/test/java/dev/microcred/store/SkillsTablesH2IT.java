package dev.microcred.store;

import java.util.UUID;

class SkillsTablesH2IT extends SkillsTablesContract {
    @Override
    String jdbcUrl() {
        return Database.h2MemoryUrl("k" + UUID.randomUUID().toString().replace("-", ""));
    }
}
