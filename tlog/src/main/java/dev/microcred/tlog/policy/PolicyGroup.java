package dev.microcred.tlog.policy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.List;
import java.util.Objects;

/**
 * A witness group: it witnesses a checkpoint when at least {@code threshold} of its members (witnesses or
 * groups) do.
 *
 * @param name      the group name
 * @param threshold k, 1 ≤ k ≤ n
 * @param members   the n member names, each once
 */
public record PolicyGroup(String name, int threshold, List<String> members) {
    public PolicyGroup {
        Objects.requireNonNull(name, "name");
        members = List.copyOf(members);
        if (members.isEmpty() || threshold < 1 || threshold > members.size()) {
            throw new MicrocredException(Problem.MALFORMED_INPUT,
                    "group " + name + " needs 1 <= k <= n members, has k=" + threshold + ", n=" + members.size());
        }
        if (members.stream().distinct().count() != members.size()) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "group " + name + " lists a member twice");
        }
    }
}
