package dev.microcred.tlog.entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Sha256;
import dev.microcred.tlog.merkle.Hash;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LogEntryTest {
    static final Instant T = Instant.parse("2025-06-01T10:00:00Z");
    static final Hash H = Hash.of(Sha256.digest("signed credential bytes"));
    static final String ISSUER = "did:web:training.example";
    static final String MULTIKEY = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";

    static final String ISSUANCE = """
            microcred/tlog-entry/v1
            type issuance
            issuer did:web:training.example
            key did:web:training.example#key-1
            credential sha256:%s
            time 2025-06-01T10:00:00Z
            """.formatted(H.hex());

    static final List<LogEntry> ALL = List.of(
            new Issuance(ISSUER, ISSUER + "#key-1", H, T),
            new StatusListPublication(ISSUER, "https://training.example/status/revocation/1", 3, H, T),
            KeyEvent.added(ISSUER, ISSUER + "#key-2", MULTIKEY, T),
            KeyEvent.rotated(ISSUER, ISSUER + "#key-1", ISSUER + "#key-2", T),
            KeyEvent.revoked(ISSUER, ISSUER + "#key-1", T),
            new Anchor("log.microcred.example/issuance", 1024, H, "eip155:1",
                    "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060", T));

    @Test
    void issuanceHasTheDocumentedEncoding() {
        LogEntry entry = ALL.get(0);
        assertThat(entry.format()).isEqualTo(ISSUANCE);
        assertThat(LogEntry.parse(ISSUANCE)).isEqualTo(entry);
        assertThat(entry.leafHash()).isEqualTo(dev.microcred.tlog.merkle.TreeHash.leaf(ISSUANCE.getBytes()));
    }

    @Test
    void everyTypeRoundTrips() {
        for (LogEntry entry : ALL) {
            assertThat(LogEntry.parse(entry.bytes())).isEqualTo(entry);
            assertThat(entry.format()).startsWith("microcred/tlog-entry/v1\ntype " + entry.type() + "\n")
                    .endsWith("time 2025-06-01T10:00:00Z\n");
        }
        assertThat(ALL.get(2).format()).contains("\npublic-key " + MULTIKEY + "\n");
        assertThat(ALL.get(3).format()).contains("\nsuccessor " + ISSUER + "#key-2\n");
        assertThat(ALL.get(5).format()).contains("\nlog log.microcred.example/issuance\nsize 1024\n");
    }

    @Test
    void acceptsPlainHttpOnlyForALoopbackInstance() {
        for (String host : List.of("localhost:8080", "127.0.0.1:41234", "[::1]")) {
            String url = "http://" + host + "/issuers/a/status/revocation/1";
            assertThat(LogEntry.parse(new StatusListPublication(ISSUER, url, 1, H, T).format()))
                    .isEqualTo(new StatusListPublication(ISSUER, url, 1, H, T));
        }
    }

    @Test
    void rejectsMalformedEntries() {
        List<String> bad = List.of(
                ISSUANCE.replace("v1", "v2"),
                ISSUANCE.replace("type issuance", "type issued"),
                ISSUANCE.substring(0, ISSUANCE.length() - 1),
                ISSUANCE.replace("\n", "\r\n"),
                ISSUANCE.replace("issuer did", "issuer  did"),
                ISSUANCE.replace("issuer did:web", "issuer https"),
                ISSUANCE.replace("key did:web:training.example#key-1", "key did:web:other.example#key-1"),
                ISSUANCE.replace("#key-1", ""),
                ISSUANCE.replace(H.hex(), H.hex().toUpperCase()),
                ISSUANCE.replace("sha256:", "sha384:"),
                ISSUANCE.replace("10:00:00Z", "10:00:00.5Z"),
                ISSUANCE.replace("10:00:00Z", "10:00:00+01:00"),
                ISSUANCE.replace("2025-06-01", "2025-02-30"),
                ISSUANCE + "extra field\n",
                ISSUANCE.replace("time", "note learner@example.com\ntime"),
                ISSUANCE.replace("training", "tr\u00e4ining"),
                ALL.get(1).format().replace("version 3", "version 03"),
                ALL.get(1).format().replace("version 3", "version 0"),
                ALL.get(1).format().replace("https://", "http://"),
                ALL.get(1).format().replace("https://training.example", "http://localhost.example"),
                ALL.get(2).format().replace("public-key z", "public-key m"),
                ALL.get(3).format().replace("#key-2", "#key-1"),
                ALL.get(4).format().replace("key-revoked", "key-added"),
                ALL.get(5).format().replace("eip155:1", "Ethereum"),
                ALL.get(5).format().replace("log log.microcred", "log log+microcred"));
        for (String text : bad) {
            assertThatThrownBy(() -> LogEntry.parse(text)).as(text).isInstanceOf(MicrocredException.class);
        }
        assertThatThrownBy(() -> LogEntry.parse(ISSUANCE + "x".repeat(LogEntry.MAX_BYTES)))
                .isInstanceOf(MicrocredException.class);
    }

    @Property(tries = 200)
    void anyFlippedBitChangesOrBreaksTheEntry(@ForAll @IntRange(min = 0, max = 5) int which,
            @ForAll @IntRange(min = 0, max = 1 << 20) int where) {
        LogEntry entry = ALL.get(which);
        byte[] bytes = entry.bytes();
        int bit = where % (bytes.length * 8);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        Hash tampered;
        try {
            tampered = LogEntry.parse(new String(bytes, StandardCharsets.ISO_8859_1)).leafHash();
        } catch (MicrocredException e) {
            return;
        }
        assertThat(tampered).isNotEqualTo(entry.leafHash());
    }
}
