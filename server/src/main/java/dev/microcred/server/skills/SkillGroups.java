package dev.microcred.server.skills;

import dev.microcred.skills.graph.Skill;
import dev.microcred.skills.graph.SkillType;
import dev.microcred.skills.graph.SkillsGraph;
import java.util.Optional;

/**
 * The group a skill is drawn under in profile charts: its first parent in its framework's hierarchy (an ESCO skill
 * group or an O*NET content-model category); O*NET technology examples under "Technology"; skills outside the
 * bundled frameworks under "Other frameworks". Stateless.
 */
final class SkillGroups {
    static final String TECHNOLOGY = "Technology (O*NET)";
    static final String OTHER = "Other frameworks";

    private SkillGroups() {
    }

    static String of(SkillsGraph graph, String skillId) {
        Optional<Skill> skill = graph.skill(skillId);
        if (skill.isEmpty()) {
            return OTHER;
        }
        if (skill.get().type() == SkillType.TECHNOLOGY) {
            return TECHNOLOGY;
        }
        for (String parent : skill.get().broader()) {
            Optional<Skill> p = graph.skill(parent);
            if (p.isPresent()) {
                return p.get().label();
            }
        }
        return skill.get().type() == SkillType.KNOWLEDGE ? "Knowledge" : "Skills";
    }
}
