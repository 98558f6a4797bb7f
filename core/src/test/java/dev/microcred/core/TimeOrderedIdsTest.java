package dev.microcred.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    @Test
    void areVersionSevenWithTheTimeInTheirFirst48Bits() {
        // RFC 9562 §5.7: unix_ts_ms (48 bits), ver = 7, rand_a (12), var = 0b10, rand_b (62)
        long millis = 0x0190_1234_5678L;
        UUID id = TimeOrderedIds.at(millis);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(id.toString()).startsWith("01901234-5678-7");
    }

    @Test
    void sortAsTextInTheOrderOfTheirTimes() {
        List<String> made = new ArrayList<>();
        for (long t = 1_700_000_000_000L; t < 1_700_000_000_000L + 2_000; t++) {
            made.add(TimeOrderedIds.at(t).toString());
        }
        assertThat(made).isSorted();
    }

    @Test
    void keepTheirRandomBitsRandom() {
        Set<UUID> seen = new HashSet<>();
        long t = 1_700_000_000_000L;
        for (int i = 0; i < 10_000; i++) {
            seen.add(TimeOrderedIds.at(t));
        }
        assertThat(seen).hasSize(10_000);
        // each of the 74 random bits takes both values across the sample
        long orHigh = 0;
        long andHigh = -1;
        long orLow = 0;
        long andLow = -1;
        for (UUID id : seen) {
            orHigh |= id.getMostSignificantBits();
            andHigh &= id.getMostSignificantBits();
            orLow |= id.getLeastSignificantBits();
            andLow &= id.getLeastSignificantBits();
        }
        assertThat((orHigh & ~andHigh) & 0x0fffL).isEqualTo(0x0fffL);
        assertThat((orLow & ~andLow) & 0x3fff_ffff_ffff_ffffL).isEqualTo(0x3fff_ffff_ffff_ffffL);
    }

    @Test
    void refuseTimesOutsideTheirRange() {
        assertThatThrownBy(() -> TimeOrderedIds.at(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeOrderedIds.at(1L << 48)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void areMadeForNow() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }
}
