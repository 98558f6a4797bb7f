package dev.microcred.server.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class WalletExportTest {
    static final String CREDENTIAL = "{\"@context\": [\"https://www.w3.org/ns/credentials/v2\"],\n  \"proof\": {}}";

    @Test
    void holdsTheCredentialBytesTheReceiptAndThePolicy() throws IOException {
        Map<String, String> files = unzip(WalletExport.zip(CREDENTIAL, Optional.of("c2sp.org/tlog-proof@v1\n..."),
                "log example+abc+AQ\nquorum none\n"));
        assertThat(files).containsOnlyKeys("credential.json", "credential.tlog", "policy.txt", "README.txt");
        assertThat(files.get("credential.json")).isEqualTo(CREDENTIAL);
        assertThat(files.get("credential.tlog")).isEqualTo("c2sp.org/tlog-proof@v1\n...");
        assertThat(files.get("policy.txt")).isEqualTo("log example+abc+AQ\nquorum none\n");
        assertThat(files.get("README.txt"))
                .contains("microcred verify --receipt credential.tlog --policy policy.txt credential.json");
    }

    @Test
    void withoutAReceiptLeavesItOutAndSaysWhy() throws IOException {
        Map<String, String> files = unzip(WalletExport.zip(CREDENTIAL, Optional.empty(), "quorum none\n"));
        assertThat(files).containsOnlyKeys("credential.json", "policy.txt", "README.txt");
        assertThat(files.get("README.txt")).contains("not in this export").doesNotContain("--receipt");
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
