package dev.microcred.skills.search;

/** What a search looks for. */
public enum SearchKind {
    /** ESCO and O*NET occupations (labels, alternative labels, O*NET alternate titles). */
    OCCUPATION,
    /** ESCO skills and knowledge, O*NET skill and knowledge elements and technology examples (not groups). */
    SKILL
}
