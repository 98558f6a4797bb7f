/**
 * Offline evaluation and bounded scale runs of the skills module (mains, not unit tests); commands and results in
 * docs/SKILLS-EVAL.md.
 */
package dev.microcred.skills.eval;
