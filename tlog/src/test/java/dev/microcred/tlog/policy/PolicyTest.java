package dev.microcred.tlog.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.tlog.note.Ed25519NoteSigner;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.witness.Ed25519Cosigner;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyTest {
    private final LogFixture fixture = new LogFixture();

    /** The example of c2sp.org/tlog-policy with generated keys. */
    private String specExample() {
        List<String> keys = new ArrayList<>();
        for (String name : List.of("X1", "X2", "X3", "Y1", "Y2", "Y3")) {
            keys.add(new Ed25519Cosigner(name.toLowerCase() + ".example", Ed25519PrivateKey.generate(),
                    LogFixture.CLOCK).verifier().verifierKey().format());
        }
        return "log " + fixture.log.verifier().verifierKey().format() + "\n\n"
                + "witness X1 " + keys.get(0) + "\nwitness X2 " + keys.get(1) + "\nwitness X3 " + keys.get(2) + "\n"
                + "group X-witnesses 2 X1 X2 X3\n\n"
                + "witness Y1 " + keys.get(3) + "\nwitness Y2 " + keys.get(4) + " https://y2.example/witness\n"
                + "  witness\tY3 " + keys.get(5) + "  \n"
                + "group Y-witnesses any Y1 Y2 Y3\n\n"
                + "group X-and-Y all X-witnesses Y-witnesses\n"
                + "quorum X-and-Y\n";
    }

    @Test
    void parsesTheSpecExampleAndEvaluatesNestedGroups() {
        Policy policy = Policy.parse(specExample());
        assertThat(policy.logs()).hasSize(1);
        assertThat(policy.witnesses()).hasSize(6);
        assertThat(policy.groups()).extracting(PolicyGroup::threshold).containsExactly(2, 1, 2);
        assertThat(policy.witnesses().get(4).url()).contains("https://y2.example/witness");
        assertThat(policy.quorumSatisfiedBy(Set.of("X1", "X3", "Y2"))).isTrue();
        assertThat(policy.quorumSatisfiedBy(Set.of("X1", "Y1", "Y2", "Y3"))).isFalse();
        assertThat(policy.quorumSatisfiedBy(Set.of("X1", "X2", "X3"))).isFalse();
        assertThat(policy.quorumSatisfiedBy(Set.of())).isFalse();
        assertThat(Policy.parse(policy.format())).isEqualTo(policy);
    }

    @Test
    void quorumNoneNeedsNoWitness() {
        Policy policy = Policy.parse("log " + fixture.log.verifier().verifierKey().format() + "\nquorum none\n");
        assertThat(policy.verify(fixture.signed).accepted()).isTrue();
    }

    @Test
    void acceptsACheckpointCosignedByAQuorum() {
        Policy policy = fixture.policy("group two-of-three 2 W1 W2 W3\nquorum two-of-three\n");
        CheckpointVerification verification = policy.verify(fixture.cosignedBy(1, 3));
        assertThat(verification.accepted()).as(verification.reason()).isTrue();
        assertThat(verification.cosigners()).containsExactly("W1", "W3");
    }

    @Test
    void rejectsACheckpointShortOfTheQuorum() {
        Policy policy = fixture.policy("group two-of-three 2 W1 W2 W3\nquorum two-of-three\n");
        CheckpointVerification verification = policy.verify(fixture.cosignedBy(2));
        assertThat(verification.accepted()).isFalse();
        assertThat(verification.reason()).contains("short of the quorum");
        // the same witness twice counts once
        assertThat(policy.verify(fixture.cosignedBy(2, 2)).accepted()).isFalse();
        // a cosignature from a witness outside the policy is ignored
        Ed25519Cosigner stranger = new Ed25519Cosigner("stranger.example", Ed25519PrivateKey.generate(),
                LogFixture.CLOCK);
        assertThat(policy.verify(fixture.cosignedBy(2).withSignatures(stranger)).accepted()).isFalse();
    }

    @Test
    void rejectsACheckpointOfAnotherLogOrKey() {
        Policy policy = fixture.policy("quorum none\n");
        Ed25519NoteSigner impostor = Ed25519NoteSigner.generate(LogFixture.ORIGIN);
        assertThat(policy.verify(SignedNote.sign(fixture.signed.text(), impostor)).accepted()).isFalse();
        assertThat(policy.verify(SignedNote.sign(fixture.signed.text(), impostor, fixture.log)).accepted())
                .isTrue();
        Ed25519NoteSigner other = Ed25519NoteSigner.generate("other.example/log");
        String text = fixture.signed.text().replace(LogFixture.ORIGIN, "other.example/log");
        CheckpointVerification verification = policy.verify(SignedNote.sign(text, other));
        assertThat(verification.accepted()).isFalse();
        assertThat(verification.reason()).contains("not in the policy");
    }

    @Test
    void rejectsMalformedPolicies() {
        String log = "log " + fixture.log.verifier().verifierKey().format() + "\n";
        String w1 = "witness W1 " + fixture.witnesses.get(0).verifier().verifierKey().format() + "\n";
        String w2 = "witness W2 " + fixture.witnesses.get(1).verifier().verifierKey().format() + "\n";
        List<String> bad = List.of(
                log,
                log + "quorum W1\n",
                log + w1 + "quorum W1\nquorum W1\n",
                log + w1 + w1.replace("W1", "W9") + "quorum W1\n",
                log + log + "quorum none\n",
                log + w1 + w1 + "quorum W1\n",
                log + w1 + w2 + "group G 0 W1 W2\nquorum G\n",
                log + w1 + w2 + "group G 3 W1 W2\nquorum G\n",
                log + w1 + w2 + "group G 1 W1 W1\nquorum G\n",
                log + w1 + "group G 1 W1 W2\n" + w2 + "quorum G\n",
                log + w1 + "group G any\nquorum G\n",
                log + w1 + "group none any W1\nquorum none\n",
                log + w1 + "group G any none\nquorum G\n",
                log + "witness W1 " + fixture.log.verifier().verifierKey().format() + "\nquorum W1\n",
                "log " + fixture.witnesses.get(0).verifier().verifierKey().format() + "\nquorum none\n",
                log + "unknown line\nquorum none\n",
                log + "quorum none\u0001\n",
                log + w1 + "quorum W1 W2\n");
        for (String text : bad) {
            assertThatThrownBy(() -> Policy.parse(text)).as(text).isInstanceOf(MicrocredException.class);
        }
    }
}
