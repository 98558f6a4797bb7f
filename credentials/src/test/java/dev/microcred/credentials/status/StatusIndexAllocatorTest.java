package dev.microcred.credentials.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatusIndexAllocatorTest {
    @Test
    void handsOutEveryIndexOnceThenReportsTheListFull() {
        StatusIndexAllocator allocator = new StatusIndexAllocator(1000, new SecureRandom());
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            long index = allocator.allocate();
            assertThat(index).isBetween(0L, 999L);
            assertThat(seen.add(index)).as("index %d handed out twice", index).isTrue();
        }
        assertThat(allocator.remaining()).isZero();
        assertThatThrownBy(allocator::allocate).isInstanceOf(MicrocredException.class).hasMessageContaining("full");
    }

    @Test
    void neverHandsOutAnIndexAlreadyInUse() {
        StatusIndexAllocator allocator = new StatusIndexAllocator(10, new SecureRandom(), List.of(0, 1, 2, 3, 4, 5, 6, 7));
        Set<Long> got = Set.of(allocator.allocate(), allocator.allocate());
        assertThat(got).containsExactlyInAnyOrder(8L, 9L);
    }

    @Test
    void isNotSequential() {
        StatusIndexAllocator allocator = new StatusIndexAllocator(StatusList.MIN_BITS, new SecureRandom());
        long first = allocator.allocate();
        long second = allocator.allocate();
        long third = allocator.allocate();
        assertThat(second - first == 1 && third - second == 1).as("three consecutive indexes").isFalse();
    }

    @Test
    void refusesIndexesOutsideTheList() {
        StatusIndexAllocator allocator = new StatusIndexAllocator(10, new SecureRandom());
        assertThatThrownBy(() -> allocator.markUsed(10)).isInstanceOf(MicrocredException.class);
    }
}
