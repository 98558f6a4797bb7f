package dev.microcred.skills.matching;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A job posting as required skills.
 *
 * @param id           posting id
 * @param requirements at least one, distinct skills
 */
public record JobPosting(String id, List<JobRequirement> requirements) {
    public JobPosting {
        Objects.requireNonNull(id, "id");
        requirements = List.copyOf(requirements);
        if (requirements.isEmpty()) throw new MicrocredException(Problem.INVALID_REQUEST, "a posting needs requirements");
        var seen = new HashSet<String>();
        for (JobRequirement r : requirements) {
            if (!seen.add(r.skillId())) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "skill required twice: " + r.skillId());
            }
        }
    }
}
