/**
 * Career goal and gap: a target occupation's required skills, weighted by importance, each proven, stale or missing
 * for a learner's {@link dev.microcred.skills.profile.SkillsProfile}, and a closeness score with its explanation.
 */
package dev.microcred.skills.gap;
