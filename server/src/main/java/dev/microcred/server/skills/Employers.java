package dev.microcred.server.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import dev.microcred.credentials.json.Json;
import dev.microcred.server.Platform;
import dev.microcred.server.accounts.Roles;
import dev.microcred.server.accounts.Visitor;
import dev.microcred.skills.gap.GapAnalyzer;
import dev.microcred.skills.graph.Occupation;
import dev.microcred.skills.graph.Requirement;
import dev.microcred.skills.graph.SkillsGraph;
import dev.microcred.skills.matching.JobPosting;
import dev.microcred.skills.matching.JobRequirement;
import dev.microcred.skills.matching.RankedCandidate;
import dev.microcred.store.Account;
import dev.microcred.store.CareerStore;
import dev.microcred.store.ContactRequest;
import dev.microcred.store.ShortlistEntry;
import dev.microcred.store.StoredPosting;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Employers and discoverable learners: job postings made from an occupation's required skills and edited by the
 * employer, matching among learners who opted in ({@link TalentPool}), a shortlist, and contact requests that the
 * learner accepts or declines.
 *
 * <p>Privacy: an employer knows a candidate by a pseudonym per posting (a truncated SHA-256 of a label, the posting
 * id and the learner's account id, so pseudonyms of one learner differ between postings and cannot be linked), sees
 * the explanation of the match (which credential proves which requirement, the issuer and its credibility, when it
 * was issued), and never the learner's name or email, until the learner accepts a contact request; then the request
 * carries both. Postings, shortlists and requests are their owner's only: another employer gets 404. Thread-safe.
 */
public final class Employers {
    /** Requirements a posting made from a template starts with (the heaviest). */
    public static final int TEMPLATE_SKILLS = 15;
    /** Most requirements of one posting. */
    public static final int MAX_REQUIREMENTS = 50;
    /** Most candidates one ranking answers; pseudonyms are resolved among them. */
    public static final int MAX_CANDIDATES = 1000;
    /** Longest contact message. */
    public static final int MAX_MESSAGE = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(Employers.class);

    private final Platform p;
    private final CareerStore career;
    private final TaxonomyLoader taxonomy;
    private final TalentPool pool;

    public Employers(Platform platform, CareerStore career, TaxonomyLoader taxonomy, TalentPool pool) {
        this.p = Objects.requireNonNull(platform, "platform");
        this.career = Objects.requireNonNull(career, "career");
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        this.pool = Objects.requireNonNull(pool, "pool");
    }

    /** One requirement of a posting as stored: a skill, its importance (&gt; 0) and a minimum level or null. */
    public record Need(String skillId, double importance, Integer minLevel) {
    }

    /** A proof of a requirement in a candidate's explanation. */
    public record Proof(String skillId, String label, double importance, Integer minLevel, boolean matched,
                        String credential, String issuer, Integer level, boolean levelMet, LocalDate issuedOn,
                        String credibility, String standing, double recency, double contribution) {
    }

    /** A pseudonymous candidate with the explanation of the score. */
    public record Candidate(String pseudonym, double score, String explanation, List<Proof> proofs,
                            boolean shortlisted, String contactState) {
    }

    /** A contact request as the employer sees it: the identity only once accepted. */
    public record Contact(ContactRequest request, String name, String email) {
    }

    /** A contact request as the learner sees it. */
    public record Received(ContactRequest request, String postingTitle, String employerName) {
    }

    // ---- who may

    /**
     * The signed-in employer. @throws MicrocredException {@code UNAUTHENTICATED} when anonymous, {@code FORBIDDEN}
     * for an account without the verifier (employer) role
     */
    public static Account employer(Visitor v) {
        Account a = v.require();
        if (!a.roles().contains(Roles.VERIFIER)) {
            throw new MicrocredException(Problem.FORBIDDEN, "only employer accounts post jobs and see candidates:"
                    + " sign up as an employer (verifier)");
        }
        return a;
    }

    /** The posting if {@code employer} owns it; anyone else gets 404. */
    public StoredPosting posting(Account employer, String id) {
        return p.db().read(c -> career.postings().byId(c, id)).filter(x -> x.employerAccountId()
                .equals(employer.id())).orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND,
                "no such job posting among yours"));
    }

    public List<StoredPosting> postings(Account employer) {
        return p.db().read(c -> career.postings().byEmployer(c, employer.id()));
    }

    // ---- postings

    /**
     * Creates a posting from {@code occupation}'s required skills, or from {@code requirements} when given.
     *
     * @throws MicrocredException {@code INVALID_REQUEST} for an unknown occupation, a blank or long title, bad
     *     requirements
     */
    public StoredPosting create(Account employer, String title, String occupation, JsonNode requirements) {
        SkillsGraph g = taxonomy.require().graph();
        String t = title(title);
        if (occupation == null || occupation.isBlank()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "occupation is required: the ESCO or O*NET"
                    + " occupation whose skills are the template (search for one on /skills)");
        }
        Occupation o = g.occupation(occupation.strip()).orElseThrow(() -> new MicrocredException(
                Problem.INVALID_REQUEST, "unknown occupation: " + Catalogues.quote(occupation.strip())
                        + " (an ESCO occupation URI or an O*NET-SOC code such as 15-1251.00)"));
        List<Need> needs = requirements == null || requirements.isNull() ? template(g, o) : needs(g, requirements);
        if (needs.isEmpty()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the occupation " + o.label()
                    + " lists no required skills: give requirements");
        }
        Instant now = p.clock().instant();
        StoredPosting posting = new StoredPosting(UUID.randomUUID().toString(), employer.id(), t, o.id(),
                Json.write(json(needs)), now, now);
        p.db().inTransaction(c -> {
            career.postings().insert(c, posting);
            return null;
        });
        LOG.info("job posting created posting={} employer={} requirements={}", posting.id(), employer.id(),
                needs.size());
        return posting;
    }

    /** Replaces the title (when not null) and the requirements of a posting of {@code employer}. */
    public StoredPosting update(Account employer, String id, String title, JsonNode requirements) {
        StoredPosting posting = posting(employer, id);
        String t = title == null ? posting.title() : title(title);
        List<Need> needs = needs(taxonomy.require().graph(), requirements);
        p.db().inTransaction(c -> {
            career.postings().update(c, id, t, Json.write(json(needs)), p.clock().instant());
            return null;
        });
        return posting(employer, id);
    }

    /** The stored requirements of a posting. */
    public static List<Need> needs(StoredPosting posting) {
        List<Need> out = new ArrayList<>();
        for (JsonNode n : Json.parse(posting.requirements())) {
            out.add(new Need(n.path("skill").asText(), n.path("importance").asDouble(),
                    n.hasNonNull("minLevel") ? n.get("minLevel").asInt() : null));
        }
        return out;
    }

    static ArrayNode json(List<Need> needs) {
        ArrayNode a = Json.mapper().createArrayNode();
        for (Need n : needs) {
            ObjectNode o = a.addObject();
            o.put("skill", n.skillId());
            o.put("importance", n.importance());
            if (n.minLevel() == null) {
                o.putNull("minLevel");
            } else {
                o.put("minLevel", n.minLevel());
            }
        }
        return a;
    }

    /** The heaviest required skills of {@code o}: importance = the gap weight × 5, minimum level = O*NET's. */
    static List<Need> template(SkillsGraph g, Occupation o) {
        List<Need> out = new ArrayList<>();
        for (Requirement r : SkillsJson.required(g, o)) {
            if (out.size() == TEMPLATE_SKILLS) {
                break;
            }
            double importance = Math.max(0.1, Math.round(GapAnalyzer.weight(r) * 50) / 10.0);
            out.add(new Need(r.skillId(), importance, GapAnalyzer.requiredLevel(r)));
        }
        return out;
    }

    /**
     * Requirements from JSON: {@code [{"skill", "importance", "minLevel"}]}, 1 to {@value #MAX_REQUIREMENTS},
     * distinct known skills, importance in (0, 100], minimum level 0–7 or null.
     */
    static List<Need> needs(SkillsGraph g, JsonNode list) {
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "requirements must be a non-empty array of"
                    + " {\"skill\", \"importance\", \"minLevel\"}");
        }
        if (list.size() > MAX_REQUIREMENTS) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "at most " + MAX_REQUIREMENTS + " requirements");
        }
        List<Need> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String where = "requirements[" + i + "]";
            if (!n.isObject() || !n.path("skill").isTextual()) {
                throw new MicrocredException(Problem.INVALID_REQUEST, where + " must be an object with a skill id");
            }
            String skill = Catalogues.skillId(g, n.get("skill").asText().strip(), where);
            if (!seen.add(skill)) {
                throw new MicrocredException(Problem.INVALID_REQUEST, where + ": skill " + Catalogues.quote(skill)
                        + " is required twice");
            }
            JsonNode imp = n.get("importance");
            double importance = imp == null || imp.isNull() ? 3 : imp.isNumber() ? imp.asDouble() : Double.NaN;
            if (!(importance > 0 && importance <= 100)) {
                throw new MicrocredException(Problem.INVALID_REQUEST, where + ": importance must be a number above 0"
                        + " and at most 100");
            }
            JsonNode lv = n.get("minLevel");
            Integer min = null;
            if (lv != null && !lv.isNull()) {
                if (!lv.canConvertToInt() || !lv.isIntegralNumber() || lv.asInt() < 0 || lv.asInt() > 7) {
                    throw new MicrocredException(Problem.INVALID_REQUEST, where + ": minLevel must be an integer"
                            + " from 0 to 7, or null for any level");
                }
                min = lv.asInt();
            }
            out.add(new Need(skill, importance, min));
        }
        return out;
    }

    private static String title(String title) {
        if (title == null || title.isBlank()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "title is required: the job's title");
        }
        if (title.strip().length() > 300) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "title is at most 300 characters");
        }
        return title.strip();
    }

    // ---- matching

    /** The pseudonym of a learner for a posting. */
    static String pseudonym(String postingId, String accountId) {
        byte[] d = Sha256.digest("microcred candidate v1\0" + postingId + "\0" + accountId);
        return "candidate-" + HexFormat.of().formatHex(d, 0, 6);
    }

    private record Ranked(RankedCandidate candidate, String account, String pseudonym) {
    }

    private List<Ranked> ranked(StoredPosting posting, int k, TalentPool.Snapshot s) {
        List<JobRequirement> reqs = new ArrayList<>();
        for (Need n : needs(posting)) {
            reqs.add(new JobRequirement(n.skillId(), n.importance(), n.minLevel()));
        }
        LocalDate today = LocalDate.ofInstant(p.clock().instant(), ZoneOffset.UTC);
        List<Ranked> out = new ArrayList<>();
        for (RankedCandidate c : s.index().topK(new JobPosting(posting.id(), reqs), k, today)) {
            String account = s.accounts().get((int) c.learnerKey());
            out.add(new Ranked(c, account, pseudonym(posting.id(), account)));
        }
        return out;
    }

    /**
     * The best {@code k} discoverable candidates for a posting of {@code employer}, pseudonymous, best first.
     *
     * @throws MicrocredException {@code INVALID_REQUEST} when k is not 1..100
     */
    public List<Candidate> candidates(Account employer, String postingId, int k) {
        if (k < 1 || k > 100) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "limit must be an integer from 1 to 100");
        }
        StoredPosting posting = posting(employer, postingId);
        SkillsGraph g = taxonomy.require().graph();
        TalentPool.Snapshot s = pool.current();
        Set<String> shortlisted = new HashSet<>();
        Map<String, String> contacted = new HashMap<>();
        p.db().read(c -> {
            career.shortlists().byPosting(c, posting.id()).forEach(e -> shortlisted.add(e.learnerAccountId()));
            career.contacts().byPosting(c, posting.id()).forEach(r -> contacted.put(r.learnerAccountId(), r.state()));
            return null;
        });
        Map<String, Need> needs = new HashMap<>();
        needs(posting).forEach(n -> needs.put(n.skillId(), n));
        List<Candidate> out = new ArrayList<>();
        for (Ranked r : ranked(posting, k, s)) {
            List<Proof> proofs = new ArrayList<>();
            for (var m : r.candidate().matches()) {
                Need n = needs.get(m.skillId());
                TalentPool.CredentialRef ref = m.matched() && m.credentialKey() >= 0
                        && m.credentialKey() < s.credentials().size() ? s.credentials().get((int) m.credentialKey())
                        : null;
                proofs.add(new Proof(m.skillId(), SkillsJson.label(g, m.skillId()), m.importance(),
                        n == null ? null : n.minLevel(), m.matched(), ref == null ? null : ref.achievementName(),
                        ref == null ? null : ref.issuerName(), m.level(), m.levelMet(), m.provenOn(),
                        !m.matched() ? "none" : m.credibility().accredited() ? "accredited"
                                : m.credibility().endorsed() ? "endorsed" : "none",
                        ref == null ? null : ref.standing(), m.recency(), m.contribution()));
            }
            out.add(new Candidate(r.pseudonym(), r.candidate().score(), r.candidate().explanation(), proofs,
                    shortlisted.contains(r.account()), contacted.get(r.account())));
        }
        return out;
    }

    private Ranked resolve(StoredPosting posting, String pseudonym) {
        if (pseudonym == null || pseudonym.isBlank() || pseudonym.length() > 40) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "candidate is required: a candidate's pseudonym"
                    + " from the posting's candidates");
        }
        for (Ranked r : ranked(posting, MAX_CANDIDATES, pool.current())) {
            if (r.pseudonym().equals(pseudonym.strip())) {
                return r;
            }
        }
        throw new MicrocredException(Problem.NOT_FOUND, "no candidate " + Catalogues.quote(pseudonym.strip())
                + " among the discoverable learners matching this posting");
    }

    /** Shortlists a candidate; whether they were not on the list yet. */
    public boolean shortlist(Account employer, String postingId, String pseudonym) {
        StoredPosting posting = posting(employer, postingId);
        Ranked r = resolve(posting, pseudonym);
        boolean added = p.db().inTransaction(c -> career.shortlists().add(c, new ShortlistEntry(posting.id(),
                r.account(), r.pseudonym(), r.candidate().score(), p.clock().instant())));
        LOG.info("candidate shortlisted posting={} candidate={}", posting.id(), r.pseudonym());
        return added;
    }

    /** The shortlist of a posting. */
    public List<ShortlistEntry> shortlist(Account employer, String postingId) {
        StoredPosting posting = posting(employer, postingId);
        return p.db().read(c -> career.shortlists().byPosting(c, posting.id()));
    }

    /**
     * Sends a contact request to a candidate.
     *
     * @throws MicrocredException {@code INVALID_REQUEST} for an empty or long message, {@code CONFLICT} when the
     *     candidate was contacted about this posting already
     */
    public ContactRequest contact(Account employer, String postingId, String pseudonym, String message) {
        StoredPosting posting = posting(employer, postingId);
        if (message == null || message.isBlank()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "message is required: what you would like to"
                    + " discuss with the candidate");
        }
        if (message.strip().length() > MAX_MESSAGE) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "message is at most " + MAX_MESSAGE
                    + " characters");
        }
        Ranked r = resolve(posting, pseudonym);
        ContactRequest request = new ContactRequest(UUID.randomUUID().toString(), posting.id(), employer.id(),
                r.account(), r.pseudonym(), message.strip(), ContactRequest.PENDING, p.clock().instant(), null);
        p.db().inTransaction(c -> {
            if (career.contacts().byPostingAndLearner(c, posting.id(), r.account()).isPresent()) {
                throw new MicrocredException(Problem.CONFLICT, "this candidate was contacted about this posting"
                        + " already: wait for their answer");
            }
            career.contacts().insert(c, request);
            return null;
        });
        LOG.info("contact requested request={} posting={} candidate={}", request.id(), posting.id(), r.pseudonym());
        return request;
    }

    /** The contact requests of a posting; name and email only for accepted ones. */
    public List<Contact> contacts(Account employer, String postingId) {
        StoredPosting posting = posting(employer, postingId);
        return p.db().read(c -> {
            List<Contact> out = new ArrayList<>();
            for (ContactRequest r : career.contacts().byPosting(c, posting.id())) {
                Optional<Account> learner = r.accepted() ? p.store().accounts().byId(c, r.learnerAccountId())
                        : Optional.empty();
                out.add(new Contact(r, learner.map(Account::displayName).orElse(null),
                        learner.map(Account::email).orElse(null)));
            }
            return out;
        });
    }

    // ---- the learner's side

    public boolean isDiscoverable(String accountId) {
        return p.db().read(c -> career.talent().isDiscoverable(c, accountId));
    }

    /** Opts the learner in or out of matching; the candidate index follows at its next use. */
    public void setDiscoverable(String accountId, boolean discoverable) {
        p.db().inTransaction(c -> {
            career.talent().put(c, accountId, discoverable, p.clock().instant());
            return null;
        });
        pool.changed(accountId);
        LOG.info("discoverable account={} discoverable={}", accountId, discoverable);
    }

    /** The contact requests the learner received, newest first. */
    public List<Received> received(String accountId) {
        return p.db().read(c -> {
            List<Received> out = new ArrayList<>();
            for (ContactRequest r : career.contacts().byLearner(c, accountId)) {
                String title = career.postings().byId(c, r.postingId()).map(StoredPosting::title).orElse("");
                String employer = p.store().accounts().byId(c, r.employerAccountId()).map(Account::displayName)
                        .orElse("an employer");
                out.add(new Received(r, title, employer));
            }
            return out;
        });
    }

    /**
     * The learner accepts or declines a request addressed to them (anyone else: 404).
     *
     * @throws MicrocredException {@code CONFLICT} when it was answered already
     */
    public ContactRequest answer(String accountId, String requestId, boolean accept) {
        ContactRequest answered = p.db().inTransaction(c -> {
            ContactRequest r = career.contacts().byId(c, requestId).filter(x -> x.learnerAccountId().equals(accountId))
                    .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no such contact request for you"));
            if (!career.contacts().answer(c, r.id(), accept ? ContactRequest.ACCEPTED : ContactRequest.DECLINED,
                    p.clock().instant())) {
                throw new MicrocredException(Problem.CONFLICT, "this request was answered already ("
                        + r.state() + ")");
            }
            return career.contacts().byId(c, r.id()).orElseThrow();
        });
        LOG.info("contact answered request={} state={}", answered.id(), answered.state());
        return answered;
    }
}
