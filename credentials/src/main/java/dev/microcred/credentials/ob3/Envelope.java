package dev.microcred.credentials.ob3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.DateTimeStamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reading rules shared by the credential records (W3C VC Data Model 2.0 §4). Stateless. */
final class Envelope {
    static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
    static final String VC_V1 = "https://www.w3.org/2018/credentials/v1";
    static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    /** Defines {@code 1EdTechJsonSchemaValidator2019}, the type of {@code credentialSchema} entries. */
    static final String OB_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
    static final String CLR_CONTEXT = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
    static final String ACHIEVEMENT_SCHEMA =
            "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
    static final String SCHEMA_TYPE = "1EdTechJsonSchemaValidator2019";

    private Envelope() {
    }

    /** {@code @context}: an array (or a single value) whose first entry is the VC v2 (or v1) context. */
    static List<JsonNode> context(Fields f) {
        List<JsonNode> context = f.raws("@context");
        if (context.isEmpty()) {
            throw Fields.malformed(f.path("@context") + " is required");
        }
        String first = context.get(0).isTextual() ? context.get(0).asText() : "";
        if (!first.equals(VC_V2) && !first.equals(VC_V1)) {
            throw Fields.malformed(f.path("@context") + "[0] must be " + VC_V2 + ", found " + context.get(0));
        }
        return context;
    }

    /** {@code validFrom}, required by OB 3.0; VC 1.1 credentials carry {@code issuanceDate} instead. */
    static String validFrom(Fields f, JsonNode source) {
        String validFrom = f.string("validFrom");
        if (validFrom == null && !(source.path("issuanceDate").isTextual())) {
            throw Fields.malformed(f.path("validFrom") + " is required");
        }
        if (validFrom != null) {
            instant(validFrom, f.path("validFrom"));
        }
        return validFrom;
    }

    static String validUntil(Fields f) {
        String v = f.string("validUntil");
        if (v != null) {
            instant(v, f.path("validUntil"));
        }
        return v;
    }

    static Instant instant(String dateTime, String path) {
        try {
            return DateTimeStamp.toInstant(dateTime);
        } catch (DateTimeParseException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, path + " is not an RFC 3339 date-time: " + dateTime);
        }
    }

    static boolean isV1(List<JsonNode> context) {
        return context.get(0).asText().equals(VC_V1);
    }
}
