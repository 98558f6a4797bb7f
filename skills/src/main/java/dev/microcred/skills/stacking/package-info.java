/**
 * Stackable pathways: issuer-defined rules "achievements A, B, C earn milestone D", evaluated against a learner's
 * verified achievements.
 */
package dev.microcred.skills.stacking;
