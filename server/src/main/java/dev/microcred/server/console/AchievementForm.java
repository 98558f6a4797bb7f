package dev.microcred.server.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.server.issuing.AchievementCatalog;
import dev.microcred.store.StoredAchievement;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the achievement form holds, as typed (numbers stay text until {@link #toRequest} checks them), so that a form
 * with an error is shown again as it was sent.
 *
 * @param skills the chosen skill and occupation ids (ESCO URIs, O*NET codes)
 */
record AchievementForm(String name, String description, String criteria, List<String> skills, String eqfLevel,
                       String ects, String workloadHours, String assessment, String participation,
                       String qualityAssurance, String validityDays, String status) {
    AchievementForm {
        skills = List.copyOf(skills);
    }

    static AchievementForm empty() {
        return new AchievementForm("", "", "", List.of(), "", "", "", "", "", "", "",
                AchievementCatalog.STATUS_REVOCATION);
    }

    /** The form as posted: checked {@code skills} boxes plus the ids typed in {@code skillIds}, one per line. */
    static AchievementForm posted(Context ctx) {
        Set<String> skills = new LinkedHashSet<>(ctx.formParams("skills"));
        String typed = ctx.formParam("skillIds");
        if (typed != null) {
            for (String line : typed.split("[\\r\\n,]+")) {
                if (!line.isBlank()) {
                    skills.add(line.strip());
                }
            }
        }
        return new AchievementForm(v(ctx, "name"), v(ctx, "description"), v(ctx, "criteria"), new ArrayList<>(skills),
                v(ctx, "eqfLevel"), v(ctx, "ects"), v(ctx, "workloadHours"), v(ctx, "assessment"),
                v(ctx, "participation"), v(ctx, "qualityAssurance"), v(ctx, "validityDays"), v(ctx, "status"));
    }

    /** The form for editing a stored achievement, read back from its OB 3.0 document. */
    static AchievementForm of(StoredAchievement a) {
        JsonNode d = Json.parse(a.document());
        List<String> skills = new ArrayList<>();
        String eqf = "";
        for (JsonNode al : d.path("alignment")) {
            if (al.path("targetUrl").asText("").startsWith(AchievementCatalog.EQF_URL)) {
                eqf = al.path("targetCode").asText("");
            } else if (al.hasNonNull("targetCode")) {
                skills.add(al.path("targetCode").asText());
            }
        }
        String workload = "";
        String assessment = "";
        String participation = "";
        String quality = "";
        for (JsonNode t : d.path("tag")) {
            String tag = t.asText();
            if (tag.startsWith(AchievementCatalog.TAG_WORKLOAD)) {
                workload = tag.substring(AchievementCatalog.TAG_WORKLOAD.length()).replace(" hours", "");
            } else if (tag.startsWith(AchievementCatalog.TAG_ASSESSMENT)) {
                assessment = tag.substring(AchievementCatalog.TAG_ASSESSMENT.length());
            } else if (tag.startsWith(AchievementCatalog.TAG_PARTICIPATION)) {
                participation = tag.substring(AchievementCatalog.TAG_PARTICIPATION.length());
            } else if (tag.startsWith(AchievementCatalog.TAG_QUALITY)) {
                quality = tag.substring(AchievementCatalog.TAG_QUALITY.length());
            }
        }
        return new AchievementForm(a.name(), d.path("description").asText(""),
                d.path("criteria").path("narrative").asText(""), skills, eqf,
                d.hasNonNull("creditsAvailable") ? d.path("creditsAvailable").asText() : "", workload, assessment,
                participation, quality, a.validityDays() == null ? "" : a.validityDays().toString(),
                AchievementCatalog.statusSetting(a));
    }

    /** The request {@link AchievementCatalog#create} takes. @throws MicrocredException for a number that is not one */
    ObjectNode toRequest() {
        ObjectNode r = Json.object();
        r.put("name", name);
        r.put("description", description);
        r.put("criteria", criteria);
        ArrayNode s = r.putArray("skills");
        skills.forEach(s::add);
        integer(r, "eqfLevel", eqfLevel);
        integer(r, "workloadHours", workloadHours);
        integer(r, "validityDays", validityDays);
        if (!ects.isBlank()) {
            try {
                r.put("ects", new BigDecimal(ects.strip()));
            } catch (NumberFormatException e) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "ECTS credits must be a number");
            }
        }
        text(r, "assessment", assessment);
        text(r, "participation", participation);
        text(r, "qualityAssurance", qualityAssurance);
        text(r, "status", status);
        return r;
    }

    private static void integer(ObjectNode r, String name, String value) {
        if (value.isBlank()) {
            return;
        }
        try {
            r.put(name, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new MicrocredException(Problem.INVALID_REQUEST, name + " must be a whole number");
        }
    }

    private static void text(ObjectNode r, String name, String value) {
        if (!value.isBlank()) {
            r.put(name, value);
        }
    }

    private static String v(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
