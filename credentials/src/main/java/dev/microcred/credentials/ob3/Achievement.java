package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * OB 3.0 {@code Achievement}: what is earned. {@code id}, {@code type} (containing {@code Achievement}),
 * {@code name}, {@code description} and {@code criteria} are required. The EU micro-credential elements microcred
 * uses map to OB 3.0 members: notional workload → {@code creditsAvailable} (ECTS), subject area →
 * {@code fieldOfStudy}, course code → {@code humanCode}, language → {@code inLanguage}, kind →
 * {@code achievementType} (an OB enumeration value or {@code ext:...}), keywords and skills → {@code tag}.
 * Everything else (endorsements, other identifiers, {@code specialization}, ...) stays in {@link #extras()}.
 *
 * @param creditsAvailable a JSON number as read ({@code Integer}, {@code Long}, {@code BigInteger} or
 *     {@code BigDecimal}), or null
 */
public record Achievement(String id, List<String> type, String name, String description, Criteria criteria,
                          Image image, List<Alignment> alignment, List<ResultDescription> resultDescription,
                          Profile creator, Number creditsAvailable, String fieldOfStudy, String humanCode,
                          String inLanguage, String achievementType, List<String> tag, Extras extras) {
    public Achievement {
        Objects.requireNonNull(id, "id");
        type = List.copyOf(type);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(criteria, "criteria");
        alignment = List.copyOf(alignment);
        resultDescription = List.copyOf(resultDescription);
        tag = List.copyOf(tag);
        Objects.requireNonNull(extras, "extras");
    }

    /** An achievement of type {@code Achievement} with only the required members. */
    public static Achievement of(String id, String name, String description, Criteria criteria) {
        return new Achievement(id, List.of("Achievement"), name, description, criteria, null, List.of(), List.of(),
                null, null, null, null, null, null, List.of(), Extras.NONE);
    }

    /** Parses an achievement; {@code path} names it in error messages. */
    public static Achievement parse(JsonNode node, String path) {
        Fields f = Fields.of(node, path);
        return new Achievement(f.requiredString("id"), f.type("Achievement"), f.requiredString("name"),
                f.requiredString("description"), f.requiredObject("criteria", Criteria::parse),
                f.object("image", Image::parse), f.objects("alignment", Alignment::parse),
                f.objects("resultDescription", ResultDescription::parse), f.object("creator", Profile::parse),
                f.number("creditsAvailable"), f.string("fieldOfStudy"), f.string("humanCode"),
                f.string("inLanguage"), f.string("achievementType"), f.strings("tag"), f.rest());
    }

    public ObjectNode toJson() {
        return new JsonOut(extras).string("id", id).strings("type", type).string("name", name)
                .string("description", description).object("criteria", criteria, c -> ((Criteria) c).toJson())
                .object("image", image, i -> ((Image) i).toJson())
                .objects("alignment", alignment, Alignment::toJson)
                .objects("resultDescription", resultDescription, ResultDescription::toJson)
                .object("creator", creator, p -> ((Profile) p).toJson())
                .number("creditsAvailable", creditsAvailable).string("fieldOfStudy", fieldOfStudy)
                .string("humanCode", humanCode).string("inLanguage", inLanguage)
                .string("achievementType", achievementType).strings("tag", tag).done();
    }

    /** A copy with {@code alignment} replaced. */
    public Achievement withAlignment(List<Alignment> alignment) {
        return new Achievement(id, type, name, description, criteria, image, alignment, resultDescription, creator,
                creditsAvailable, fieldOfStudy, humanCode, inLanguage, achievementType, tag, extras);
    }
}
