package dev.microcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.core.Sha256;
import dev.microcred.credentials.issue.CredentialFormat;
import dev.microcred.credentials.issue.CredentialIssuer;
import dev.microcred.credentials.issue.SignedCredential;
import dev.microcred.credentials.ob3.Achievement;
import dev.microcred.credentials.ob3.Criteria;
import dev.microcred.crypto.DidKey;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.tlog.entry.Issuance;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.proof.TlogProof;
import dev.microcred.tlog.witness.Ed25519Cosigner;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code microcred verify --receipt FILE --policy FILE}: a credential issued with {@link CredentialIssuer}, its
 * issuance entry in a log built with the tlog module, the checkpoint cosigned by witnesses, under a 2-of-3 policy.
 */
class ReceiptVerifyTest {
    @TempDir
    Path dir;

    private final Ed25519PrivateKey issuerKey = Ed25519PrivateKey.generate();
    private final CredentialIssuer issuer = CredentialIssuer.withDidKey(issuerKey, "Example Academy");
    private final TestLog log = new TestLog("log.microcred.test/issuance");
    private final List<Ed25519Cosigner> witnesses = IntStream.rangeClosed(1, 3)
            .mapToObj(i -> new Ed25519Cosigner("witness" + i + ".test", Ed25519PrivateKey.generate(),
                    Clock.systemUTC()))
            .toList();
    private SignedCredential vc;
    private Path credential;
    private Path policy;

    @BeforeEach
    void issueAndLog() throws Exception {
        vc = issuer.issue(Achievement.of("https://example.org/badges/1", "Data Literacy", "Reads data.",
                Criteria.narrative("Passed the final assessment.")), "learner@example.org", CredentialFormat.LDP_JCS,
                null);
        credential = Files.writeString(dir.resolve("vc.json"), vc.text(), StandardCharsets.UTF_8);
        StringBuilder text = new StringBuilder("log ").append(log.key.verifier().verifierKey().format()).append('\n');
        for (int i = 0; i < witnesses.size(); i++) {
            text.append("witness W").append(i + 1).append(' ')
                    .append(witnesses.get(i).verifier().verifierKey().format()).append('\n');
        }
        text.append("group two-of-three 2 W1 W2 W3\nquorum two-of-three\n");
        policy = Files.writeString(dir.resolve("policy.txt"), text.toString());
        log.appendText("other entry", 5);
    }

    private Issuance entryFor(SignedCredential credential) {
        return new Issuance(DidKey.of(issuerKey.publicKey()), DidKey.verificationMethodId(issuerKey.publicKey()),
                Hash.of(Sha256.digest(credential.text().getBytes(StandardCharsets.UTF_8))),
                Instant.parse(credential.credential().get("validFrom").asText()));
    }

    /** The receipt of the entry at {@code index}, cosigned by the witnesses numbered (1-based). */
    private Path receipt(long index, boolean embed, int... cosigners) throws Exception {
        SignedNote note = log.checkpoint();
        for (int n : cosigners) {
            note = note.withSignatures(witnesses.get(n - 1));
        }
        TlogProof proof = TlogProof.of(log.inclusion(index), note,
                embed ? Optional.of(log.entries.get((int) index)) : Optional.empty());
        return Files.writeString(dir.resolve("receipt-" + index + ".tlog"), proof.format());
    }

    private CliRun verify(Path credentialFile, Path receiptFile, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("verify", "--offline", "--receipt",
                receiptFile.toString(), "--policy", policy.toString()));
        args.addAll(List.of(more));
        args.add(credentialFile.toString());
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void receiptWithEmbeddedEntryVerifiesUnderTwoOfThree() throws Exception {
        long index = log.append(entryFor(vc).bytes());
        log.appendText("later entry", 3);
        CliRun run = verify(credential, receipt(index, true, 1, 3));
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("VALID").containsPattern("ok  +tlog +entry 5 is in log.microcred.test/issuance"
                + " at size 9");
        CliRun json = verify(credential, receipt(index, true, 1, 2), "--json");
        assertThat(json.exitCode()).isZero();
        assertThat(json.out()).contains("\"name\" : \"tlog\"", "\"cosigners\" : \"W1, W2\"",
                "\"hashedForm\" : \"as given\"");
    }

    @Test
    void prettyPrintedCredentialAndReceiptWithoutEntryVerify() throws Exception {
        long index = log.append(entryFor(vc).bytes());
        Path pretty = Files.writeString(dir.resolve("pretty.json"), vc.prettyText() + "\n");
        CliRun embedded = verify(pretty, receipt(index, true, 2, 3));
        assertThat(embedded.exitCode()).as(embedded.out()).isZero();
        assertThat(embedded.out()).contains("tlog");
        CliRun rebuilt = verify(pretty, receipt(index, false, 1, 2, 3), "--json");
        assertThat(rebuilt.exitCode()).as(rebuilt.out()).isZero();
        assertThat(rebuilt.out()).contains("\"hashedForm\" : \"compact JSON\"");
    }

    @Test
    void quorumNotMetIsInvalid() throws Exception {
        long index = log.append(entryFor(vc).bytes());
        CliRun run = verify(credential, receipt(index, true, 2));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).startsWith("INVALID").containsPattern("FAIL +tlog +cosigned by 1 witness")
                .contains("short of the quorum two-of-three");
        CliRun json = verify(credential, receipt(index, true), "--json");
        assertThat(json.out()).contains("\"outcome\" : \"invalid\"", "\"outcome\" : \"failed\"");
    }

    @Test
    void tamperedReceiptIsInvalid() throws Exception {
        long index = log.append(entryFor(vc).bytes());
        Path good = receipt(index, true, 1, 2);
        String text = Files.readString(good);
        String[] lines = text.split("\n", -1);
        // line 3 is the first hash of the inclusion proof: change one character of it
        String proofLine = lines[3];
        char c = proofLine.charAt(5);
        lines[3] = proofLine.substring(0, 5) + (c == 'A' ? 'B' : 'A') + proofLine.substring(6);
        Path tampered = Files.writeString(dir.resolve("tampered.tlog"), String.join("\n", lines));
        CliRun run = verify(credential, tampered);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("the inclusion proof does not lead from the entry to the checkpoint root");
        Path otherIndex = Files.writeString(dir.resolve("index.tlog"), text.replace("index " + index, "index 4"));
        assertThat(verify(credential, otherIndex).exitCode()).isEqualTo(1);
        Path garbled = Files.writeString(dir.resolve("garbled.tlog"), text.substring(0, text.length() / 2));
        CliRun unreadable = verify(credential, garbled);
        assertThat(unreadable.exitCode()).isEqualTo(1);
        assertThat(unreadable.out()).contains("the receipt is not a readable tlog-proof");
    }

    @Test
    void receiptOfAnotherCredentialIsInvalid() throws Exception {
        SignedCredential other = issuer.issue(Achievement.of("https://example.org/badges/2", "Statistics",
                "Counts.", Criteria.narrative("Passed.")), "learner@example.org", CredentialFormat.LDP_JCS, null);
        long index = log.append(entryFor(other).bytes());
        CliRun embedded = verify(credential, receipt(index, true, 1, 2));
        assertThat(embedded.exitCode()).isEqualTo(1);
        assertThat(embedded.out()).contains("the log entry in the receipt records another credential");
        CliRun rebuilt = verify(credential, receipt(index, false, 1, 2));
        assertThat(rebuilt.exitCode()).isEqualTo(1);
        assertThat(rebuilt.out()).contains("the inclusion proof does not lead");
        CliRun notIssuance = verify(credential, receipt(0, true, 1, 2));
        assertThat(notIssuance.exitCode()).isEqualTo(1);
        assertThat(notIssuance.out()).contains("not a microcred log entry");
    }

    @Test
    void entryWithAnotherIssuerOrTimeIsInvalid() throws Exception {
        Issuance right = entryFor(vc);
        long later = log.append(new Issuance(right.issuer(), right.key(), right.credential(),
                right.time().plusSeconds(3600)).bytes());
        CliRun run = verify(credential, receipt(later, true, 1, 2));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("the log entry records issuance at");
        Ed25519PrivateKey thief = Ed25519PrivateKey.generate();
        long stolen = log.append(new Issuance(DidKey.of(thief.publicKey()),
                DidKey.verificationMethodId(thief.publicKey()), right.credential(), right.time()).bytes());
        CliRun other = verify(credential, receipt(stolen, true, 1, 2));
        assertThat(other.exitCode()).isEqualTo(1);
        assertThat(other.out()).contains("the log entry names the issuer");
    }

    @Test
    void receiptUnderAnotherLogKeyIsInvalid() throws Exception {
        TestLog impostor = new TestLog("log.microcred.test/issuance");
        long index = impostor.append(entryFor(vc).bytes());
        SignedNote note = impostor.checkpoint().withSignatures(witnesses.get(0), witnesses.get(1));
        Path forged = Files.writeString(dir.resolve("forged.tlog"),
                TlogProof.of(impostor.inclusion(index), note, Optional.of(impostor.entries.get(0))).format());
        CliRun run = verify(credential, forged);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("not validly signed by the log");
    }

    @Test
    void badPolicyOrMissingPolicyIsBadInput() throws Exception {
        long index = log.append(entryFor(vc).bytes());
        Path receipt = receipt(index, true, 1, 2);
        Path bad = Files.writeString(dir.resolve("bad-policy.txt"), "log nonsense\nquorum none\n");
        CliRun run = CliRun.of("verify", "--offline", "--receipt", receipt.toString(), "--policy", bad.toString(),
                credential.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("microcred: policy line 1").doesNotContain("Exception");
        CliRun alone = CliRun.of("verify", "--offline", "--receipt", receipt.toString(), credential.toString());
        assertThat(alone.exitCode()).isEqualTo(2);
        assertThat(alone.err()).contains("--policy");
    }
}
