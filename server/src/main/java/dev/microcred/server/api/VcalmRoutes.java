package dev.microcred.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.dataintegrity.Cryptosuite;
import dev.microcred.credentials.dataintegrity.ProofResult;
import dev.microcred.credentials.dataintegrity.VerificationResult;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.status.StatusEntry;
import dev.microcred.credentials.verify.Check;
import dev.microcred.credentials.verify.VerificationReport;
import dev.microcred.server.Platform;
import dev.microcred.server.http.Bearer;
import dev.microcred.server.http.Bodies;
import dev.microcred.server.http.Problems;
import dev.microcred.server.issuing.Scopes;
import dev.microcred.server.issuing.StatusRegistry;
import dev.microcred.store.CredentialState;
import dev.microcred.store.StoredCredential;
import dev.microcred.store.Issuer;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * W3C VCALM (Verifiable Credentials API Lifecycle Management) per issuer, under {@code /issuers/{slug}/vcalm}:
 * {@code POST /credentials/issue} ({@code {credential, options}} → 201 {@code {verifiableCredential}}) and
 * {@code POST /credentials/verify} ({@code {verifiableCredential, options}} → 200 {@code {verified, checks, warnings,
 * errors}} when it verifies, 400 problem details with the same members when it does not, as the W3C test suites
 * expect), {@code POST /credentials/status} (set or clear a credential's revocation or suspension bit) and
 * {@code POST /presentations/verify}. Bearer tokens with {@code credentials:issue} / {@code credentials:verify} /
 * {@code credentials:status}.
 */
public final class VcalmRoutes {
    private final Platform p;
    private final Bearer bearer;

    public VcalmRoutes(Platform platform, Bearer bearer) {
        this.p = Objects.requireNonNull(platform, "platform");
        this.bearer = Objects.requireNonNull(bearer, "bearer");
    }

    public void register(Javalin app) {
        app.post("/issuers/{slug}/vcalm/credentials/issue", this::issue);
        app.post("/issuers/{slug}/vcalm/credentials/verify", this::verify);
        app.post("/issuers/{slug}/vcalm/credentials/status", this::status);
        app.post("/issuers/{slug}/vcalm/presentations/verify", this::verifyPresentation);
    }

    /**
     * VCALM "update status": {@code {credentialId, credentialStatus: [{type: BitstringStatusListEntry, status,
     * statusPurpose}]}}. {@code credentialId} is the credential's id URL on this server or its stored id. Setting a
     * status to the value it has is a no-op; revocation cannot be undone (409). 200 with the resulting state.
     */
    private void status(Context ctx) {
        Issuer issuer = p.issuers().require(ctx.pathParam("slug"));
        bearer.require(ctx, issuer, Scopes.CREDENTIALS_STATUS);
        ObjectNode body = Bodies.object(ctx, p.config().maxRequestBytes());
        String credentialId = body.path("credentialId").asText(null);
        if (credentialId == null || credentialId.isBlank()) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "credentialId is required");
        }
        String prefix = p.baseUrl() + "/credentials/";
        String storedId = credentialId.startsWith(prefix) ? credentialId.substring(prefix.length()) : credentialId;
        JsonNode statuses = body.get("credentialStatus");
        if (statuses == null || !(statuses.isArray() || statuses.isObject()) || statuses.isEmpty()) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "credentialStatus is required: [{type, status,"
                    + " statusPurpose}]");
        }
        StoredCredential current = p.db().read(c -> p.store().credentials().byId(c, storedId))
                .filter(k -> k.issuerId().equals(issuer.id()))
                .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no credential " + credentialId
                        + " of this issuer"));
        for (JsonNode s : statuses.isArray() ? statuses : List.of(statuses)) {
            if (!StatusEntry.BITSTRING_TYPE.equals(s.path("type").asText())) {
                throw new MicrocredException(Problem.UNSUPPORTED, "credentialStatus.type must be "
                        + StatusEntry.BITSTRING_TYPE);
            }
            String purpose = s.path("statusPurpose").asText(StatusRegistry.REVOCATION);
            JsonNode v = s.get("status");
            boolean set;
            if (v != null && v.isBoolean()) {
                set = v.asBoolean();
            } else if (v != null && v.isTextual() && (v.asText().equals("true") || v.asText().equals("false"))) {
                set = Boolean.parseBoolean(v.asText());
            } else {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "credentialStatus.status must be true or false");
            }
            StatusRegistry.Change change;
            switch (purpose) {
                case StatusRegistry.REVOCATION -> {
                    if (!set) {
                        if (current.state() == CredentialState.REVOKED) {
                            throw new MicrocredException(Problem.CONFLICT, "the credential is revoked: revocation is"
                                    + " final");
                        }
                        continue;
                    }
                    if (current.state() == CredentialState.REVOKED) {
                        continue;
                    }
                    change = StatusRegistry.Change.REVOKE;
                }
                case StatusRegistry.SUSPENSION -> {
                    if (set == (current.state() == CredentialState.SUSPENDED)) {
                        continue;
                    }
                    change = set ? StatusRegistry.Change.SUSPEND : StatusRegistry.Change.UNSUSPEND;
                }
                default -> throw new MicrocredException(Problem.INVALID_REQUEST,
                        "statusPurpose must be revocation or suspension");
            }
            current = p.status().change(issuer, storedId, change, null);
        }
        ObjectNode out = Json.object();
        out.put("credentialId", credentialId);
        out.put("state", current.state().label());
        Bodies.json(ctx, 200, out);
    }

    /**
     * VCALM "verify presentation": {@code {verifiablePresentation, options: {challenge, domain}}}. The
     * presentation's own Data Integrity proof (when present, or when a challenge is asked for) must verify with a key
     * its controller authorises for {@code authentication}, belong to the holder when one is named, and carry the
     * challenge and domain asked for; every embedded credential must verify. 200 {@code {verified: true, checks,
     * warnings, errors, presentationResult, credentialResults}}; otherwise 400 problem details with the same members.
     */
    private void verifyPresentation(Context ctx) {
        bearer.requireFor(ctx, p.issuers().requireId(ctx.pathParam("slug")), Scopes.CREDENTIALS_VERIFY);
        ObjectNode body = Bodies.object(ctx, p.config().maxRequestBytes());
        JsonNode vp = body.get("verifiablePresentation");
        if (vp == null || !vp.isObject()) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "verifiablePresentation is required and must be an"
                    + " object");
        }
        JsonNode type = vp.path("type");
        boolean isVp = type.isTextual() ? type.asText().equals("VerifiablePresentation")
                : type.isArray() && type.toString().contains("\"VerifiablePresentation\"");
        if (!isVp) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "the presentation's type must include"
                    + " VerifiablePresentation");
        }
        JsonNode options = body.path("options");
        String challenge = options.path("challenge").asText(null);
        String domain = options.path("domain").asText(null);
        ArrayNode checks = Json.mapper().createArrayNode();
        ArrayNode warnings = Json.mapper().createArrayNode();
        ArrayNode errors = Json.mapper().createArrayNode();
        ObjectNode presentationResult = Json.object();
        boolean verified = true;
        if (vp.has("proof")) {
            String failure = presentationProof((ObjectNode) vp, challenge, domain);
            presentationResult.put("verified", failure == null);
            if (failure == null) {
                checks.add("proof");
            } else {
                verified = false;
                errors.add(error("proof", failure));
            }
        } else if (challenge != null || domain != null) {
            verified = false;
            presentationResult.put("verified", false);
            errors.add(error("proof", "a challenge or domain was asked for but the presentation has no proof"));
        } else {
            presentationResult.put("verified", true);
            warnings.add(error("proof", "the presentation has no proof: its holder is not authenticated"));
        }
        ArrayNode credentialResults = Json.mapper().createArrayNode();
        JsonNode vcs = vp.path("verifiableCredential");
        List<JsonNode> list = vcs.isMissingNode() || vcs.isNull() ? List.of() : vcs.isArray()
                ? toList(vcs) : List.of(vcs);
        for (int i = 0; i < list.size(); i++) {
            JsonNode vc = list.get(i);
            VerificationReport report;
            if (vc.isObject() && "EnvelopedVerifiableCredential".equals(vc.path("type").asText())
                    && vc.path("id").asText().startsWith("data:")) {
                String id = vc.path("id").asText();
                report = p.verification().verify(id.substring(id.indexOf(',') + 1).getBytes(StandardCharsets.UTF_8));
            } else if (vc.isObject()) {
                report = p.verification().verify((ObjectNode) vc);
            } else if (vc.isTextual()) {
                report = p.verification().verify(vc.asText().getBytes(StandardCharsets.UTF_8));
            } else {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "verifiableCredential[" + i + "] is neither a"
                        + " credential nor a VC-JWT");
            }
            ObjectNode r = credentialResults.addObject();
            r.put("verified", report.valid());
            r.put("outcome", report.outcome().label());
            if (report.valid()) {
                checks.add("credential[" + i + "]");
            } else {
                verified = false;
                errors.add(error("credential[" + i + "]", "the embedded credential did not verify: "
                        + report.outcome().label()));
            }
            for (Check c : report.checks()) {
                if (c.status() == Check.Status.FAILED) {
                    errors.add(error("credential[" + i + "]." + c.name(), c.detail()));
                }
            }
        }
        ObjectNode result = Json.object();
        result.put("verified", verified);
        result.set("checks", checks);
        result.set("warnings", warnings);
        result.set("errors", errors);
        result.set("presentationResult", presentationResult);
        result.set("credentialResults", credentialResults);
        if (verified) {
            Bodies.json(ctx, 200, result);
        } else {
            Problems.send(ctx, 400, "verification-failed", "the presentation did not verify", result);
        }
    }

    /** Why the presentation's proof does not hold, or null when it does. */
    private String presentationProof(ObjectNode vp, String challenge, String domain) {
        VerificationResult proofs;
        try {
            proofs = p.verification().verifyProofs(vp);
        } catch (MicrocredException e) {
            return "the proof could not be checked: " + e.getMessage();
        }
        if (!proofs.verified()) {
            return proofs.proofs().stream().filter(x -> !x.verified()).map(ProofResult::reason).findFirst()
                    .orElse("the proof does not verify");
        }
        JsonNode proofNode = vp.get("proof");
        List<JsonNode> all = proofNode.isArray() ? toList(proofNode) : List.of(proofNode);
        String holder = vp.path("holder").isTextual() ? vp.path("holder").asText()
                : vp.path("holder").path("id").asText(null);
        for (int i = 0; i < all.size(); i++) {
            JsonNode proof = all.get(i);
            ProofResult r = proofs.proofs().get(i);
            if (!"authentication".equals(r.proofPurpose())) {
                return "the proof's purpose is " + r.proofPurpose() + ", not authentication";
            }
            if (!p.verification().resolve(r.verificationMethod()).authorizedFor("authentication")) {
                return "the key " + r.verificationMethod() + " is not authorised for authentication";
            }
            if (holder != null && !holder.equals(r.controller())
                    && !r.verificationMethod().startsWith(holder + "#")) {
                return "the proof is not made by the presentation's holder";
            }
            if (challenge != null && !challenge.equals(proof.path("challenge").asText(null))) {
                return "the proof does not carry the challenge asked for";
            }
            if (domain != null && !domainMatches(proof.path("domain"), domain)) {
                return "the proof does not carry the domain asked for";
            }
        }
        return null;
    }

    private static boolean domainMatches(JsonNode given, String domain) {
        if (given.isTextual()) {
            return given.asText().equals(domain);
        }
        if (given.isArray()) {
            for (JsonNode d : given) {
                if (d.asText().equals(domain)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static ObjectNode error(String name, String message) {
        ObjectNode o = Json.object();
        o.put("name", name);
        o.put("message", message);
        return o;
    }

    private void issue(Context ctx) {
        Issuer issuer = p.issuers().require(ctx.pathParam("slug"));
        bearer.require(ctx, issuer, Scopes.CREDENTIALS_ISSUE);
        ObjectNode body = Bodies.object(ctx, p.config().maxRequestBytes());
        JsonNode credential = body.get("credential");
        if (credential == null || !credential.isObject()) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "credential is required and must be an object");
        }
        JsonNode options = body.path("options");
        Cryptosuite suite = Cryptosuite.EDDSA_RDFC_2022;
        if (options.hasNonNull("cryptosuite")) {
            String id = options.get("cryptosuite").asText();
            if (id.equals(Cryptosuite.EDDSA_JCS_2022.id())) {
                suite = Cryptosuite.EDDSA_JCS_2022;
            } else if (!id.equals(Cryptosuite.EDDSA_RDFC_2022.id())) {
                throw new MicrocredException(Problem.UNSUPPORTED, "cryptosuite " + id + " is not offered: "
                        + Cryptosuite.EDDSA_RDFC_2022.id() + " or " + Cryptosuite.EDDSA_JCS_2022.id());
            }
        }
        List<String> purposes = new ArrayList<>();
        JsonNode status = options.get("credentialStatus");
        if (status != null && !status.isNull()) {
            for (JsonNode s : status.isArray() ? status : List.of(status)) {
                if (!StatusEntry.BITSTRING_TYPE.equals(s.path("type").asText())) {
                    throw new MicrocredException(Problem.UNSUPPORTED, "options.credentialStatus.type must be "
                            + StatusEntry.BITSTRING_TYPE);
                }
                purposes.add(s.path("statusPurpose").asText("revocation"));
            }
        }
        ObjectNode signed = p.issuance().sign(issuer, (ObjectNode) credential, suite, purposes);
        p.metrics().issued("vcalm", 1);
        ObjectNode out = Json.object();
        out.set("verifiableCredential", signed);
        Bodies.json(ctx, 201, out);
    }

    private void verify(Context ctx) {
        bearer.requireFor(ctx, p.issuers().requireId(ctx.pathParam("slug")), Scopes.CREDENTIALS_VERIFY);
        ObjectNode body = Bodies.object(ctx, p.config().maxRequestBytes());
        JsonNode vc = body.get("verifiableCredential");
        VerificationReport report;
        if (vc != null && vc.isObject()) {
            report = p.verification().verify((ObjectNode) vc);
        } else if (vc != null && vc.isTextual()) {
            report = p.verification().verify(vc.asText().getBytes(StandardCharsets.UTF_8));
        } else {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "verifiableCredential is required (an object or a"
                    + " VC-JWT)");
        }
        ObjectNode result = Json.object();
        result.put("verified", report.valid());
        ArrayNode checks = result.putArray("checks");
        ArrayNode warnings = result.putArray("warnings");
        ArrayNode errors = result.putArray("errors");
        for (Check c : report.checks()) {
            switch (c.status()) {
                case PASSED -> checks.add(c.name());
                case WARNING -> warnings.add(entry(c));
                case FAILED -> errors.add(entry(c));
                case SKIPPED -> { }
            }
        }
        result.put("outcome", report.outcome().label());
        if (report.valid()) {
            Bodies.json(ctx, 200, result);
        } else {
            Problems.send(ctx, 400, "verification-failed", "the credential did not verify: "
                    + report.outcome().label(), result);
        }
    }

    private static ObjectNode entry(Check c) {
        ObjectNode o = Json.object();
        o.put("name", c.name());
        o.put("message", c.detail());
        return o;
    }
}
