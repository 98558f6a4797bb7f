package dev.microcred.server.tlog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Sha256;
import dev.microcred.credentials.baking.BakedImages;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.verify.Check;
import dev.microcred.credentials.verify.InputKind;
import dev.microcred.credentials.verify.Outcome;
import dev.microcred.credentials.verify.VerificationReport;
import dev.microcred.tlog.entry.Issuance;
import dev.microcred.tlog.entry.LogEntry;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.policy.Policy;
import dev.microcred.tlog.proof.ReceiptVerification;
import dev.microcred.tlog.proof.TlogProof;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code tlog} check of {@code microcred verify --receipt FILE --policy FILE}: the credential's issuance entry
 * is in a transparency log the policy trusts, under a checkpoint its witnesses cosigned (c2sp.org/tlog-proof).
 * It lives in the server (the credential page, the verify page) and serves the command line: the credential
 * verifier does not depend on the tlog module.
 *
 * <p>What is hashed: the issuance entry's {@code credential} field is SHA-256 of the signed credential as issued,
 * that is the UTF-8 bytes of the compact JSON microcred signs and stores, or of the compact JWS. A credential
 * reaches the verifier re-formatted (pretty-printed by {@code microcred issue --out}, baked in an image), so it
 * is compared in three forms, each a deterministic function of the input: the text exactly as given (the baked
 * text for an image), that text without surrounding white space, and, for JSON, its compact re-serialization
 * (member order and values kept). The signature check of the report is what binds the content; this check binds
 * the credential to the log entry.
 *
 * <p>With the entry embedded in the receipt ({@code extra}, as microcred writes receipts), its credential hash
 * must be one of those hashes, and its issuer, signing key and time must be the credential's; otherwise the entry
 * is rebuilt from the credential (issuer, verification method, {@code validFrom}) for each hash. Stateless.
 */
public final class ReceiptCheck {
    public static final String NAME = "tlog";

    private ReceiptCheck() {
    }

    /** {@code report} with the {@code tlog} check appended. */
    public static VerificationReport append(VerificationReport report, byte[] input, String receiptText, Policy policy) {
        return report.with(check(report, input, receiptText, policy));
    }

    public static Check check(VerificationReport report, byte[] input, String receiptText, Policy policy) {
        TlogProof receipt;
        try {
            receipt = TlogProof.parse(receiptText);
        } catch (MicrocredException e) {
            return Check.failed(NAME, Outcome.INVALID, "the receipt is not a readable tlog-proof: " + e.getMessage());
        }
        ObjectNode credential = report.credential();
        Map<String, Hash> forms;
        try {
            forms = forms(input);
        } catch (MicrocredException e) {
            forms = Map.of();
        }
        if (credential == null || forms.isEmpty()) {
            return Check.warning(NAME, "the credential could not be read, so the receipt was not checked");
        }
        String issuer = issuerId(credential);
        Optional<String> key = report.check("issuer-key").map(c -> c.values().get("verificationMethod"))
                .or(() -> Optional.ofNullable(credential.path("proof").path("verificationMethod").textValue()));
        Optional<Instant> time = issuedAt(credential);
        if (receipt.extra().isPresent()) {
            return embedded(receipt, policy, forms, issuer, key, time);
        }
        return rebuilt(receipt, policy, forms, issuer, key, time);
    }

    private static Check embedded(TlogProof receipt, Policy policy, Map<String, Hash> forms, String issuer,
                                  Optional<String> key, Optional<Instant> time) {
        byte[] bytes = receipt.extra().orElseThrow().toArray();
        LogEntry entry;
        try {
            entry = LogEntry.parse(bytes);
        } catch (MicrocredException e) {
            return Check.failed(NAME, Outcome.INVALID, "the receipt's entry is not a microcred log entry: "
                    + e.getMessage());
        }
        if (!(entry instanceof Issuance issuance)) {
            return Check.failed(NAME, Outcome.INVALID, "the receipt's entry records a " + entry.type()
                    + " event, not an issuance");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("entryCredential", "sha256:" + issuance.credential().hex());
        String form = formOf(forms, issuance.credential());
        if (form == null) {
            values.put("credentialSha256", "sha256:" + forms.values().iterator().next().hex());
            return Check.failed(NAME, Outcome.INVALID, "the log entry in the receipt records another credential "
                    + "(sha256:" + issuance.credential().hex() + ")", values);
        }
        values.put("hashedForm", form);
        values.put("entryIssuer", issuance.issuer());
        if (!issuance.issuer().equals(issuer)) {
            return Check.failed(NAME, Outcome.INVALID, "the log entry names the issuer " + issuance.issuer()
                    + ", not " + issuer, values);
        }
        if (key.isPresent() && !issuance.key().equals(key.get())) {
            return Check.failed(NAME, Outcome.INVALID, "the log entry records the key " + issuance.key()
                    + ", not the key that signed the credential (" + key.get() + ")", values);
        }
        if (time.isPresent() && !issuance.time().equals(time.get())) {
            return Check.failed(NAME, Outcome.INVALID, "the log entry records issuance at " + issuance.time()
                    + ", the credential says " + time.get(), values);
        }
        return outcome(receipt.verify(policy, bytes), receipt, values);
    }

    private static Check rebuilt(TlogProof receipt, Policy policy, Map<String, Hash> forms, String issuer,
                                 Optional<String> key, Optional<Instant> time) {
        if (issuer == null || key.isEmpty() || time.isEmpty()) {
            return Check.warning(NAME, Outcome.CANNOT_CHECK, "the receipt carries no entry, and the issuance entry "
                    + "cannot be rebuilt without the credential's issuer DID, verification method and validFrom");
        }
        ReceiptVerification last = null;
        for (Map.Entry<String, Hash> form : forms.entrySet()) {
            Issuance entry;
            try {
                entry = new Issuance(issuer, key.get(), form.getValue(), time.get());
            } catch (MicrocredException e) {
                return Check.warning(NAME, Outcome.CANNOT_CHECK, "the receipt carries no entry, and no issuance "
                        + "entry can be built for this credential: " + e.getMessage());
            }
            last = receipt.verify(policy, entry.bytes());
            if (last.valid()) {
                Map<String, String> values = new LinkedHashMap<>();
                values.put("entryCredential", "sha256:" + form.getValue().hex());
                values.put("hashedForm", form.getKey());
                values.put("entryIssuer", issuer);
                return outcome(last, receipt, values);
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("credentialSha256", "sha256:" + forms.values().iterator().next().hex());
        return outcome(last, receipt, values);
    }

    private static Check outcome(ReceiptVerification result, TlogProof receipt, Map<String, String> values) {
        values.put("origin", result.checkpoint().origin());
        values.put("treeSize", Long.toString(result.checkpoint().size()));
        values.put("index", Long.toString(receipt.index()));
        values.put("cosigners", String.join(", ", result.cosigners()));
        if (result.valid()) {
            return Check.passed(NAME, result.reason(), values);
        }
        return Check.failed(NAME, Outcome.INVALID, result.reason(), values);
    }

    /** The hashes of the credential's text forms, by form name, in the order they are tried. */
    static Map<String, Hash> forms(byte[] input) {
        InputKind kind = InputKind.sniff(input);
        String text = kind == InputKind.PNG || kind == InputKind.SVG
                ? BakedImages.extract(input).text()
                : new String(input, StandardCharsets.UTF_8);
        Map<String, Hash> forms = new LinkedHashMap<>();
        forms.put("as given", sha256(text));
        String stripped = text.strip();
        if (stripped.startsWith("\uFEFF")) {
            stripped = stripped.substring(1).strip();
        }
        forms.putIfAbsent("without surrounding white space", sha256(stripped));
        if (stripped.startsWith("{")) {
            try {
                forms.putIfAbsent("compact JSON", sha256(Json.write(Json.parse(stripped))));
            } catch (MicrocredException e) {
                // not JSON after all: the other forms stand
            }
        }
        Map<String, Hash> distinct = new LinkedHashMap<>();
        forms.forEach((name, hash) -> {
            if (!distinct.containsValue(hash)) {
                distinct.put(name, hash);
            }
        });
        return distinct;
    }

    private static Hash sha256(String text) {
        return Hash.of(Sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String formOf(Map<String, Hash> forms, Hash hash) {
        return forms.entrySet().stream().filter(e -> e.getValue().equals(hash)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static String issuerId(ObjectNode credential) {
        JsonNode issuer = credential.path("issuer");
        return issuer.isTextual() ? issuer.asText() : issuer.path("id").textValue();
    }

    private static Optional<Instant> issuedAt(ObjectNode credential) {
        JsonNode from = credential.has("validFrom") ? credential.get("validFrom") : credential.get("issuanceDate");
        if (from == null || !from.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(from.asText()).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
