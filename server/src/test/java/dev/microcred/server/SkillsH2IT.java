package dev.microcred.server;

class SkillsH2IT extends SkillsContract {
    @Override
    String jdbcUrl() {
        return TestDatabases.h2();
    }
}
