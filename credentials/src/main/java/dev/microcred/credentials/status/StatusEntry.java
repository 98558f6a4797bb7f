package dev.microcred.credentials.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code credentialStatus} entry that points into a bitstring status list: a {@code BitstringStatusListEntry}
 * (W3C Bitstring Status List v1.0 §2.1) or a legacy {@code StatusList2021Entry}.
 *
 * @param id the entry's {@code id}, or null when absent (it is optional)
 * @param type {@code BitstringStatusListEntry} or {@code StatusList2021Entry}
 * @param statusPurpose such as {@code revocation} or {@code suspension}
 * @param statusListIndex the entry's position in the list (a decimal string on the wire; a JSON number is tolerated)
 * @param statusListCredential the URL of the status list credential
 * @param statusSize bits per entry (1 unless the entry says otherwise)
 * @see <a href="https://www.w3.org/TR/vc-bitstring-status-list/#bitstringstatuslistentry">§2.1</a>
 */
public record StatusEntry(String id, String type, String statusPurpose, long statusListIndex,
                          URI statusListCredential, int statusSize) {
    public static final String BITSTRING_TYPE = "BitstringStatusListEntry";
    public static final String LEGACY_TYPE = "StatusList2021Entry";

    public StatusEntry {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(statusPurpose, "statusPurpose");
        Objects.requireNonNull(statusListCredential, "statusListCredential");
        if (statusListIndex < 0) {
            throw new IllegalArgumentException("statusListIndex must not be negative: " + statusListIndex);
        }
        if (statusSize < 1) {
            throw new IllegalArgumentException("statusSize must be positive: " + statusSize);
        }
    }

    /** A {@code BitstringStatusListEntry} of size 1 with {@code id} = list URL + {@code #} + index. */
    public static StatusEntry of(String statusPurpose, long statusListIndex, URI statusListCredential) {
        return new StatusEntry(statusListCredential + "#" + statusListIndex, BITSTRING_TYPE, statusPurpose,
                statusListIndex, statusListCredential, 1);
    }

    /**
     * The status entries of a credential: its {@code credentialStatus}, one object or an array. An absent
     * {@code credentialStatus} yields an empty list.
     *
     * @throws MicrocredException {@code UNSUPPORTED} for an entry of another type (such as
     *     {@code 1EdTechRevocationList}), {@code MALFORMED_INPUT} for a malformed entry
     */
    public static List<StatusEntry> parseAll(ObjectNode credential) {
        JsonNode status = credential.get("credentialStatus");
        List<StatusEntry> entries = new ArrayList<>();
        if (status == null || status.isNull()) {
            return entries;
        }
        if (status.isArray()) {
            for (int i = 0; i < status.size(); i++) {
                entries.add(parse(status.get(i), "credentialStatus[" + i + "]"));
            }
        } else {
            entries.add(parse(status, "credentialStatus"));
        }
        return List.copyOf(entries);
    }

    /** Parses one entry object. */
    public static StatusEntry parse(JsonNode entry) {
        return parse(entry, "credentialStatus");
    }

    private static StatusEntry parse(JsonNode entry, String path) {
        if (entry == null || !entry.isObject()) {
            throw malformed(path + " must be an object");
        }
        String type = typeOf(entry, path);
        if (!BITSTRING_TYPE.equals(type) && !LEGACY_TYPE.equals(type)) {
            throw new MicrocredException(Problem.UNSUPPORTED,
                    path + ".type " + type + " is not supported (BitstringStatusListEntry, StatusList2021Entry)");
        }
        String purpose = requiredText(entry, "statusPurpose", path);
        long index = parseIndex(entry.get("statusListIndex"), path + ".statusListIndex");
        String list = requiredText(entry, "statusListCredential", path);
        URI listUri;
        try {
            listUri = new URI(list);
        } catch (URISyntaxException e) {
            throw malformed(path + ".statusListCredential is not a URL: " + e.getMessage());
        }
        if (!listUri.isAbsolute()) {
            throw malformed(path + ".statusListCredential is not an absolute URL: " + list);
        }
        int size = 1;
        JsonNode sizeNode = entry.get("statusSize");
        if (sizeNode != null && !sizeNode.isNull()) {
            long s = parseIndex(sizeNode, path + ".statusSize");
            if (s < 1 || s > 8) {
                throw new MicrocredException(Problem.UNSUPPORTED, path + ".statusSize " + s + " is not supported (1 to 8)");
            }
            size = (int) s;
        }
        JsonNode id = entry.get("id");
        return new StatusEntry(id != null && id.isTextual() ? id.asText() : null, type, purpose, index, listUri, size);
    }

    private static String typeOf(JsonNode entry, String path) {
        JsonNode type = entry.get("type");
        if (type != null && type.isArray() && type.size() == 1) {
            type = type.get(0);
        }
        if (type == null || !type.isTextual()) {
            throw malformed(path + ".type is required and must be a string");
        }
        return type.asText();
    }

    private static String requiredText(JsonNode entry, String name, String path) {
        JsonNode v = entry.get(name);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw malformed(path + "." + name + " is required and must be a non-empty string");
        }
        return v.asText();
    }

    // §2.1: statusListIndex is a string holding a decimal integer; JSON numbers are tolerated on read.
    private static long parseIndex(JsonNode v, String path) {
        if (v == null || v.isNull()) {
            throw malformed(path + " is required");
        }
        if (v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= 0) {
            return v.asLong();
        }
        if (v.isTextual() && v.asText().matches("[0-9]{1,18}")) {
            return Long.parseLong(v.asText());
        }
        throw malformed(path + " must be a non-negative decimal integer, found " + v);
    }

    private static MicrocredException malformed(String message) {
        return new MicrocredException(Problem.MALFORMED_INPUT, message);
    }

    /** The entry as JSON, {@code statusListIndex} written as a decimal string. */
    public ObjectNode toJson() {
        ObjectNode node = dev.microcred.credentials.json.Json.object();
        if (id != null) {
            node.put("id", id);
        }
        node.put("type", type);
        node.put("statusPurpose", statusPurpose);
        node.put("statusListIndex", Long.toString(statusListIndex));
        node.put("statusListCredential", statusListCredential.toString());
        if (statusSize != 1) {
            node.put("statusSize", statusSize);
        }
        return node;
    }
}
