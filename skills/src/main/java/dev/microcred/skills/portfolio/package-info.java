/**
 * Portfolio advice: breadth versus depth, freshness, credentials about to expire with their renewal path, and issuers
 * ranked by credibility — a pure function of a learner's verified credentials and a catalogue.
 */
package dev.microcred.skills.portfolio;
