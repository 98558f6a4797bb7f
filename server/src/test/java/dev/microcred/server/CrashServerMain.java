package dev.microcred.server;

import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.store.BulkJob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The server as its own JVM for {@link TransparencyLogCrashIT}: {@code serve DATA DB_URL KEK ADMIN} starts it,
 * prints {@code READY <base URL>} and serves until killed; {@code catch-up DATA DB_URL KEK ADMIN} starts it, lets
 * the resumed bulk jobs finish and the sequencer catch up, prints {@code CAUGHT-UP} (or {@code BEHIND}) and stops.
 */
public final class CrashServerMain {
    private CrashServerMain() {
    }

    public static void main(String[] args) throws Exception {
        Config config = Config.defaults().withPort(0).withDataDirectory(Path.of(args[1])).withDatabaseUrl(args[2])
                .withKeyEncryptionKey(KeyEncryptionKey.fromBase64(args[3])).withAdminToken(args[4]);
        MicrocredServer server = MicrocredServer.start(config);
        if (args[0].equals("serve")) {
            CountDownLatch never = new CountDownLatch(1);
            System.out.println("READY " + server.baseUrl());
            System.out.flush();
            never.await();
            return;
        }
        Platform p = server.platform();
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!p.db().read(c -> p.store().bulkJobs().jobsInState(c, BulkJob.RUNNING)).isEmpty()
                && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        boolean caughtUp = p.db().read(c -> p.store().bulkJobs().jobsInState(c, BulkJob.RUNNING)).isEmpty()
                && p.sequencer().catchUp(Duration.ofSeconds(60));
        server.close();
        System.out.println(caughtUp ? "CAUGHT-UP" : "BEHIND");
        System.out.flush();
        System.exit(0);
    }
}
