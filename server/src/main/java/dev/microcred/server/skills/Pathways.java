package dev.microcred.server.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.skills.stacking.StackablePathway;
import dev.microcred.skills.stacking.StackingRules;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.Store;
import dev.microcred.store.StoredAchievement;
import dev.microcred.store.StoredPathway;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Issuers' stackable pathways: achievements A, B, C (of any issuer of this platform) stack into the issuer's milestone
 * achievement D. Milestone cycles across all pathways of the platform are refused, named by achievement. Expressed in
 * CLR 2.0 as {@code isPartOf} associations from each part to the milestone. Thread-safe.
 */
public final class Pathways {
    static final int MAX_PARTS = 20;
    private final Database db;
    private final Store store;
    private final String baseUrl;
    private final Clock clock;

    public Pathways(Database db, Store store, String baseUrl, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Defines a pathway from {@code {"name", "milestone": achievementId, "parts": [achievementId...], "minimum"}}
     * ({@code minimum} defaults to every part).
     *
     * @throws MicrocredException {@code INVALID_REQUEST} for a bad body, an unknown or archived achievement, a milestone
     *     of another issuer, a milestone among its own parts, or a cycle ("milestone cycle: D -> E -> D", D stacking
     *     from E)
     */
    public StoredPathway create(Issuer issuer, ObjectNode body) {
        String name = body.path("name").asText("").strip();
        if (name.isEmpty() || name.length() > 300) {
            throw invalid("name is required (at most 300 characters)");
        }
        String milestoneId = body.path("milestone").asText("").strip();
        StoredAchievement milestone = achievement(milestoneId, "milestone");
        if (!milestone.issuerId().equals(issuer.id())) {
            throw invalid("the milestone must be an achievement of this issuer");
        }
        JsonNode given = body.path("parts");
        if (!given.isArray() || given.isEmpty() || given.size() > MAX_PARTS) {
            throw invalid("parts must be an array of 1 to " + MAX_PARTS + " achievement ids");
        }
        Set<String> parts = new LinkedHashSet<>();
        for (JsonNode p : given) {
            StoredAchievement a = achievement(p.asText("").strip(), "part");
            if (!parts.add(a.id())) {
                throw invalid("part " + a.id() + " is listed twice");
            }
        }
        if (parts.contains(milestone.id())) {
            throw invalid("the milestone cannot be one of its own parts");
        }
        int minimum = parts.size();
        JsonNode m = body.get("minimum");
        if (m != null && !m.isNull()) {
            if (!m.isIntegralNumber() || m.asInt() < 1 || m.asInt() > parts.size()) {
                throw invalid("minimum must be an integer from 1 to the number of parts (" + parts.size() + ")");
            }
            minimum = m.asInt();
        }
        StoredPathway pathway = new StoredPathway(UUID.randomUUID().toString(), issuer.id(), name, milestone.id(),
                new ArrayList<>(parts), minimum, clock.instant());
        List<StoredPathway> all = new ArrayList<>(db.read(c -> store.pathways().all(c)));
        all.add(pathway);
        try {
            StackingRules.of(all.stream().map(Pathways::rule).toList());
        } catch (MicrocredException e) {
            throw invalid(named(e.getMessage()));
        }
        db.inTransaction(c -> {
            store.pathways().insert(c, pathway);
            return null;
        });
        return pathway;
    }

    /** The skills module's rule for a stored pathway. */
    static StackablePathway rule(StoredPathway p) {
        return new StackablePathway(p.id(), p.milestoneId(), p.parts(), p.minParts());
    }

    public List<StoredPathway> of(Issuer issuer) {
        return db.read(c -> store.pathways().byIssuer(c, issuer.id()));
    }

    /** The JSON form: parts and milestone with names and URLs, and the CLR 2.0 associations. */
    public ObjectNode json(StoredPathway p) {
        Map<String, StoredAchievement> byId = achievements(p);
        ObjectNode out = Json.object();
        out.put("id", p.id());
        out.put("name", p.name());
        out.set("milestone", ref(byId.get(p.milestoneId())));
        ArrayNode parts = out.putArray("parts");
        p.parts().forEach(id -> parts.add(ref(byId.get(id))));
        out.put("minimum", p.minParts());
        ArrayNode associations = out.putArray("associations");
        for (String part : p.parts()) {
            ObjectNode a = associations.addObject();
            a.put("type", "Association");
            a.put("associationType", "isPartOf");
            a.put("sourceId", url(byId.get(part)));
            a.put("targetId", url(byId.get(p.milestoneId())));
        }
        return out;
    }

    private Map<String, StoredAchievement> achievements(StoredPathway p) {
        List<String> ids = new ArrayList<>(p.parts());
        ids.add(p.milestoneId());
        return db.read(c -> {
            List<StoredAchievement> out = new ArrayList<>();
            for (String id : ids) {
                store.achievements().byId(c, id).ifPresent(out::add);
            }
            return out;
        }).stream().collect(Collectors.toMap(StoredAchievement::id, Function.identity()));
    }

    private ObjectNode ref(StoredAchievement a) {
        ObjectNode o = Json.object();
        o.put("id", a.id());
        o.put("name", a.name());
        o.put("url", url(a));
        return o;
    }

    /** The achievement's URL (its OB 3.0 id). */
    String url(StoredAchievement a) {
        return Json.parseObject(a.document()).path("id").asText();
    }

    private StoredAchievement achievement(String id, String what) {
        if (id.isEmpty()) {
            throw invalid(what + " is required: an achievement id");
        }
        Optional<StoredAchievement> a = db.read(c -> store.achievements().byId(c, id));
        if (a.isEmpty()) {
            throw invalid("unknown " + what + " achievement " + Catalogues.quote(id));
        }
        if (a.get().archivedAt() != null) {
            throw invalid("the " + what + " achievement " + id + " is archived");
        }
        return a.get();
    }

    /** The cycle message with achievement names beside their ids. */
    private String named(String message) {
        String out = message;
        for (String token : message.split("[ :]+")) {
            if (token.matches("[0-9a-f-]{36}")) {
                Optional<StoredAchievement> a = db.read(c -> store.achievements().byId(c, token));
                if (a.isPresent()) {
                    out = out.replace(token, "\"" + a.get().name() + "\" (" + token + ")");
                }
            }
        }
        return out;
    }

    private static MicrocredException invalid(String message) {
        return new MicrocredException(Problem.INVALID_REQUEST, message);
    }
}
