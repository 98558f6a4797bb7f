package dev.microcred.credentials.blockcerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.Bytes;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 8949 Appendix A examples for the subset receipts use, then what the decoder refuses. */
class CborTest {
    private static Object decode(String hex) {
        return Cbor.decode(HexFormat.of().parseHex(hex));
    }

    @Test
    void decodesTheRfc8949Examples() {
        assertThat(decode("00")).isEqualTo(0L);
        assertThat(decode("17")).isEqualTo(23L);
        assertThat(decode("1818")).isEqualTo(24L);
        assertThat(decode("1903e8")).isEqualTo(1000L);
        assertThat(decode("1a000f4240")).isEqualTo(1000000L);
        assertThat(decode("1b000000e8d4a51000")).isEqualTo(1000000000000L);
        assertThat(decode("20")).isEqualTo(-1L);
        assertThat(decode("3863")).isEqualTo(-100L);
        assertThat(decode("3903e7")).isEqualTo(-1000L);
        assertThat(decode("40")).isEqualTo(Bytes.of(new byte[0]));
        assertThat(decode("4401020304")).isEqualTo(Bytes.parseHex("01020304"));
        assertThat(decode("60")).isEqualTo("");
        assertThat(decode("6449455446")).isEqualTo("IETF");
        assertThat(decode("62c3bc")).isEqualTo("\u00fc");
        assertThat(decode("80")).isEqualTo(List.of());
        assertThat(decode("8301820203820405")).isEqualTo(List.of(1L, List.of(2L, 3L), List.of(4L, 5L)));
        assertThat(decode("a201020304")).isEqualTo(Map.of(1L, 2L, 3L, 4L));
        assertThat(decode("a26161016162820203")).isEqualTo(Map.of("a", 1L, "b", List.of(2L, 3L)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "f4",             // false: simple values are not used by receipts
        "f93c00",         // half-precision float
        "c074323031332d30332d32315432303a30343a30305a", // tag 0
        "9f01ff",         // indefinite-length array
        "5f42010243030405ff", // indefinite-length byte string
        "0000",           // trailing bytes
        "1903",           // truncated argument
        "4401",           // truncated byte string
        "62c328",         // invalid UTF-8
        "1bffffffffffffffff", // beyond a signed 64-bit integer
    })
    void refusesWhatReceiptsNeverUse(String hex) {
        assertThatThrownBy(() -> decode(hex)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesDuplicateMapKeysAndDeepNesting() {
        assertThatThrownBy(() -> decode("a201020103")).hasMessageContaining("duplicate map key");
        assertThatThrownBy(() -> decode("81".repeat(40) + "00")).hasMessageContaining("nested deeper");
    }
}
