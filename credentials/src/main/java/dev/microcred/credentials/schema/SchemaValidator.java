package dev.microcred.credentials.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.DisallowSchemaLoader;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.ob3.ClrCredential;
import dev.microcred.credentials.ob3.EndorsementCredential;
import dev.microcred.credentials.ob3.OpenBadgeCredential;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates credentials against the bundled Open Badges 3.0 JSON Schemas (OB 3.0 §9.1 "Verification": step 1,
 * "validate the credential against the JSON schema named in credentialSchema").
 *
 * <p>The schemas applied are those named by the credential's {@code credentialSchema} entries of type
 * {@code 1EdTechJsonSchemaValidator2019}; a named schema that is not bundled is reported in
 * {@link SchemaReport#unknown()}, never fetched. A credential that names no bundled schema is checked against
 * the schema for its type ({@code OpenBadgeCredential}/{@code AchievementCredential},
 * {@code EndorsementCredential}, {@code Profile}); a {@code ClrCredential} is checked with {@link #CLR_RULES}
 * (the CLR 2.0 schema is not bundled) and each embedded OB 3.0 credential against the OB 3.0 schema.
 *
 * <p>The schemas are loaded and compiled once, on first use. Immutable and thread-safe.
 */
public final class SchemaValidator {
    /** The schema {@code type} OB 3.0 and CLR 2.0 use. */
    public static final String SCHEMA_TYPE = "1EdTechJsonSchemaValidator2019";
    private static final String OB_JSON = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/";
    public static final String ACHIEVEMENT_CREDENTIAL = OB_JSON + "ob_v3p0_achievementcredential_schema.json";
    public static final String ENDORSEMENT_CREDENTIAL = OB_JSON + "ob_v3p0_endorsementcredential_schema.json";
    public static final String PROFILE = OB_JSON + "ob_v3p0_profile_schema.json";
    /** The CLR 2.0 schema id credentials name (not bundled: CLR credentials are checked with {@link #CLR_RULES}). */
    public static final String CLR_CREDENTIAL =
            "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json";
    /**
     * The name reported for the OB 3.0 model's type rules, checked after the schema: the lenient OB 3.0 schemas
     * accept any {@code type} on results, result descriptions and evidence; the model requires the class name.
     */
    public static final String OB_MODEL_RULES = "microcred:ob-v3p0-model-rules";
    /** The name reported for the CLR 2.0 structure rules. */
    public static final String CLR_RULES = "microcred:clr-v2p0-structure-rules";
    private static final String RESOURCES = "/dev/microcred/credentials/schema/";
    private static final List<String> BUNDLED_FILES = List.of(
            "ob/v3p0/json/ob_v3p0_achievementcredential_schema.json",
            "ob/v3p0/json/ob_v3p0_endorsementcredential_schema.json",
            "ob/v3p0/json/ob_v3p0_profile_schema.json",
            "ob/v3p0/json/ob_v3p0_getopenbadgecredentialsresponse_schema.json",
            "ob/v3p0/json/ob_v3p0_imsx_statusinfo_schema.json",
            "ob/v3p0/json-ld/ob_v3p0_achievementcredential_schema.json");
    private static final SchemaValidator BUNDLED = load();

    /** The bundled schema texts by {@code $id}; each is compiled the first time it is needed. */
    private final Map<String, String> texts;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> compiled = new java.util.concurrent.ConcurrentHashMap<>();

    private SchemaValidator(Map<String, String> texts, JsonSchemaFactory factory, SchemaValidatorsConfig config) {
        this.texts = texts;
        this.factory = factory;
        this.config = config;
    }

    /**
     * Compiles the Open Badges credential schema now rather than at the first validation: a command-line tool
     * calls this on a second thread at start, so that compiling overlaps with reading and checking the proof.
     */
    public void warmUp() {
        schema(ACHIEVEMENT_CREDENTIAL);
    }

    /** The compiled schema {@code id} (one of {@link #schemaIds()}), compiled on first use: a cold start pays only
     *  for the schemas it uses. */
    private JsonSchema schema(String id) {
        return compiled.computeIfAbsent(id, key -> {
            JsonSchema schema = factory.getSchema(SchemaLocation.of(key), config);
            schema.initializeValidators();
            return schema;
        });
    }

    /** The validator over the bundled schemas (compiled once per JVM). */
    public static SchemaValidator bundled() {
        return BUNDLED;
    }

    /** The {@code $id}s of the bundled schemas. */
    public Set<String> schemaIds() {
        return texts.keySet();
    }

    /** Validates {@code credential} against the schemas it names, or the one for its type. */
    public SchemaReport validate(ObjectNode credential) {
        List<String> checked = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<SchemaViolation> violations = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        boolean clr = hasType(credential, "ClrCredential");
        JsonNode status = credential.get("credentialStatus");
        if (!clr && status != null && status.isArray() && !status.isEmpty()) {
            notices.add("credentialStatus is an array of " + status.size() + " entries: VC 2.0 allows several"
                    + " status entries, the OB 3.0 JSON schema one object; each entry was validated against the"
                    + " schema's CredentialStatus definition");
        }
        for (String id : namedSchemas(credential)) {
            if (texts.containsKey(id)) {
                checked.add(id);
                violations.addAll(validateEachStatus(credential, id));
            } else if (!(clr && id.equals(CLR_CREDENTIAL))) {
                unknown.add(id);
            }
        }
        if (clr) {
            checked.add(CLR_RULES);
            violations.addAll(clrRules(credential));
        } else if (checked.isEmpty()) {
            String byType = schemaForType(credential);
            if (byType != null) {
                checked.add(byType);
                violations.addAll(validateEachStatus(credential, byType));
            } else if (unknown.isEmpty()) {
                violations.add(new SchemaViolation("$.type", "names no type with a bundled schema (OpenBadgeCredential,"
                        + " AchievementCredential, EndorsementCredential, ClrCredential, Profile): " + credential.get("type"),
                        "microcred:bundled-schemas"));
            }
        }
        if (!clr && (hasType(credential, "OpenBadgeCredential") || hasType(credential, "AchievementCredential"))) {
            checked.add(OB_MODEL_RULES);
            modelRule(() -> OpenBadgeCredential.parse(credential), violations);
        } else if (hasType(credential, "EndorsementCredential")) {
            checked.add(OB_MODEL_RULES);
            modelRule(() -> EndorsementCredential.parse(credential), violations);
        }
        return new SchemaReport(checked, unknown, violations, notices);
    }

    /**
     * Validates {@code credential} against {@code schemaId}; when its {@code credentialStatus} is an array (VC 2.0
     * §4.10 allows "one or more" status entries, the OB 3.0 schema types it as one {@code CredentialStatus}
     * object), the credential is validated once per entry with that entry in its place: every other member is
     * checked as strictly as ever (reported once), and each entry against the schema's {@code CredentialStatus}
     * definition (its violations reported at {@code $.credentialStatus[i]}).
     */
    private List<SchemaViolation> validateEachStatus(ObjectNode credential, String schemaId) {
        JsonNode status = credential.get("credentialStatus");
        if (status == null || !status.isArray() || status.isEmpty()) {
            return validate(credential, schemaId, "$");
        }
        List<SchemaViolation> out = new ArrayList<>();
        String member = "$.credentialStatus";
        for (int i = 0; i < status.size(); i++) {
            ObjectNode view = credential.deepCopy();
            view.set("credentialStatus", status.get(i));
            for (SchemaViolation v : validate(view, schemaId, "$")) {
                boolean inStatus = v.path().equals(member) || v.path().startsWith(member + ".")
                        || v.path().startsWith(member + "[");
                if (inStatus) {
                    out.add(new SchemaViolation(member + "[" + i + "]" + v.path().substring(member.length()),
                            v.message(), v.schema()));
                } else if (i == 0) {
                    out.add(v);
                }
            }
        }
        out.sort(Comparator.comparing(SchemaViolation::path).thenComparing(SchemaViolation::message));
        return out;
    }

    /**
     * Validates {@code document} against the bundled schema {@code schemaId}.
     *
     * @throws MicrocredException {@code INVALID_REQUEST} when {@code schemaId} is not bundled
     */
    public List<SchemaViolation> validate(JsonNode document, String schemaId) {
        if (!texts.containsKey(schemaId)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "schema " + schemaId + " is not bundled");
        }
        return validate(document, schemaId, "$");
    }

    private List<SchemaViolation> validate(JsonNode document, String schemaId, String prefix) {
        List<SchemaViolation> out = new ArrayList<>();
        for (ValidationMessage m : schema(schemaId).validate(document)) {
            String path = m.getInstanceLocation().toString();
            String joined = prefix + path.substring(1);
            String message = m.getMessage().replaceAll("\\s+", " ").trim();
            if (message.startsWith(path + ": ")) {
                message = message.substring(path.length() + 2);
            }
            out.add(new SchemaViolation(joined, message, schemaId));
        }
        out.sort(Comparator.comparing(SchemaViolation::path).thenComparing(SchemaViolation::message));
        return out;
    }

    // CLR 2.0 structure: the model's required members, the fixed context, and each embedded OB credential's schema
    private List<SchemaViolation> clrRules(ObjectNode credential) {
        List<SchemaViolation> out = new ArrayList<>();
        JsonNode context = credential.get("@context");
        if (context == null || !context.isArray() || context.size() < 2
                || !context.get(0).asText().equals("https://www.w3.org/ns/credentials/v2")
                || !context.get(1).asText().equals(ClrCredential.CONTEXT)) {
            out.add(new SchemaViolation("$['@context']", "must start with https://www.w3.org/ns/credentials/v2, "
                    + ClrCredential.CONTEXT, CLR_RULES));
        }
        if (!hasType(credential, "VerifiableCredential")) {
            out.add(new SchemaViolation("$.type", "must contain VerifiableCredential", CLR_RULES));
        }
        for (String member : List.of("id", "validFrom")) {
            if (!credential.path(member).isTextual()) {
                out.add(new SchemaViolation("$." + member, "is required and must be a string", CLR_RULES));
            }
        }
        try {
            ClrCredential.parse(credential);
        } catch (MicrocredException e) {
            out.add(fromModel(e, CLR_RULES));
        }
        JsonNode nested = credential.path("credentialSubject").path("verifiableCredential");
        if (nested.isObject()) {
            out.addAll(validate(nested, ACHIEVEMENT_CREDENTIAL, "$.credentialSubject.verifiableCredential"));
        } else if (nested.isArray()) {
            for (int i = 0; i < nested.size(); i++) {
                if (nested.get(i).isObject()) {
                    out.addAll(validate(nested.get(i), ACHIEVEMENT_CREDENTIAL,
                            "$.credentialSubject.verifiableCredential[" + i + "]"));
                }
            }
        }
        return out;
    }

    // the model's messages start with the JSON path of the offending member ("issuer.type must contain ...")
    private static SchemaViolation fromModel(MicrocredException e, String rules) {
        String message = e.getMessage();
        int space = message.indexOf(' ');
        String path = message.substring(0, space);
        String jsonPath = path.startsWith("@context") ? "$['@context']" + path.substring("@context".length())
                : "$." + path;
        return new SchemaViolation(jsonPath, message.substring(space + 1), rules);
    }

    private static void modelRule(Runnable parse, List<SchemaViolation> violations) {
        try {
            parse.run();
        } catch (MicrocredException e) {
            SchemaViolation v = fromModel(e, OB_MODEL_RULES);
            if (violations.stream().noneMatch(o -> o.path().equals(v.path()))) {
                violations.add(v);
            }
        }
    }

    private static Set<String> namedSchemas(ObjectNode credential) {
        Set<String> ids = new LinkedHashSet<>();
        JsonNode schema = credential.get("credentialSchema");
        List<JsonNode> entries = new ArrayList<>();
        if (schema != null && schema.isArray()) {
            schema.forEach(entries::add);
        } else if (schema != null) {
            entries.add(schema);
        }
        for (JsonNode entry : entries) {
            if (entry.path("type").asText().equals(SCHEMA_TYPE) && entry.path("id").isTextual()) {
                ids.add(entry.get("id").asText());
            }
        }
        return ids;
    }

    private static String schemaForType(ObjectNode credential) {
        if (hasType(credential, "OpenBadgeCredential") || hasType(credential, "AchievementCredential")) {
            return ACHIEVEMENT_CREDENTIAL;
        }
        if (hasType(credential, "EndorsementCredential")) {
            return ENDORSEMENT_CREDENTIAL;
        }
        if (hasType(credential, "Profile")) {
            return PROFILE;
        }
        return null;
    }

    private static boolean hasType(JsonNode node, String type) {
        JsonNode t = node.get("type");
        if (t == null) {
            return false;
        }
        if (t.isTextual()) {
            return t.asText().equals(type);
        }
        for (JsonNode v : t) {
            if (v.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static SchemaValidator load() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String file : BUNDLED_FILES) {
            String text = resource(RESOURCES + file);
            String id = Json.parseObject(text).path("$id").asText();
            if (id.isEmpty()) {
                throw new IllegalStateException("bundled schema without $id: " + file);
            }
            texts.put(id, text);
        }
        // only the bundled texts are loadable: any other URI (a $ref, a $schema) is refused, never fetched
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909,
                builder -> builder.schemaLoaders(loaders -> loaders.values(List::clear).schemas(texts)
                        .add(DisallowSchemaLoader.getInstance())));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .build();
        return new SchemaValidator(Map.copyOf(texts), factory, config);
    }

    private static String resource(String name) {
        try (InputStream in = SchemaValidator.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
