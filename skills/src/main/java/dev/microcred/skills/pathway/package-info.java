/**
 * Learning pathway planning: given a gap (skills to acquire) and a {@link dev.microcred.skills.pathway.Catalogue} of
 * achievements (skills taught, workload or cost, prerequisites), an ordered {@link dev.microcred.skills.pathway.Plan}
 * covering the gap at least total workload or cost — a weighted set cover with precedence constraints, solved exactly
 * by branch and bound for small instances and by a greedy approximation with a lower bound for large ones.
 */
package dev.microcred.skills.pathway;
