package dev.microcred.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.crypto.PasswordHash;
import dev.microcred.server.issuing.AccessTokens;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.issuing.Scopes;
import dev.microcred.server.issuing.StatusRegistry;
import dev.microcred.server.skills.CareerDemo;
import dev.microcred.server.skills.SkillsDemo;
import dev.microcred.store.Account;
import dev.microcred.store.Issuer;
import dev.microcred.store.Membership;
import dev.microcred.store.StoredAchievement;
import dev.microcred.store.StoredPathway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds a demonstration into a running server: two issuers (Northwind Academy on {@code did:web}, the Contoso Skills
 * Council on {@code did:key}), achievements aligned to ESCO and O*NET skills, learner and admin accounts, and
 * credentials that are active, claimed, revoked and expired; and the career part ({@link CareerDemo}: a demo employer
 * with a posting, discoverable learners, a learner's goal, accredited and endorsed issuers). Writes {@value #FILE} into the data directory: the base
 * URL, the demo logins, and for each issuer its slug, DID and a fresh API token with the VCALM scopes, so that
 * scripts can drive the demo. Loading twice reuses what exists and writes fresh tokens.
 */
public final class Demo {
    public static final String FILE = "demo.json";
    /** The demo password of every demo account (a demo is public; never use it elsewhere). */
    public static final String PASSWORD = "microcred-demo";
    /** The demo learners (their credentials can be picked on the pathway planning page). */
    public static final List<String> LEARNERS = List.of("ada@demo.microcred.dev", "grace@demo.microcred.dev");
    static final String PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d";
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);

    private Demo() {
    }

    /** What was loaded: the demo file's path and content. */
    public record Loaded(Path file, ObjectNode content) {
    }

    public static Loaded load(MicrocredServer server) {
        Platform p = server.platform();
        Instant now = p.clock().instant();
        ObjectNode out = Json.object();
        out.put("baseUrl", p.baseUrl());
        ArrayNode logins = out.putArray("logins");
        String hash = PasswordHash.hash(PASSWORD.toCharArray());
        for (String[] a : List.of(new String[] {"admin@demo.microcred.dev", "Platform Admin", "platform-admin"},
                new String[] {"staff@northwind.demo.microcred.dev", "Nadia Staff", "issuer-admin"},
                new String[] {"ada@demo.microcred.dev", "Ada Lovelace", "learner"},
                new String[] {"grace@demo.microcred.dev", "Grace Hopper", "learner"},
                new String[] {CareerDemo.EMPLOYER, "Hana Recruiter", "verifier"},
                new String[] {CareerDemo.TALENT.get(0)[0], CareerDemo.TALENT.get(0)[1], "learner"},
                new String[] {CareerDemo.TALENT.get(1)[0], CareerDemo.TALENT.get(1)[1], "learner"})) {
            account(p, a[0], a[1], a[2], hash, now);
            ObjectNode login = logins.addObject();
            login.put("email", a[0]);
            login.put("password", PASSWORD);
            login.put("role", a[2]);
        }
        ArrayNode issuers = out.putArray("issuers");
        ArrayNode credentials = out.putArray("credentials");
        Seeded northwind = issuer(p, new IssuerRegistry.NewIssuer("northwind", "Northwind Academy",
                "https://northwind.example", "badges@northwind.example", "Short courses in software and data.", "web"));
        Seeded contoso = issuer(p, new IssuerRegistry.NewIssuer("contoso", "Contoso Skills Council",
                "https://contoso.example", null, "An industry body that certifies professional skills.", "key"));
        if (northwind.created()) {
            StoredAchievement python = p.achievements().create(northwind.issuer(), Json.parseObject("""
                    {"name": "Python Programming Foundations",
                     "description": "Writes, tests and debugs small Python programs.",
                     "criteria": "Complete the 6-week course and pass the **final project** review.",
                     "skills": ["%s", "onet:element/2.B.3.e", "15-1252.00"], "eqfLevel": 4, "ects": 3,
                     "workloadHours": 75, "assessment": "supervised project review", "participation": "online",
                     "qualityAssurance": "internal review board", "language": "en", "validityDays": 1095}
                    """.formatted(PYTHON)));
            StoredAchievement reading = p.achievements().create(northwind.issuer(), Json.parseObject("""
                    {"name": "Technical Reading", "description": "Reads and summarises technical documentation.",
                     "criteria": "Summarise three specifications to the assessor's satisfaction.",
                     "skills": ["onet:element/2.A.1.a"], "eqfLevel": 3, "ects": 1, "workloadHours": 25,
                     "assessment": "written summary", "participation": "blended", "qualityAssurance": "peer review",
                     "language": "en", "validityDays": 365}
                    """));
            issue(p, credentials, northwind.issuer(), python, "ada@demo.microcred.dev", null, null, "claimed", now);
            issue(p, credentials, northwind.issuer(), python, "grace@demo.microcred.dev", null, null, "active", now);
            issue(p, credentials, northwind.issuer(), reading, "grace@demo.microcred.dev",
                    now.minus(400, ChronoUnit.DAYS), now.minus(35, ChronoUnit.DAYS), "expired", now);
            String revoked = issue(p, credentials, northwind.issuer(), reading, "ada@demo.microcred.dev", null, null,
                    "revoked", now);
            p.status().change(northwind.issuer(), revoked, StatusRegistry.Change.REVOKE, "issued in error");
        }
        if (contoso.created()) {
            StoredAchievement developer = p.achievements().create(contoso.issuer(), Json.parseObject("""
                    {"name": "Certified Software Developer (Associate)",
                     "description": "Designs, builds and maintains software to a professional standard.",
                     "criteria": "Pass the proctored associate examination.",
                     "skills": ["15-1252.00", "15-1251.00"], "eqfLevel": 5, "ects": 6, "workloadHours": 150,
                     "assessment": "proctored examination", "participation": "onsite",
                     "qualityAssurance": "accredited by the national accreditation body", "language": "en",
                     "achievementType": "Certification", "validityDays": 730}
                    """));
            issue(p, credentials, contoso.issuer(), developer, "ada@demo.microcred.dev", null, null, "claimed", now);
        }
        p.accounts().addMember(northwind.issuer(), "staff@northwind.demo.microcred.dev", Membership.ADMIN);
        if (northwind.created() && contoso.created()) {
            StoredPathway track = SkillsDemo.seed(p, northwind.issuer(), contoso.issuer());
            out.put("pathway", p.baseUrl() + "/api/issuers/" + northwind.issuer().slug() + "/pathways#" + track.id());
            CareerDemo.seed(p, server.career(), northwind.issuer(), contoso.issuer(), out);
        }
        Set<String> demoScopes = new TreeSet<>(Scopes.VCALM);
        demoScopes.add(Scopes.CATALOGUE_WRITE);
        for (Seeded s : List.of(northwind, contoso)) {
            AccessTokens.Created token = p.tokens().create(s.issuer().id(), "demo token", demoScopes);
            ObjectNode i = issuers.addObject();
            i.put("slug", s.issuer().slug());
            i.put("name", s.issuer().name());
            i.put("did", s.issuer().did());
            i.put("didMethod", s.issuer().didMethod());
            i.put("apiToken", token.secret());
            ArrayNode scopes = i.putArray("scopes");
            demoScopes.forEach(scopes::add);
            i.put("vcalm", p.baseUrl() + "/issuers/" + s.issuer().slug() + "/vcalm");
        }
        Path file = p.config().dataDirectory().resolve(FILE);
        try {
            Files.writeString(file, Json.writePretty(out) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot write " + file, e);
        }
        LOG.info("demo loaded issuers=2 file={}", file);
        return new Loaded(file, out);
    }

    private record Seeded(Issuer issuer, boolean created) {
    }

    private static Seeded issuer(Platform p, IssuerRegistry.NewIssuer request) {
        Optional<Issuer> existing = p.db().read(c -> p.store().issuers().bySlug(c, request.slug()));
        return existing.map(i -> new Seeded(i, false)).orElseGet(() -> new Seeded(p.issuers().create(request), true));
    }

    private static void account(Platform p, String email, String name, String role, String hash, Instant now) {
        p.db().inTransaction(c -> {
            if (p.store().accounts().byEmail(c, email).isEmpty()) {
                p.store().accounts().insert(c, new Account(UUID.randomUUID().toString(), email, name, hash,
                        Set.of(role), now));
            }
            return null;
        });
    }

    private static String issue(Platform p, ArrayNode credentials, Issuer issuer, StoredAchievement achievement,
                                String email, Instant from, Instant until, String label, Instant now) {
        Issuance.Issued issued = p.issuance().issue(issuer, achievement, new Issuance.Recipient(email, null), from,
                until);
        if (label.equals("claimed")) {
            p.db().inTransaction(c -> {
                Account learner = p.store().accounts().byEmail(c, email).orElseThrow();
                return p.store().credentials().claim(c, issued.stored().id(), learner.id(), now);
            });
        }
        ObjectNode k = credentials.addObject();
        k.put("id", issued.stored().id());
        k.put("url", issued.pageUrl());
        k.put("issuer", issuer.slug());
        k.put("achievement", achievement.name());
        k.put("recipient", email);
        k.put("demoState", label);
        return issued.stored().id();
    }
}
