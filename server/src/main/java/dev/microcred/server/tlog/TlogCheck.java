package dev.microcred.server.tlog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.verify.Check;
import dev.microcred.credentials.verify.VerificationReport;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code tlog} check on this instance's pages: a credential this instance issued (its {@code id} is
 * {@code <base URL>/credentials/<id>}) is checked against its stored receipt under the instance's policy
 * ({@link ReceiptCheck}), and the outcome is told in plain language. Credentials from elsewhere get no {@code tlog}
 * check (their issuers' logs are not known here). Immutable and thread-safe.
 */
public final class TlogCheck {
    private final TransparencyLog log;
    private final String credentialPrefix;
    private final OtherForms otherForms;

    public TlogCheck(TransparencyLog log, String baseUrl) {
        this(log, baseUrl, OtherForms.NONE);
    }

    /** A check that also knows the receipts of other signed forms of this instance's credentials (their VC-JWTs). */
    public TlogCheck(TransparencyLog log, String baseUrl, OtherForms otherForms) {
        this.log = Objects.requireNonNull(log, "log");
        this.credentialPrefix = baseUrl + "/credentials/";
        this.otherForms = Objects.requireNonNull(otherForms, "otherForms");
    }

    /**
     * Other signed forms of a credential than its stored Data Integrity one (the wallet's VC-JWT), each logged under
     * an entry of its own. Thread-safe.
     */
    @FunctionalInterface
    public interface OtherForms {
        OtherForms NONE = (credentialId, text) -> Optional.empty();

        /** The form {@code text} is exactly, if it is one of the credential's other forms. */
        Optional<Form> find(String credentialId, String text);
    }

    /** Another signed form of a credential, with its receipt once a published checkpoint covers it (else null). */
    public record Form(String receipt) {
    }

    /**
     * {@code report} with a {@code tlog} check when the credential is one of this instance's: passed or failed by
     * its receipt, or a warning while the log has not yet published a checkpoint covering it.
     *
     * @param input the credential as the verifier received it (hashed in its documented forms)
     */
    public VerificationReport append(VerificationReport report, byte[] input) {
        ObjectNode credential = report.credential();
        String id = credential == null ? null : credential.path("id").textValue();
        if (id == null || !id.startsWith(credentialPrefix) || id.length() - credentialPrefix.length() > 64) {
            return report;
        }
        String credentialId = id.substring(credentialPrefix.length());
        Optional<Form> form = otherForms.find(credentialId, new String(input, StandardCharsets.UTF_8));
        Optional<String> receipt = form.isPresent() ? Optional.ofNullable(form.get().receipt())
                : log.receipt(credentialId);
        return report.with(receipt.isPresent()
                ? plain(ReceiptCheck.check(report, input, receipt.get(), log.policy()))
                : Check.skipped(ReceiptCheck.NAME, "This credential has not been published in the transparency log "
                        + "yet; the log publishes within seconds of issuance. Reload the page to check again."));
    }

    private static Check plain(Check c) {
        if (c.status() != Check.Status.PASSED) {
            return new Check(c.name(), c.status(), "The transparency log receipt does NOT match this credential: "
                    + c.detail() + ". The credential may have been altered or issued outside the issuer's records.",
                    c.values(), c.implies());
        }
        String cosigners = c.values().getOrDefault("cosigners", "");
        int witnesses = cosigners.isBlank() ? 0 : cosigners.split(",").length;
        String detail = "The issuer publicly recorded this credential in its append-only transparency log (entry "
                + c.values().getOrDefault("index", "?") + " of " + c.values().getOrDefault("treeSize", "?")
                + " in " + c.values().getOrDefault("origin", "the log") + "). The log's signature"
                + (witnesses == 0 ? "" : " and " + witnesses + " independent witness" + (witnesses == 1 ? "" : "es"))
                + " vouch for this record, so it cannot later be removed or quietly rewritten. Anyone can re-check "
                + "it offline with the receipt (microcred verify --receipt).";
        return new Check(c.name(), c.status(), detail, c.values(), c.implies());
    }
}
