package dev.microcred.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.crypto.KeyEncryptionKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A start that fails after the HTTP server is up gives back what it opened: the port and the embedded database. */
class MicrocredServerStartIT {
    @TempDir
    Path data;

    @Test
    void aStartWithTheWrongKeyEncryptionKeyFreesThePortAndTheDatabase() throws IOException {
        Config config = Config.defaults().withHost("127.0.0.1").withDataDirectory(data);
        try (MicrocredServer first = MicrocredServer.start(config.withPort(0)
                .withKeyEncryptionKey(KeyEncryptionKey.generate()))) {
            assertThat(first.port()).isPositive(); // the log key is sealed under this key-encryption key
        }
        int port = freePort();
        assertThatThrownBy(() -> MicrocredServer.start(config.withPort(port)
                .withKeyEncryptionKey(KeyEncryptionKey.generate()))).isInstanceOf(MicrocredException.class);
        try (ServerSocket again = new ServerSocket()) {
            again.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
            assertThat(again.isBound()).as("the port is free again").isTrue();
        }
        // the embedded database holds a lock on its file while it is open (in this JVM: an overlapping lock)
        try (FileChannel file = FileChannel.open(data.resolve("microcred.mv.db"), StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock lock = file.tryLock()) {
            assertThat(lock).as("the database file is no longer locked").isNotNull();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }
}
