/**
 * The skills graph: ESCO 1.1.1 and O*NET 29.2 occupations, skills, knowledge and technology, their links and
 * hierarchies, bundled as gzipped TSV resources and loaded into an immutable {@link dev.microcred.skills.graph.SkillsGraph}.
 * Ids are namespaced ({@link dev.microcred.skills.graph.SkillIds}) so that both frameworks coexist.
 */
package dev.microcred.skills.graph;
