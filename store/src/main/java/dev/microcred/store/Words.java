package dev.microcred.store;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/** Sets of words (roles, scopes) stored as one space-separated column, sorted so that equal sets store alike. */
final class Words {
    private Words() {
    }

    static String join(Collection<String> words) {
        return String.join(" ", new TreeSet<>(words));
    }

    static Set<String> split(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(new LinkedHashSet<>(Arrays.asList(column.trim().split("\\s+"))));
    }
}
