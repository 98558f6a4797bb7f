package dev.microcred.credentials.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.baking.BakedCredential;
import dev.microcred.credentials.baking.BakedImages;
import dev.microcred.credentials.blockcerts.Anchor;
import dev.microcred.credentials.blockcerts.BlockcertsVerification;
import dev.microcred.credentials.blockcerts.BlockcertsVerifier;
import dev.microcred.credentials.dataintegrity.DataIntegrity;
import dev.microcred.credentials.dataintegrity.KeyResolver;
import dev.microcred.credentials.dataintegrity.ProofResult;
import dev.microcred.credentials.dataintegrity.VerificationResult;
import dev.microcred.credentials.did.KnownMethods;
import dev.microcred.credentials.did.MethodResolver;
import dev.microcred.credentials.did.ResolvedMethod;
import dev.microcred.credentials.fetch.FetchedDocument;
import dev.microcred.credentials.fetch.Fetcher;
import dev.microcred.credentials.jose.JwtCheck;
import dev.microcred.credentials.jose.VcJwt;
import dev.microcred.credentials.jose.VcJwtVerification;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.ob2.Ob2Check;
import dev.microcred.credentials.ob2.Ob2Verifier;
import dev.microcred.credentials.schema.SchemaReport;
import dev.microcred.credentials.schema.SchemaValidator;
import dev.microcred.credentials.schema.SchemaViolation;
import dev.microcred.credentials.jsonld.BundledContextLoader;
import dev.microcred.credentials.jsonld.JsonLdProcessor;
import dev.microcred.credentials.status.StatusCheck;
import dev.microcred.credentials.status.StatusEntry;
import dev.microcred.credentials.status.StatusResult;
import dev.microcred.credentials.verify.VerifiedLists.VerifiedList;
import dev.microcred.crypto.PublicKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Verifies a credential and explains every step (DESIGN.md "Verification"; OB 3.0 §9 "Verification and
 * Validation", whose order it follows: parse, context, schema, proof, issuer key, status, validity window,
 * endorsements). Takes a JSON credential, a VC-JWT, or a baked PNG or SVG.
 *
 * <p>"Invalid" is an answer ({@link VerificationReport}); a {@link MicrocredException} means the input could
 * not be read at all (not JSON, corrupt image, over the size limits). The network is reached only through the
 * {@link Fetcher} given at construction: {@code did:web} documents, HTTPS key documents and status lists;
 * JSON-LD contexts are bundled and never fetched. Immutable and thread-safe.
 */
public final class CredentialVerifier {
    public static final String PARSE = "parse";
    public static final String CONTEXT = "context";
    public static final String SCHEMA = "schema";
    public static final String PROOF = "proof";
    public static final String ISSUER_KEY = IssuerKeyCheck.NAME;
    public static final String VALIDITY = ValidityWindow.NAME;
    public static final String STATUS = "status";
    public static final String ENDORSEMENTS = "endorsements";
    public static final String NESTED = "nested-credentials";
    /** Blockcerts only: where the Merkle root was published (a blockchain transaction, or the mock chain). */
    public static final String ANCHOR = "anchor";
    /** How deep status lists, endorsements and nested credentials are followed. */
    static final int MAX_DEPTH = 3;

    private final DataIntegrity dataIntegrity;
    private final BlockcertsVerifier blockcerts;
    private final BundledContextLoader contexts;
    private final SchemaValidator schemas = SchemaValidator.bundled();
    private final Fetcher fetcher;
    private final Function<ObjectNode, PublicKey> jwkDecoder;
    private final KnownMethods known;
    private final Clock clock;
    private final VerifiedLists verifiedLists = new VerifiedLists();

    /** A verifier over the bundled contexts and the standard Data Integrity engine. */
    public CredentialVerifier(Fetcher fetcher, Function<ObjectNode, PublicKey> jwkDecoder, Clock clock) {
        this(fetcher, jwkDecoder, KnownMethods.NONE, clock);
    }

    /**
     * A verifier over the bundled contexts and the standard Data Integrity engine that resolves the signing keys of
     * credentials through {@code known} first (see {@link KnownMethods}) and fetches the rest.
     */
    public CredentialVerifier(Fetcher fetcher, Function<ObjectNode, PublicKey> jwkDecoder, KnownMethods known,
                              Clock clock) {
        this(DataIntegrity.standard(), JsonLdProcessor.standard().contexts(), fetcher, jwkDecoder, known, clock);
    }

    /**
     * @param dataIntegrity the proof engine
     * @param contexts the contexts known to {@code dataIntegrity}'s JSON-LD processor
     * @param fetcher how to reach did:web documents and status lists; {@link Fetcher#NONE} keeps it offline
     * @param jwkDecoder turns a {@code publicKeyJwk} into a key
     * @param clock the time validity is judged at, unless a call names another instant
     */
    public CredentialVerifier(DataIntegrity dataIntegrity, BundledContextLoader contexts, Fetcher fetcher,
                              Function<ObjectNode, PublicKey> jwkDecoder, Clock clock) {
        this(dataIntegrity, contexts, fetcher, jwkDecoder, KnownMethods.NONE, clock);
    }

    private CredentialVerifier(DataIntegrity dataIntegrity, BundledContextLoader contexts, Fetcher fetcher,
                               Function<ObjectNode, PublicKey> jwkDecoder, KnownMethods known, Clock clock) {
        this.known = Objects.requireNonNull(known, "known");
        this.dataIntegrity = Objects.requireNonNull(dataIntegrity, "dataIntegrity");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.blockcerts = new BlockcertsVerifier(new JsonLdProcessor(contexts));
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.jwkDecoder = Objects.requireNonNull(jwkDecoder, "jwkDecoder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Verifies a credential given as bytes: JSON, a compact JWS, or a baked PNG or SVG, at the clock's time. */
    public VerificationReport verify(byte[] input) {
        return verify(input, clock.instant());
    }

    /** Verifies a credential given as bytes, judging validity and status at {@code at}. */
    public VerificationReport verify(byte[] input, Instant at) {
        InputKind kind = InputKind.sniff(input);
        return switch (kind) {
            case JSON -> verifyJson(Json.parseObject(input), at, "json", 0);
            case JWT -> {
                String jws = new String(input, StandardCharsets.US_ASCII).strip();
                yield isOb2Payload(jws)
                        ? ob2(new Ob2Verifier(fetcher, Clock.fixed(at, ZoneOffset.UTC)).verify(jws), "jwt", null)
                        : verifyJwt(jws, at, "jwt", 0);
            }
            case PNG, SVG -> {
                BakedCredential baked = BakedImages.extract(input);
                String format = kind.name().toLowerCase() + "+" + baked.format().name().toLowerCase();
                if (baked.spec() == BakedCredential.Spec.OB2) {
                    yield ob2(new Ob2Verifier(fetcher, Clock.fixed(at, ZoneOffset.UTC)).verify(baked), format, null);
                }
                yield baked.format() == BakedCredential.Format.JWS
                        ? verifyJwt(baked.text().strip(), at, format, 0)
                        : verifyJson(Json.parseObject(baked.text()), at, format, 0);
            }
            case UNKNOWN -> throw new MicrocredException(Problem.MALFORMED_INPUT,
                    "not a credential: expected JSON, a compact JWS, or a baked PNG or SVG image");
        };
    }

    /** True when the payload of a compact JWS is an Open Badges 2.0 assertion (signed OB 2.0 verification). */
    private static boolean isOb2Payload(String jws) {
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            JsonNode payload = Json.parse(java.util.Base64.getUrlDecoder().decode(parts[1]));
            return payload.isObject() && CredentialKind.of((ObjectNode) payload).model() == CredentialKind.Model.OB_2_0;
        } catch (IllegalArgumentException | MicrocredException e) {
            return false;
        }
    }

    /** Verifies a JSON credential, judging validity and status at {@code at}. */
    public VerificationReport verify(ObjectNode credential, Instant at) {
        return verifyJson(credential, at, "json", 0);
    }

    /**
     * VC-JWT (VC-JOSE-COSE; OB 3.0 §8.2.4): the JWS signature and the claim/field consistency rules take the
     * place of the Data Integrity proof; every other check runs on the decoded credential.
     */
    private VerificationReport verifyJwt(String jws, Instant at, String format, int depth) {
        ObjectNode credential = VcJwt.decode(jws).credential();
        Map<String, ResolvedMethod> resolved = new ConcurrentHashMap<>();
        MethodResolver methods = new MethodResolver(fetcher, jwkDecoder, known);
        VcJwtVerification verification;
        try {
            verification = VcJwt.verify(jws, id -> resolved.computeIfAbsent(id, methods::resolve).method());
        } catch (MicrocredException e) {
            Check proof = switch (e.problem()) {
                case FETCH_FAILED, FETCH_REFUSED, KEY_NOT_FOUND -> Check.warning(PROOF, Outcome.CANNOT_CHECK,
                        "the signing key could not be retrieved: " + e.getMessage());
                case UNSUPPORTED -> Check.failed(PROOF, Outcome.UNSUPPORTED, e.getMessage());
                default -> Check.failed(PROOF, Outcome.INVALID, e.getMessage());
            };
            return verifyJson(credential, at, format, depth, new JwtProof(proof, null));
        }
        return verifyJson(credential, at, format, depth, new JwtProof(jwtProofCheck(verification),
                jwtIssuerKeyCheck(credential, verification, resolved)));
    }

    /** The outcome of the JWS checks, standing in for the proof and issuer-key steps. */
    private record JwtProof(Check proof, Check issuerKey) {
    }

    private static Check jwtProofCheck(VcJwtVerification v) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JwtCheck c : v.checks()) {
            values.put(c.name(), (c.passed() ? "ok: " : "FAILED: ") + c.detail());
        }
        values.put("keySource", v.keySource().name().toLowerCase());
        if (v.keyId() != null) {
            values.put("kid", v.keyId());
        }
        JwtCheck failure = v.firstFailure().orElse(null);
        if (failure == null) {
            return Check.passed(PROOF, "the JWS signature (" + v.decoded().jws().algorithm()
                    + ") is valid and its claims match the credential", values);
        }
        Outcome outcome = switch (failure.name()) {
            case "signature" -> Outcome.TAMPERED;
            default -> Outcome.INVALID;
        };
        return Check.failed(PROOF, outcome, "VC-JWT " + failure.name() + ": " + failure.detail(), values);
    }

    private static Check jwtIssuerKeyCheck(ObjectNode credential, VcJwtVerification v,
                                           Map<String, ResolvedMethod> resolved) {
        if (v.keySource() == VcJwtVerification.KeySource.JWK) {
            return new Check(ISSUER_KEY, Check.Status.WARNING, "the key travels in the JWS header (jwk): it proves"
                    + " integrity, but nothing binds it to the issuer " + IssuerKeyCheck.issuerId(credential),
                    Map.of("issuer", IssuerKeyCheck.issuerId(credential)), null);
        }
        ResolvedMethod method = v.keyId() == null ? null : resolved.get(v.keyId());
        if (method == null) {
            return Check.skipped(ISSUER_KEY, "no resolved key to attribute");
        }
        return IssuerKeyCheck.check(credential, method);
    }

    private VerificationReport verifyJson(ObjectNode credential, Instant at, String format, int depth) {
        return verifyJson(credential, at, format, depth, null);
    }

    private VerificationReport verifyJson(ObjectNode credential, Instant at, String format, int depth,
                                          JwtProof jwt) {
        List<Check> checks = new ArrayList<>();
        CredentialKind kind = CredentialKind.of(credential);
        if (kind.spec() == CredentialKind.Spec.UNKNOWN || kind.model() == CredentialKind.Model.NONE) {
            checks.add(Check.failed(PARSE, Outcome.INVALID, kind.model() == CredentialKind.Model.NONE
                    ? "not a Verifiable Credential: @context does not start with the VC v1 or v2 context"
                    : "not a Verifiable Credential: type does not include VerifiableCredential"));
            return VerificationReport.of(checks, format, credential);
        }
        if (kind.spec() == CredentialKind.Spec.BLOCKCERTS) {
            return verifyBlockcerts(credential, kind, at, format, depth);
        }
        if (kind.model() == CredentialKind.Model.OB_2_0) {
            return ob2(new Ob2Verifier(fetcher, Clock.fixed(at, ZoneOffset.UTC)).verify(Json.write(credential)), format,
                    credential);
        }
        checks.add(Check.passed(PARSE, "read " + format.toUpperCase() + ": " + kind.describe(),
                Map.of("model", kind.model().label, "type", credential.path("type").toString())));

        Check context = contextCheck(credential, kind);
        checks.add(context);
        if (context.status() == Check.Status.FAILED) {
            return VerificationReport.of(checks, format, credential);
        }
        checks.add(schemaCheck(credential, kind));

        if (jwt != null) {
            checks.add(jwt.proof());
            checks.add(jwt.issuerKey() != null ? jwt.issuerKey()
                    : Check.skipped(ISSUER_KEY, "no verified signature to attribute"));
        } else {
            Map<String, ResolvedMethod> resolved = new ConcurrentHashMap<>();
            MethodResolver methods = new MethodResolver(fetcher, jwkDecoder, known);
            List<ProofResult> verifiedProofs = new ArrayList<>();
            checks.add(proofCheck(credential, methods, resolved, verifiedProofs));
            checks.add(issuerKeyCheck(credential, methods, resolved, verifiedProofs));
        }
        checks.add(statusCheck(credential, at, depth));
        checks.add(ValidityWindow.check(credential, at));
        checks.add(endorsementsCheck(credential, at, depth));
        if (kind.spec() == CredentialKind.Spec.CLR) {
            checks.add(nestedCheck(credential, at, depth));
        }
        return VerificationReport.of(checks, format, credential);
    }

    /**
     * Blockcerts (v2 and v3), offline: the receipt's local hash and Merkle path take the place of a signature
     * ({@code proof}); where the Merkle root was anchored is the {@code anchor} check. microcred never queries a
     * blockchain: a real chain's anchor leaves the verdict at cannot-check; the mock chain (test certificates, never
     * published) is a warning, as the reference verifier reports it. The issuer-key step (the transaction's sender
     * among the issuer's keys) needs the transaction too, so it is skipped.
     */
    private VerificationReport verifyBlockcerts(ObjectNode credential, CredentialKind kind, Instant at, String format,
                                                int depth) {
        List<Check> checks = new ArrayList<>();
        checks.add(Check.passed(PARSE, "read " + format.toUpperCase() + ": " + kind.describe(),
                Map.of("model", kind.model().label, "type", credential.path("type").toString())));
        Check context = contextCheck(credential, kind);
        checks.add(context);
        if (context.status() == Check.Status.FAILED) {
            return VerificationReport.of(checks, format, credential);
        }
        checks.add(schemaCheck(credential, kind));
        BlockcertsVerification receipt = null;
        try {
            receipt = blockcerts.verify(credential);
        } catch (MicrocredException e) {
            checks.add(e.problem() == Problem.UNSUPPORTED ? Check.failed(PROOF, Outcome.UNSUPPORTED, e.getMessage())
                    : Check.failed(PROOF, Outcome.INVALID, "the certificate cannot be canonicalized to compare its"
                    + " hash with the receipt: " + e.getMessage()));
        }
        if (receipt != null) {
            checks.add(blockcertsProofCheck(receipt));
        }
        boolean verified = receipt != null && receipt.verified();
        checks.add(verified ? anchorCheck(receipt.receipt().anchors())
                : Check.skipped(ANCHOR, "no verified receipt whose anchor could matter"));
        checks.add(Check.skipped(ISSUER_KEY, verified && receipt.receipt().anchors().stream().allMatch(Anchor::isMock)
                ? "mock chain: there is no transaction whose sender could be matched with the issuer's keys"
                : "the issuing key is the sender of the blockchain transaction, which microcred does not query"));
        if (receipt != null && receipt.version() == BlockcertsVerification.Version.V2) {
            checks.add(blockcertsV2RevocationCheck(credential));
            // Blockcerts v2 (Open Badges 2.0 terms): issuedOn and expires bound the validity window
            ObjectNode window = Json.object();
            if (credential.has("issuedOn")) {
                window.set("issuanceDate", credential.get("issuedOn"));
            }
            if (credential.has("expires")) {
                window.set("expirationDate", credential.get("expires"));
            }
            checks.add(ValidityWindow.check(window, at));
        } else {
            checks.add(statusCheck(credential, at, depth));
            checks.add(ValidityWindow.check(credential, at));
        }
        checks.add(Check.skipped(ENDORSEMENTS, "Blockcerts certificates carry no embedded endorsements"));
        return VerificationReport.of(checks, format, credential);
    }

    private static Check blockcertsProofCheck(BlockcertsVerification v) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("proof", v.version().label() + " " + v.proofType());
        if (v.localHash() != null) {
            values.put("localHash", v.localHash().hex());
        }
        if (v.receipt() != null) {
            values.put("targetHash", v.receipt().targetHash().hex());
            values.put("merkleRoot", v.receipt().merkleRoot().hex());
            values.put("path", v.receipt().path().size() + " step(s)");
        }
        if (v.verificationMethod() != null) {
            values.put("verificationMethod", v.verificationMethod());
        }
        if (!v.verified()) {
            return Check.failed(PROOF, Outcome.TAMPERED, "the Merkle receipt does not match the certificate: "
                    + v.reason(), values);
        }
        return Check.passed(PROOF, v.reason(), values);
    }

    private static Check anchorCheck(List<Anchor> anchors) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < anchors.size(); i++) {
            values.put("anchor[" + i + "]", anchors.get(i).blink());
        }
        List<Anchor> real = anchors.stream().filter(a -> !a.isMock()).toList();
        if (anchors.isEmpty()) {
            return Check.failed(ANCHOR, Outcome.INVALID, "the receipt names no anchor: the Merkle root was never"
                    + " published");
        }
        if (real.isEmpty()) {
            return new Check(ANCHOR, Check.Status.WARNING, "mock chain: not anchored on a real blockchain (a test"
                    + " certificate; the hash and Merkle proof are verified, nothing else proves who issued it)",
                    values, null);
        }
        Anchor first = real.get(0);
        return new Check(ANCHOR, Check.Status.WARNING, "anchored on " + first.describe() + " (transaction "
                + first.transaction() + "): microcred does not query blockchains, so it cannot check that the"
                + " transaction holds this Merkle root nor who sent it; offline, only the local hash and the Merkle"
                + " proof are verified", values, Outcome.CANNOT_CHECK);
    }

    /**
     * Blockcerts v2 revocation: the issuer profile's {@code revocationList} document lists revoked assertions in
     * {@code revokedAssertions} ({@code id}, {@code revocationReason}).
     */
    private Check blockcertsV2RevocationCheck(ObjectNode credential) {
        JsonNode list = credential.path("badge").path("issuer").path("revocationList");
        if (!list.isTextual()) {
            return Check.skipped(STATUS, "the issuer names no revocation list: it cannot revoke this certificate");
        }
        String url = list.textValue();
        ObjectNode document;
        try {
            FetchedDocument fetched = fetcher.fetch(java.net.URI.create(url));
            if (fetched.status() != 200) {
                return Check.warning(STATUS, Outcome.CANNOT_CHECK, "the revocation list " + url + " answered HTTP "
                        + fetched.status());
            }
            document = Json.parseObject(fetched.bodyBytes());
        } catch (MicrocredException | IllegalArgumentException e) {
            return Check.warning(STATUS, Outcome.CANNOT_CHECK, "the revocation list " + url
                    + " could not be read: " + e.getMessage());
        }
        String id = credential.path("id").asText("");
        for (JsonNode revoked : document.path("revokedAssertions")) {
            if (id.equals(revoked.path("id").asText(null))) {
                return Check.failed(STATUS, Outcome.REVOKED, "the issuer has revoked this certificate ("
                        + url + (revoked.hasNonNull("revocationReason")
                        ? ": " + revoked.get("revocationReason").asText() : "") + ")", Map.of("revocationList", url));
            }
        }
        return Check.passed(STATUS, "not in the issuer's revocation list", Map.of("revocationList", url));
    }

    /**
     * OB 3.0 §9 step 1: the credential conforms to the JSON schemas it names in {@code credentialSchema}, or to the
     * one for its type. The 1EdTech schemas are written for VC 2.0: a VC 1.1 credential's differences are warnings.
     */
    private Check schemaCheck(ObjectNode credential, CredentialKind kind) {
        if (!kind.isOpenBadges()) {
            return Check.skipped(SCHEMA, "no bundled JSON schema applies to a " + kind.spec().label);
        }
        SchemaReport report = schemas.validate(credential);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("schemas", String.join(" ", report.checked()));
        if (!report.unknown().isEmpty()) {
            values.put("notChecked", String.join(" ", report.unknown()));
        }
        List<String> problems = new ArrayList<>();
        for (SchemaViolation v : report.violations()) {
            problems.add(v.path() + ": " + v.message());
        }
        int shown = Math.min(problems.size(), 5);
        String listed = String.join("; ", problems.subList(0, shown))
                + (problems.size() > shown ? "; and " + (problems.size() - shown) + " more" : "");
        for (int i = 0; i < problems.size(); i++) {
            values.put("violation[" + i + "]", problems.get(i));
        }
        if (!problems.isEmpty()) {
            if (kind.model() == CredentialKind.Model.VC_1_1) {
                return new Check(SCHEMA, Check.Status.WARNING, "this VC 1.1 credential departs from the OB 3.0 schemas"
                        + " (written for VC 2.0): " + listed, values, null);
            }
            return Check.failed(SCHEMA, Outcome.INVALID, "does not conform to its JSON schema: " + listed, values);
        }
        for (int i = 0; i < report.notices().size(); i++) {
            values.put("notice[" + i + "]", report.notices().get(i));
        }
        if (!report.unknown().isEmpty()) {
            return new Check(SCHEMA, Check.Status.WARNING, "conforms to " + report.checked().size()
                    + " bundled schema(s); not checked (microcred never fetches schemas): "
                    + String.join(", ", report.unknown())
                    + (report.notices().isEmpty() ? "" : "; " + String.join("; ", report.notices())), values, null);
        }
        if (!report.notices().isEmpty()) {
            // OB 3.0 §9 step 1 fails a schema violation; VC 2.0 §4.10 allows several status entries, which the
            // OB 3.0 schema's single CredentialStatus object does not: reported, not failed, as the rest conforms
            return new Check(SCHEMA, Check.Status.WARNING, "conforms to " + String.join(", ",
                    shortNames(report.checked())) + " except the OB 3.0 single-object rule: "
                    + String.join("; ", report.notices()), values, null);
        }
        return Check.passed(SCHEMA, "conforms to " + String.join(", ", shortNames(report.checked())), values);
    }

    private static List<String> shortNames(List<String> ids) {
        return ids.stream().map(id -> id.substring(id.lastIndexOf('/') + 1)).toList();
    }

    /** Folds OB 2.0 verification steps into the report's vocabulary. */
    private static VerificationReport ob2(List<Ob2Check> steps, String format, ObjectNode document) {
        List<Check> checks = new ArrayList<>();
        for (Ob2Check step : steps) {
            String name = switch (step.name()) {
                case "signature", "hosted" -> PROOF;
                case "key-owner", "origin" -> ISSUER_KEY;
                case "revocation" -> STATUS;
                case "expiry" -> VALIDITY;
                default -> step.name();
            };
            String detail = "Open Badges 2.0 " + step.name() + ": " + step.detail();
            checks.add(switch (step.outcome()) {
                case PASSED -> Check.passed(name, detail);
                case WARNING -> Check.warning(name, detail);
                case FAILED -> Check.failed(name, switch (step.name()) {
                    case "revocation" -> Outcome.REVOKED;
                    case "expiry" -> Outcome.EXPIRED;
                    case "signature" -> Outcome.TAMPERED;
                    default -> Outcome.INVALID;
                }, detail);
            });
        }
        return VerificationReport.of(checks, format, document);
    }

    /** Every context must be bundled (never fetched); the first must be the VC context. */
    private Check contextCheck(ObjectNode credential, CredentialKind kind) {
        JsonNode context = credential.get("@context");
        List<String> urls = new ArrayList<>();
        for (JsonNode c : context.isArray() ? context : List.of(context)) {
            if (c.isTextual()) {
                urls.add(c.asText());
                if (!contexts.serves(c.asText())) {
                    return Check.failed(CONTEXT, Outcome.INVALID, "unknown JSON-LD context " + c.asText()
                            + " (microcred only uses the contexts it bundles and never fetches one)",
                            Map.of("context", c.asText()));
                }
            } else if (!c.isObject()) {
                return Check.failed(CONTEXT, Outcome.INVALID, "@context entries must be URLs or objects");
            }
        }
        if (kind.isOpenBadges() && urls.stream().noneMatch(u -> u.startsWith("https://purl.imsglobal.org/spec/")
                || u.equals("https://imsglobal.github.io/openbadges-specification/context.json"))) {
            return Check.failed(CONTEXT, Outcome.INVALID,
                    "an Open Badges credential must use the Open Badges 3.0 context");
        }
        return Check.passed(CONTEXT, "all " + urls.size() + " contexts are known and bundled",
                Map.of("contexts", String.join(" ", urls)));
    }

    private Check proofCheck(ObjectNode credential, MethodResolver methods, Map<String, ResolvedMethod> resolved,
                             List<ProofResult> verifiedProofs) {
        if (!credential.has("proof")) {
            return Check.failed(PROOF, Outcome.INVALID, "the credential carries no proof: it is unsigned");
        }
        KeyResolver keys = id -> resolved.computeIfAbsent(id, methods::resolve).method();
        VerificationResult result;
        try {
            result = dataIntegrity.verify(credential, keys);
        } catch (MicrocredException e) {
            return switch (e.problem()) {
                case FETCH_FAILED, FETCH_REFUSED -> Check.warning(PROOF, Outcome.CANNOT_CHECK,
                        "the signing key could not be retrieved: " + e.getMessage());
                case UNSUPPORTED -> Check.failed(PROOF, Outcome.UNSUPPORTED, e.getMessage());
                default -> Check.failed(PROOF, Outcome.INVALID, e.getMessage());
            };
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        List<String> unsupported = new ArrayList<>();
        for (ProofResult p : result.proofs()) {
            String label = p.type() + (p.cryptosuite() == null ? "" : "/" + p.cryptosuite());
            values.put("proof[" + p.index() + "]", label + ": " + p.outcome().name().toLowerCase()
                    + (p.verificationMethod() == null ? "" : " by " + p.verificationMethod()));
            switch (p.outcome()) {
                case VERIFIED -> verifiedProofs.add(p);
                case REJECTED -> rejected.add(label + ": " + p.reason());
                case UNSUPPORTED -> unsupported.add(label + ": " + p.reason());
            }
        }
        if (!rejected.isEmpty()) {
            return Check.failed(PROOF, Outcome.TAMPERED,
                    "the signature does not match the credential (altered after signing, or signed by another key): "
                            + String.join("; ", rejected), values);
        }
        if (verifiedProofs.isEmpty()) {
            return Check.failed(PROOF, Outcome.UNSUPPORTED, "no proof microcred can check: "
                    + String.join("; ", unsupported), values);
        }
        if (!unsupported.isEmpty()) {
            return new Check(PROOF, Check.Status.WARNING, verifiedProofs.size() + " proof(s) verified; not checked: "
                    + String.join("; ", unsupported), values, null);
        }
        return Check.passed(PROOF, verifiedProofs.size() == 1
                ? "the signature is valid: the credential is exactly as the key holder signed it"
                : "all " + verifiedProofs.size() + " signatures are valid", values);
    }

    private Check issuerKeyCheck(ObjectNode credential, MethodResolver methods, Map<String, ResolvedMethod> resolved,
                                 List<ProofResult> verifiedProofs) {
        if (verifiedProofs.isEmpty()) {
            return Check.skipped(ISSUER_KEY, "no verified proof to attribute");
        }
        Check worst = null;
        for (ProofResult p : verifiedProofs) {
            if (!"assertionMethod".equals(p.proofPurpose()) && p.proofPurpose() != null) {
                return Check.failed(ISSUER_KEY, Outcome.INVALID, "the proof's purpose is " + p.proofPurpose()
                        + ", not assertionMethod: it does not assert this credential");
            }
            ResolvedMethod method = resolved.computeIfAbsent(p.verificationMethod(), methods::resolve);
            Check c = IssuerKeyCheck.check(credential, method);
            if (worst == null || rank(c) > rank(worst)) {
                worst = c;
            }
        }
        return worst;
    }

    private static int rank(Check c) {
        return switch (c.status()) {
            case FAILED -> 3;
            case WARNING -> 2;
            case PASSED -> 1;
            case SKIPPED -> 0;
        };
    }

    private Check statusCheck(ObjectNode credential, Instant at, int depth) {
        List<StatusEntry> entries;
        try {
            entries = StatusEntry.parseAll(credential);
        } catch (MicrocredException e) {
            if (e.problem() == Problem.UNSUPPORTED) {
                return Check.warning(STATUS, "status not checked: " + e.getMessage());
            }
            return Check.failed(STATUS, Outcome.INVALID, e.getMessage());
        }
        if (entries.isEmpty()) {
            return Check.skipped(STATUS, "the credential has no status entry: its issuer cannot revoke or suspend it");
        }
        if (depth >= MAX_DEPTH) {
            return Check.warning(STATUS, Outcome.CANNOT_CHECK, "status lists nested too deeply");
        }
        StatusCheck statusCheck = StatusCheck.lenient(Clock.fixed(at, ZoneOffset.UTC));
        Map<String, String> values = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (StatusEntry entry : entries) {
            String where = entry.statusPurpose() + " list " + entry.statusListCredential() + " index "
                    + entry.statusListIndex();
            StatusResult result;
            try {
                FetchedDocument document = fetcher.fetch(entry.statusListCredential());
                if (document.status() != 200) {
                    return Check.warning(STATUS, Outcome.CANNOT_CHECK, "the status list "
                            + entry.statusListCredential() + " answered HTTP " + document.status());
                }
                byte[] body = document.bodyBytes();
                VerifiedList verified = verifiedLists.find(entry.statusListCredential(), body, at, depth);
                if (verified == null) {
                    ObjectNode list = Json.parseObject(body);
                    VerificationReport listReport = verifyJson(list, at, "json", depth + 1);
                    if (!listReport.valid()) {
                        return Check.warning(STATUS, Outcome.CANNOT_CHECK, "the status list "
                                + entry.statusListCredential() + " does not verify (" + listReport.outcome().label()
                                + "), so it cannot be trusted");
                    }
                    verified = verifiedLists.keep(entry.statusListCredential(), body, at, depth, list);
                }
                String listIssuer = IssuerKeyCheck.issuerId(verified.json());
                if (!listIssuer.equals(IssuerKeyCheck.issuerId(credential))) {
                    // Bitstring Status List §3.2 does not require it; a verifier should know who controls status
                    warnings.add("the status list is issued by " + listIssuer + ", not by the credential's issuer");
                }
                result = statusCheck.check(entry, verified.parsed());
            } catch (MicrocredException e) {
                return Check.warning(STATUS, Outcome.CANNOT_CHECK, "status could not be checked: " + e.getMessage());
            }
            values.put(entry.statusPurpose(), where + " = " + result.value());
            warnings.addAll(result.warnings());
            if (result.isSet()) {
                switch (entry.statusPurpose()) {
                    case "revocation":
                        return Check.failed(STATUS, Outcome.REVOKED, "the issuer has revoked this credential ("
                                + where + ")", values);
                    case "suspension":
                        return Check.failed(STATUS, Outcome.SUSPENDED, "the issuer has suspended this credential ("
                                + where + ")", values);
                    default:
                        warnings.add("status " + entry.statusPurpose() + " is set at " + where);
                }
            }
        }
        String detail = "not revoked or suspended (" + entries.size() + " status "
                + (entries.size() == 1 ? "entry" : "entries") + " checked)";
        return warnings.isEmpty() ? Check.passed(STATUS, detail, values)
                : new Check(STATUS, Check.Status.WARNING, detail + "; " + String.join("; ", warnings), values, null);
    }

    /** Embedded endorsements of the credential, its achievement and its issuer (OB 3.0 §9 step 7). */
    private Check endorsementsCheck(ObjectNode credential, Instant at, int depth) {
        List<JsonNode> endorsements = new ArrayList<>();
        collect(credential.get("endorsement"), endorsements);
        collect(credential.path("credentialSubject").path("achievement").get("endorsement"), endorsements);
        collect(credential.path("issuer").get("endorsement"), endorsements);
        if (endorsements.isEmpty()) {
            return Check.skipped(ENDORSEMENTS, "no embedded endorsements");
        }
        return nestedReports(ENDORSEMENTS, "endorsement", endorsements, at, depth);
    }

    private Check nestedCheck(ObjectNode credential, Instant at, int depth) {
        List<JsonNode> nested = new ArrayList<>();
        collect(credential.path("credentialSubject").get("verifiableCredential"), nested);
        if (nested.isEmpty()) {
            return Check.skipped(NESTED, "the record holds no credentials");
        }
        return nestedReports(NESTED, "credential", nested, at, depth);
    }

    private Check nestedReports(String name, String what, List<JsonNode> documents, Instant at, int depth) {
        if (depth >= MAX_DEPTH) {
            return Check.warning(name, what + "s nested too deeply to check");
        }
        Map<String, String> values = new LinkedHashMap<>();
        int valid = 0;
        for (int i = 0; i < documents.size(); i++) {
            JsonNode doc = documents.get(i);
            String outcome;
            if (doc.isObject()) {
                outcome = verifyJson((ObjectNode) doc, at, "json", depth + 1).outcome().label();
            } else {
                outcome = "unsupported (not an embedded JSON credential)";
            }
            values.put(what + "[" + i + "] " + doc.path("id").asText(""), outcome);
            if ("valid".equals(outcome)) {
                valid++;
            }
        }
        String detail = valid + " of " + documents.size() + " " + what + (documents.size() == 1 ? "" : "s")
                + " verified";
        return valid == documents.size() ? Check.passed(name, detail, values)
                : new Check(name, Check.Status.WARNING, detail + "; the others must not be relied on", values, null);
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isArray()) {
            node.forEach(into::add);
        } else {
            into.add(node);
        }
    }
}
