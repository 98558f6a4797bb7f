package dev.microcred.server.skills;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.server.Platform;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.store.Account;
import dev.microcred.store.Issuer;
import dev.microcred.store.StoredAchievement;
import dev.microcred.store.StoredPosting;
import java.time.Duration;
import java.util.List;

/**
 * The career part of the demo: Contoso Skills Council accredited and Northwind Academy endorsed (recorded by the
 * platform admin), demo learners with claimed credentials who opted in to be discoverable, Ada's career goal (O*NET
 * 15-1251.00 Computer Programmers), and the demo employer's posting "Junior Python developer" made from that
 * occupation, so that its candidates are ranked on first sight.
 */
public final class CareerDemo {
    /** The demo employer's sign-in (role verifier). */
    public static final String EMPLOYER = "hana@hiring.demo.microcred.dev";
    /** Discoverable demo learners besides Ada: email and name. */
    public static final List<String[]> TALENT = List.of(
            new String[] {"linus@demo.microcred.dev", "Linus Torvalds"},
            new String[] {"margaret@demo.microcred.dev", "Margaret Hamilton"});
    static final String PROGRAMMERS = "15-1251.00";

    private CareerDemo() {
    }

    /**
     * Seeds the career demo once (the issuers were just created); loads the skills frameworks first (up to five
     * minutes). Adds {@code posting} and {@code goal} to {@code out}.
     */
    public static void seed(Platform p, CareerServices career, Issuer northwind, Issuer contoso, ObjectNode out) {
        TaxonomyLoader.shared().await(Duration.ofMinutes(5));
        career.credibility().record(contoso, "National Accreditation Agency (demo)", null);
        career.credibility().record(northwind, null, "Software Industry Association (demo)");
        List<StoredAchievement> nw = p.achievements().of(northwind);
        StoredAchievement python = named(nw, "Python Programming Foundations");
        StoredAchievement reading = named(nw, "Technical Reading");
        StoredAchievement developer = named(p.achievements().of(contoso), "Certified Software Developer (Associate)");
        earn(p, northwind, python, TALENT.get(0)[0]);
        earn(p, northwind, reading, TALENT.get(0)[0]);
        earn(p, contoso, developer, TALENT.get(1)[0]);
        earn(p, northwind, reading, TALENT.get(1)[0]);
        for (String email : List.of("ada@demo.microcred.dev", TALENT.get(0)[0], TALENT.get(1)[0])) {
            career.employers().setDiscoverable(account(p, email).id(), true);
        }
        career.goals().set(account(p, "ada@demo.microcred.dev").id(), PROGRAMMERS, "workload");
        StoredPosting posting = career.employers().create(account(p, EMPLOYER), "Junior Python developer",
                PROGRAMMERS, null);
        out.put("posting", p.baseUrl() + "/employer/postings/" + posting.id());
        out.put("careerGoal", p.baseUrl() + "/wallet/goal");
    }

    private static void earn(Platform p, Issuer issuer, StoredAchievement a, String email) {
        String id = p.issuance().issue(issuer, a, new Issuance.Recipient(email, null), null, null).stored().id();
        Account learner = account(p, email);
        p.db().inTransaction(c -> p.store().credentials().claim(c, id, learner.id(), p.clock().instant()));
    }

    private static Account account(Platform p, String email) {
        return p.db().read(c -> p.store().accounts().byEmail(c, email)).orElseThrow(
                () -> new IllegalStateException("demo account missing"));
    }

    private static StoredAchievement named(List<StoredAchievement> list, String name) {
        return list.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("demo achievement missing: " + name));
    }
}
