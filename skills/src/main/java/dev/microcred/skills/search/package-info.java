/**
 * Label search over the skills graph (an in-memory Lucene index of labels, alternative labels and descriptions) and
 * the approximate ESCO ↔ O*NET correspondences derived from it ({@link dev.microcred.skills.search.Crosswalk}).
 */
package dev.microcred.skills.search;
