/**
 * microcred skills: taxonomies (ESCO, O*NET) in {@code graph}, label search and cross-framework correspondences in
 * {@code search}, skills profiles from verified credentials in {@code profile}, career-goal gaps in {@code gap},
 * learning pathway planning in {@code pathway}, candidate matching in {@code matching}, portfolio advice in
 * {@code portfolio} and stackable pathways in {@code stacking}. No I/O beyond the bundled resources.
 */
package dev.microcred.skills;
