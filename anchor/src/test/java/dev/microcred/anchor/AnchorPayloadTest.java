package dev.microcred.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.tlog.merkle.Hash;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class AnchorPayloadTest {
    private static final Hash ABC = Hash.parseHex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");

    @Test
    void encodesTagHashAndSizeAsDocumented() {
        // docs/TLOG.md, "Anchoring": "mctlog/1" || SHA-256 || uint64be size
        AnchorPayload payload = new AnchorPayload(ABC, 0x0102030405L);
        assertThat(payload.hex()).isEqualTo("0x6d63746c6f672f31"
                + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" + "0000000102030405");
        assertThat(payload.toArray()).hasSize(AnchorPayload.LENGTH).hasSize(48);
        assertThat(AnchorPayload.parseHex(payload.hex())).isEqualTo(payload);
    }

    @Property(tries = 200)
    void roundTrips(@ForAll byte[] seed, @ForAll @LongRange(min = 0) long size) {
        AnchorPayload payload = new AnchorPayload(Hash.of(dev.microcred.core.Sha256.digest(seed)), size);
        assertThat(AnchorPayload.parse(payload.toArray())).isEqualTo(payload);
        assertThat(AnchorPayload.parseHex(payload.hex().toUpperCase().replace("0X", "0x"))).isEqualTo(payload);
    }

    @Property(tries = 100)
    void anyFlippedBitChangesOrBreaksThePayload(@ForAll @IntRange(min = 0, max = 48 * 8 - 1) int bit) {
        AnchorPayload payload = new AnchorPayload(ABC, 7);
        byte[] bytes = payload.toArray();
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        try {
            assertThat(AnchorPayload.parse(bytes)).isNotEqualTo(payload);
        } catch (MicrocredException e) {
            assertThat(bit / 8).as("only the tag or the size's sign bit make it unreadable").isIn(0, 1, 2, 3, 4, 5,
                    6, 7, 40);
        }
    }

    @Test
    void rejectsOtherData() {
        byte[] good = new AnchorPayload(ABC, 1).toArray();
        assertThatThrownBy(() -> AnchorPayload.parse(java.util.Arrays.copyOf(good, 47)))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("not an anchor payload");
        assertThatThrownBy(() -> AnchorPayload.parse(java.util.Arrays.copyOf(good, 49)))
                .isInstanceOf(MicrocredException.class);
        byte[] otherTag = good.clone();
        otherTag[7] = '2';
        assertThatThrownBy(() -> AnchorPayload.parse(otherTag)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> AnchorPayload.parseHex("0x")).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> AnchorPayload.parseHex(HexFormat.of().formatHex(good)))
                .as("without 0x").isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> AnchorPayload.parseHex(null)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> new AnchorPayload(ABC, -1)).isInstanceOf(MicrocredException.class);
    }
}
