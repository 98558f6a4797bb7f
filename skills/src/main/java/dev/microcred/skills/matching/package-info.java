/**
 * Candidate matching: a {@link dev.microcred.skills.matching.CandidateIndex} of opted-in learners' proven skills (one
 * posting list per skill, primitive arrays) answers a {@link dev.microcred.skills.matching.JobPosting} with the top-k
 * learners by an explainable score: per requirement, the best credential proving it, weighted by level, issuer
 * credibility and recency.
 */
package dev.microcred.skills.matching;
