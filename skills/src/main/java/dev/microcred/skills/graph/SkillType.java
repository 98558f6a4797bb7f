package dev.microcred.skills.graph;

/** What a node of the skills pillar is. */
public enum SkillType {
    /** ESCO skill/competence, or an O*NET skill element (2.A, 2.B). */
    SKILL,
    /** ESCO knowledge, or an O*NET knowledge element (2.C). */
    KNOWLEDGE,
    /** An O*NET technology skill example ("Python", "Microsoft Excel"). */
    TECHNOLOGY,
    /** A grouping node: an ESCO skill group or ISCED-F field, an O*NET content-model category. Not searchable. */
    GROUP
}
