package dev.microcred.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.server.net.GuardedHttpFetcher;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FetcherTest {
    @TempDir
    Path dir;

    @Test
    void offlineMapServesFilesUnderADirectoryAndExactFiles() throws Exception {
        Files.createDirectories(dir.resolve("dids/a"));
        Files.writeString(dir.resolve("dids/a/did.json"), "{\"id\":\"a\"}");
        Path list = Files.writeString(dir.resolve("list.json"), "{\"list\":1}");
        OfflineMapFetcher f = new OfflineMapFetcher(List.of(
                OfflineMapFetcher.parse("https://example.org/=" + dir),
                OfflineMapFetcher.parse("https://status.example/lists/7=" + list)), Fetcher.NONE);
        assertThat(new String(f.fetch(URI.create("https://example.org/dids/a/did.json")).bodyBytes(),
                StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"a\"}");
        assertThat(f.fetch(URI.create("https://status.example/lists/7")).status()).isEqualTo(200);
        assertThat(f.fetch(URI.create("https://example.org/missing.json")).status()).isEqualTo(404);
        assertThatThrownBy(() -> f.fetch(URI.create("https://other.example/x")))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("offline");
    }

    @Test
    void offlineMapNeverEscapesItsDirectory() throws Exception {
        Path inner = Files.createDirectories(dir.resolve("inner"));
        Files.writeString(dir.resolve("secret.txt"), "secret");
        OfflineMapFetcher f = new OfflineMapFetcher(List.of(OfflineMapFetcher.parse("https://e.org/=" + inner)),
                Fetcher.NONE);
        assertThatThrownBy(() -> f.fetch(URI.create("https://e.org/../secret.txt")))
                .isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> f.fetch(URI.create("https://e.org/%2e%2e/secret.txt")))
                .isInstanceOf(MicrocredException.class);
    }

    @Test
    void offlineMapRejectsBadOptions() {
        assertThatThrownBy(() -> OfflineMapFetcher.parse("no-equals")).hasMessageContaining("URL_PREFIX=PATH");
        assertThatThrownBy(() -> OfflineMapFetcher.parse("https://x/=" + dir.resolve("nope")))
                .hasMessageContaining("no such file");
    }

    @Test
    void guardedFetcherRefusesPlainHttpAndPrivateAddresses() throws Exception {
        assertThatThrownBy(() -> GuardedHttpFetcher.check(URI.create("http://example.org/x")))
                .hasMessageContaining("non-HTTPS");
        assertThatThrownBy(() -> GuardedHttpFetcher.check(URI.create("https://127.0.0.1/x")))
                .hasMessageContaining("non-public");
        assertThatThrownBy(() -> GuardedHttpFetcher.check(URI.create("https://localhost/x")))
                .isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> GuardedHttpFetcher.check(URI.create("https://[::1]/x")))
                .hasMessageContaining("non-public");
        for (String a : List.of("10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "fd00::1", "fe80::1", "224.0.0.1")) {
            assertThat(GuardedHttpFetcher.isPublic(InetAddress.getByName(a))).as(a).isFalse();
        }
        assertThat(GuardedHttpFetcher.isPublic(InetAddress.getByName("93.184.216.34"))).isTrue();
        assertThat(GuardedHttpFetcher.isPublic(InetAddress.getByName("2606:4700::1111"))).isTrue();
    }
}
