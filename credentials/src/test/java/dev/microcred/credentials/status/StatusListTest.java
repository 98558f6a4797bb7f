package dev.microcred.credentials.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class StatusListTest {
    /** The encodedList of the examples in W3C Bitstring Status List v1.0 §2.2: 131,072 unset bits. */
    static final String SPEC_EXAMPLE = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA";

    @Test
    void decodesTheSpecificationExample() {
        StatusList list = StatusList.decode(SPEC_EXAMPLE);
        assertThat(list.length()).isEqualTo(131_072);
        assertThat(list.countSet()).isZero();
        assertThat(list.meetsMinimumLength()).isTrue();
        assertThat(list).isEqualTo(StatusList.empty());
    }

    @Test
    void decodesThe1EdTechValidatorTestList() {
        String encoded = SharedData.json(
                "conformance-vectors/open-badges-3.0/validator-samples/bit-string-list/testlist")
                .at("/credentialSubject/encodedList").asText();
        StatusList list = StatusList.decode(encoded);
        assertThat(list.length()).isEqualTo(131_072);
        assertThat(setBits(list)).containsExactly(23L);
        assertThat(list.get(23)).isTrue();
        assertThat(list.get(22)).isFalse();
        assertThat(list.get(24)).isFalse();
    }

    @Test
    void decodesTheDccListOfOneHundredThousandEntries() {
        String encoded = SharedData.json("data/credentials/dcc-vc-test-fixtures/support/status-list-e5WK8CbZ1GjycuPombrj.json")
                .at("/credentialSubject/encodedList").asText();
        StatusList list = StatusList.decode(encoded);
        assertThat(list.length()).isEqualTo(100_000);
        assertThat(list.meetsMinimumLength()).isFalse();
        assertThat(setBits(list)).containsExactly(2L, 6L, 8L);
    }

    @Test
    void toleratesAListWithoutTheMultibasePrefix() {
        String encoded = SharedData.json("data/credentials/blockcerts/support/status-list-2021.json")
                .at("/credentialSubject/encodedList").asText();
        assertThat(encoded).doesNotStartWith("u");
        StatusList list = StatusList.decode(encoded);
        assertThat(setBits(list)).containsExactly(23_547L);
        assertThat(StatusList.decode(SPEC_EXAMPLE.substring(1))).isEqualTo(StatusList.empty());
    }

    @Test
    void indexZeroIsTheMostSignificantBitOfTheFirstByte() throws IOException {
        StatusList list = StatusList.empty().with(0, true).with(9, true);
        byte[] raw = gunzip(list.encode());
        assertThat(raw[0] & 0xff).isEqualTo(0x80);
        assertThat(raw[1] & 0xff).isEqualTo(0x40);
        assertThat(list.value(0, 2)).isEqualTo(2);
        assertThat(list.value(4, 2)).isEqualTo(1);
    }

    @Test
    void roundTripsThroughEncode() {
        StatusList list = StatusList.empty().with(List.of(0, 23, 131_071), true);
        String encoded = list.encode();
        assertThat(encoded).startsWith("u").doesNotContain("=", "+", "/");
        StatusList back = StatusList.decode(encoded);
        assertThat(back).isEqualTo(list);
        assertThat(setBits(back)).containsExactly(0L, 23L, 131_071L);
        assertThat(back.with(23, false).countSet()).isEqualTo(2);
        assertThat(list.countSet()).as("with() does not change the original").isEqualTo(3);
    }

    @Test
    void refusesBadBase64() {
        assertMalformed("u!!!notbase64", "not base64url");
    }

    @Test
    void refusesDataThatIsNotGzip() {
        String notGzip = "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);
        assertMalformed(notGzip, "not GZIP");
    }

    @Test
    void refusesTruncatedGzip() {
        String truncated = SPEC_EXAMPLE.substring(0, SPEC_EXAMPLE.length() - 12);
        assertThatThrownBy(() -> StatusList.decode(truncated))
                .isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.MALFORMED_INPUT);
    }

    @Test
    void refusesAnEmptyList() throws IOException {
        assertMalformed("", "empty");
        assertMalformed(encodeRaw(new byte[0]), "empty bitstring");
    }

    @Test
    void refusesAGzipBomb() throws IOException {
        byte[] bomb = new byte[StatusList.MAX_DECODED_BYTES + 1024];
        String encoded = encodeRaw(bomb);
        assertThat(encoded.length()).as("the bomb is small when compressed").isLessThan(40_000);
        assertThatThrownBy(() -> StatusList.decode(encoded))
                .isInstanceOf(MicrocredException.class)
                .hasMessageContaining("inflates to more than")
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.TOO_LARGE);
    }

    @Test
    void refusesIndexesOutOfRange() {
        StatusList list = StatusList.empty();
        assertThatThrownBy(() -> list.get(131_072)).isInstanceOf(MicrocredException.class)
                .hasMessageContaining("outside the list of 131072 entries");
        assertThatThrownBy(() -> list.get(-1)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> list.with(200_000, true)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> list.value(65_536, 2)).isInstanceOf(MicrocredException.class);
    }

    @Test
    void refusesToMakeAListShorterThanTheMinimum() {
        assertThatThrownBy(() -> StatusList.ofLength(100_000))
                .isInstanceOf(MicrocredException.class)
                .hasMessageContaining("at least 131072");
        assertThat(StatusList.ofLength(262_144).length()).isEqualTo(262_144);
    }

    static List<Long> setBits(StatusList list) {
        List<Long> set = new ArrayList<>();
        for (long i = 0; i < list.length(); i++) {
            if (list.get(i)) {
                set.add(i);
            }
        }
        return set;
    }

    static String encodeRaw(byte[] raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(raw);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    private static byte[] gunzip(String encoded) throws IOException {
        byte[] compressed = Base64.getUrlDecoder().decode(encoded.substring(1));
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        }
    }

    private static void assertMalformed(String encoded, String message) {
        assertThatThrownBy(() -> StatusList.decode(encoded))
                .isInstanceOf(MicrocredException.class)
                .hasMessageContaining(message)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.MALFORMED_INPUT);
    }

}
