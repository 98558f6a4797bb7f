package dev.microcred.credentials.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class StatusListProperties {
    @Property(tries = 200)
    void anySetOfIndexesSurvivesEncodeAndDecode(
            @ForAll @Size(max = 300) Set<@IntRange(min = 0, max = StatusList.MIN_BITS - 1) Integer> indexes) {
        StatusList list = StatusList.empty().with(indexes, true);
        StatusList back = StatusList.decode(list.encode());
        assertThat(back).isEqualTo(list);
        assertThat(back.countSet()).isEqualTo(indexes.size());
        for (int i : indexes) {
            assertThat(back.get(i)).isTrue();
        }
    }

    @Property(tries = 100)
    void clearingWhatWasSetGivesTheEmptyList(
            @ForAll @Size(max = 100) Set<@IntRange(min = 0, max = StatusList.MIN_BITS - 1) Integer> indexes) {
        StatusList list = StatusList.empty().with(indexes, true).with(indexes, false);
        assertThat(StatusList.decode(list.encode())).isEqualTo(StatusList.empty());
    }
}
