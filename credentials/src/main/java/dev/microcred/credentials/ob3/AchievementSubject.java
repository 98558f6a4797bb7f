package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * OB 3.0 {@code AchievementSubject}: the recipient ({@code id}, such as a DID, or hashed {@code identifier}s), the
 * {@link Achievement} and any {@link Result}s. OB 3.0 asks for an id or an identifier (the builders always set one)
 * but credentials in the wild omit both, so reading accepts that; {@link #hasRecipient()} tells.
 */
public record AchievementSubject(String id, List<String> type, List<IdentityObject> identifier,
                                 Achievement achievement, List<Result> result, Extras extras) {
    public AchievementSubject {
        type = List.copyOf(type);
        identifier = List.copyOf(identifier);
        Objects.requireNonNull(achievement, "achievement");
        result = List.copyOf(result);
        Objects.requireNonNull(extras, "extras");
    }

    /** A subject identified by a DID (or another URI). */
    public static AchievementSubject forId(String id, Achievement achievement) {
        return new AchievementSubject(Objects.requireNonNull(id, "id"), List.of("AchievementSubject"), List.of(),
                achievement, List.of(), Extras.NONE);
    }

    /** A subject identified by a salted hash of an email address. */
    public static AchievementSubject forEmail(String email, Achievement achievement, SecureRandom random) {
        return new AchievementSubject(null, List.of("AchievementSubject"),
                List.of(IdentityObject.hashedEmail(email, random)), achievement, List.of(), Extras.NONE);
    }

    /** Whether the subject names its recipient ({@code id} or {@code identifier}). */
    public boolean hasRecipient() {
        return id != null || !identifier.isEmpty();
    }

    static AchievementSubject parse(JsonNode node, String path) {
        Fields f = Fields.of(node, path);
        String id = f.string("id");
        List<String> type = f.type("AchievementSubject");
        List<IdentityObject> identifier = f.objects("identifier", IdentityObject::parse);
        return new AchievementSubject(id, type, identifier, f.requiredObject("achievement", Achievement::parse),
                f.objects("result", Result::parse), f.rest());
    }

    public ObjectNode toJson() {
        return new JsonOut(extras).string("id", id).strings("type", type)
                .objects("identifier", identifier, IdentityObject::toJson)
                .object("achievement", achievement, a -> ((Achievement) a).toJson())
                .objects("result", result, Result::toJson).done();
    }
}
