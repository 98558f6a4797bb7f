package dev.microcred.server.skills;

import dev.microcred.server.Platform;
import dev.microcred.skills.profile.Credibility;
import dev.microcred.store.CareerStore;
import dev.microcred.store.Issuer;
import dev.microcred.store.IssuerStanding;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Issuer credibility, defined concretely: the platform admin records that an issuer of this platform is
 * <em>accredited</em> by a named body (an accreditation or quality-assurance agency) and/or <em>endorsed</em> by a
 * named body (an industry association, an employer group). A credential counts as accredited or endorsed evidence
 * when its {@code issuer} id is the DID of such an issuer; credentials of other issuers (imports from elsewhere) are
 * {@link Credibility#NONE}. Matching weighs evidence by {@link Credibility#weight()} and portfolio advice lists
 * credible providers first. Thread-safe; every lookup reads the current records.
 */
public final class IssuerCredibility {
    private final Platform p;
    private final CareerStore career;

    public IssuerCredibility(Platform platform, CareerStore career) {
        this.p = Objects.requireNonNull(platform, "platform");
        this.career = Objects.requireNonNull(career, "career");
    }

    /** An issuer of this platform with what the admin recorded about it. */
    public record Standing(Issuer issuer, String accreditedBy, String endorsedBy) {
        public Credibility credibility() {
            return new Credibility(accreditedBy != null, endorsedBy != null);
        }
    }

    /** The standing in words: "accredited by ...", "endorsed by ...", both, or "no standing recorded". */
    public static String describe(Standing s) {
        if (s == null || (s.accreditedBy() == null && s.endorsedBy() == null)) {
            return "no standing recorded";
        }
        return s.accreditedBy() == null ? "endorsed by " + s.endorsedBy() : "accredited by " + s.accreditedBy()
                + (s.endorsedBy() == null ? "" : ", endorsed by " + s.endorsedBy());
    }

    /** Every issuer of the platform by DID, with its standing (none recorded: both null). */
    public Map<String, Standing> byDid() {
        return p.db().read(c -> {
            Map<String, IssuerStanding> standings = new HashMap<>();
            career.standings().all(c).forEach(s -> standings.put(s.issuerId(), s));
            Map<String, Standing> out = new HashMap<>();
            for (Issuer i : p.store().issuers().all(c)) {
                IssuerStanding s = standings.get(i.id());
                out.put(i.did(), new Standing(i, s == null ? null : s.accreditedBy(), s == null ? null : s.endorsedBy()));
            }
            return out;
        });
    }

    /** Every issuer with its standing, by slug order. */
    public List<Standing> all() {
        return byDid().values().stream().sorted(java.util.Comparator.comparing(s -> s.issuer().slug())).toList();
    }

    /**
     * Records the issuer's standing; a blank body name clears that part.
     *
     * @throws dev.microcred.core.MicrocredException {@code INVALID_REQUEST} for a name above 300 characters
     */
    public void record(Issuer issuer, String accreditedBy, String endorsedBy) {
        String accredited = name(accreditedBy, "accreditedBy");
        String endorsed = name(endorsedBy, "endorsedBy");
        p.db().inTransaction(c -> {
            career.standings().put(c, new IssuerStanding(issuer.id(), accredited, endorsed, p.clock().instant()));
            return null;
        });
    }

    private static String name(String v, String field) {
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.strip();
        if (s.length() > 300) {
            throw new dev.microcred.core.MicrocredException(dev.microcred.core.Problem.INVALID_REQUEST,
                    field + " is at most 300 characters");
        }
        return s;
    }
}
