package dev.microcred.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.dataintegrity.Cryptosuite;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.status.StatusEntry;
import dev.microcred.credentials.verify.Check;
import dev.microcred.credentials.verify.VerificationReport;
import dev.microcred.server.Platform;
import dev.microcred.server.http.Bearer;
import dev.microcred.server.http.Bodies;
import dev.microcred.server.http.Problems;
import dev.microcred.server.issuing.Scopes;
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
 * expect). Bearer tokens with {@code credentials:issue} / {@code credentials:verify}.
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
        Issuer issuer = p.issuers().require(ctx.pathParam("slug"));
        bearer.require(ctx, issuer, Scopes.CREDENTIALS_VERIFY);
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
