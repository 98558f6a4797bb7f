/**
 * Skills profiles: what a learner's verified credentials prove. Input records describe credentials already judged by
 * the verifier ({@link dev.microcred.skills.profile.VerifiedCredential}); {@link dev.microcred.skills.profile.SkillsProfile#of}
 * is a pure function of them. Levels everywhere in this module use the O*NET level scale 0–7; callers map rubric or EQF
 * levels onto it before building the records.
 */
package dev.microcred.skills.profile;
