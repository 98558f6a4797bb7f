/**
 * JMH benchmarks of microcred's hot paths (Data Integrity sign and verify, and the floors they are made of).
 * Build with {@code mvn -B -o -pl bench -am package -DskipTests}, run with {@code java -jar bench/target/benchmarks.jar}
 * (see docs/PERFORMANCE.md). Fixtures are resources of this module, never read from the shared folder.
 */
package dev.microcred.bench;
