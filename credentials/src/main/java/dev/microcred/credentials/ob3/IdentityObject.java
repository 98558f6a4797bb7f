package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.Bytes;
import dev.microcred.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

/**
 * OB 3.0 {@code IdentityObject}: a recipient identifier, usually hashed: {@code identityHash} =
 * {@code sha256$} + lower-case hex SHA-256 of (identifier + salt).
 *
 * @param identityType such as {@code emailAddress}, {@code sourcedId}, {@code ext:...}
 */
public record IdentityObject(List<String> type, boolean hashed, String identityHash, String identityType,
                             String salt, Extras extras) {
    private static final String SHA256_PREFIX = "sha256$";

    public IdentityObject {
        type = List.copyOf(type);
        Objects.requireNonNull(identityHash, "identityHash");
        Objects.requireNonNull(identityType, "identityType");
        Objects.requireNonNull(extras, "extras");
    }

    /** A hashed {@code emailAddress} identifier with a fresh random salt (16 bytes, hex). */
    public static IdentityObject hashedEmail(String email, SecureRandom random) {
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = Bytes.of(saltBytes).hex();
        // The OB 3.0 schema types IdentityObject.type as one string, not an array
        return new IdentityObject(List.of("IdentityObject"), true, hash(email.strip(), salt), "emailAddress", salt,
                Extras.of(dev.microcred.credentials.json.Json.object(), java.util.Set.of("type")));
    }

    /** {@code sha256$} + hex SHA-256 of {@code identifier + salt} (an empty salt when null). */
    public static String hash(String identifier, String salt) {
        String input = identifier + (salt == null ? "" : salt);
        return SHA256_PREFIX + Sha256.hex(input.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code identifier} is the one this object identifies (hashed or plain). */
    public boolean matches(String identifier) {
        String expected = hashed ? hash(identifier.strip(), salt) : identifier.strip();
        String actual = hashed ? identityHash.toLowerCase(java.util.Locale.ROOT) : identityHash;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }

    static IdentityObject parse(JsonNode node, String path) {
        Fields f = Fields.of(node, path);
        List<String> type = f.type("IdentityObject");
        Boolean hashed = f.bool("hashed");
        if (hashed == null) {
            throw Fields.malformed(f.path("hashed") + " is required");
        }
        return new IdentityObject(type, hashed, f.requiredString("identityHash"),
                f.requiredString("identityType"), f.string("salt"), f.rest());
    }

    public ObjectNode toJson() {
        return new JsonOut(extras).strings("type", type).bool("hashed", hashed).string("identityHash", identityHash)
                .string("identityType", identityType).string("salt", salt).done();
    }
}
