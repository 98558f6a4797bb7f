package dev.microcred.server.skills;

import dev.microcred.skills.gap.Gap;
import dev.microcred.skills.pathway.Plan;
import dev.microcred.skills.profile.SkillsProfile;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A learner's credentials worked through: each as verified, the skills profile, and (when a target occupation was
 * given) the gap and (when planning was asked for) the plan with the offerings it draws on.
 *
 * @param credentials what was presented, as verified, in request order
 * @param profile     what they prove now
 * @param gap         the gap toward the target; null without a target
 * @param plan        the pathway; null when not asked for
 * @param offerings   the offerings of the catalogue the plan was made over, by id; empty without a plan
 * @param note        a plain-language note on the input (no credentials, none counting), or empty
 */
public record Analysis(List<PresentedCredential> credentials, SkillsProfile profile, Gap gap, Plan plan,
                       Map<String, Offering> offerings, String note) {
    public Analysis {
        credentials = List.copyOf(credentials);
        Objects.requireNonNull(profile, "profile");
        offerings = Map.copyOf(offerings);
        Objects.requireNonNull(note, "note");
    }

    /**
     * Whether the target is reached: the gap shows every required skill proven at its level, or the plan has no step
     * left to take and no skill it cannot cover. Needs a gap and a plan.
     */
    public boolean goalMet() {
        return gap.goalMet() || plan.todo().isEmpty() && plan.uncoverable().isEmpty();
    }
}
