package dev.microcred.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BytesTest {
    @Test
    void comparesContentsNotIdentity() {
        assertThat(Bytes.of(new byte[] {1, 2})).isEqualTo(Bytes.of(new byte[] {1, 2}));
        assertThat(Bytes.of(new byte[] {1, 2})).isNotEqualTo(Bytes.of(new byte[] {1, 3}));
    }

    @Test
    void copiesOnTheWayInAndOut() {
        byte[] raw = {1, 2};
        Bytes b = Bytes.of(raw);
        raw[0] = 9;
        b.toArray()[1] = 9;
        assertThat(b.hex()).isEqualTo("0102");
    }

    @Test
    void rejectsBadHexWithAProblem() {
        assertThatThrownBy(() -> Bytes.parseHex("zz"))
                .isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.MALFORMED_INPUT);
    }

    @Test
    void sha256OfAbcMatchesFips180Example() {
        assertThat(Sha256.hex("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
