/**
 * Skills intelligence in the platform: the skills frameworks (ESCO 1.1.1, O*NET 29.2) loaded once per JVM in the
 * background ({@link dev.microcred.server.skills.TaxonomyLoader}), the JSON API over the skills module (search,
 * occupations, a learner's skills profile from credentials verified now, the gap toward an occupation, pathway
 * plans over every achievement offered in this instance and the catalogues issuers import), issuers' stackable
 * pathways with automatic milestone issuance ({@link dev.microcred.server.skills.MilestoneAwards}), the CLR 2.0
 * export of a recipient's record, and the server-rendered skills pages with their inline SVG charts.
 *
 * <p>Careers ({@link dev.microcred.server.skills.CareerServices}): a learner's goal, plan and portfolio advice from
 * their own wallet ({@link dev.microcred.server.skills.WalletSkills}, {@link dev.microcred.server.skills.LearnerGoals});
 * issuer credibility recorded by the platform admin ({@link dev.microcred.server.skills.IssuerCredibility}); employers'
 * postings matched against learners who opted in ({@link dev.microcred.server.skills.TalentPool},
 * {@link dev.microcred.server.skills.Employers}), pseudonymous until a learner accepts a contact request; their pages
 * and the session JSON API ({@link dev.microcred.server.skills.CareerApi}).
 */
package dev.microcred.server.skills;
