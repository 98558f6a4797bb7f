package dev.microcred.tlog.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.tlog.merkle.InclusionProof;
import dev.microcred.tlog.policy.LogFixture;
import dev.microcred.tlog.policy.Policy;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TlogProofTest {
    static final LogFixture FIXTURE = new LogFixture();
    static final Policy ALL = FIXTURE.policy("group all-three all W1 W2 W3\nquorum all-three\n");
    static final TlogProof RECEIPT = receipt(37);

    static TlogProof receipt(int index) {
        return TlogProof.of(InclusionProof.generate(FIXTURE.tree, index, FIXTURE.range.size()),
                FIXTURE.cosignedBy(1, 2, 3), Optional.of(FIXTURE.entries.get(index)));
    }

    @Test
    void formatFollowsTheSpecLayoutAndRoundTrips() {
        String text = RECEIPT.format();
        assertThat(text).startsWith("c2sp.org/tlog-proof@v1\nextra ZW50cnkgMzcK\nindex 37\n");
        assertThat(text).contains("\n\n" + LogFixture.ORIGIN + "\n100\n");
        assertThat(TlogProof.parse(text)).isEqualTo(RECEIPT);
        TlogProof withoutExtra = new TlogProof(Optional.empty(), 37, RECEIPT.inclusionProof(), RECEIPT.checkpoint());
        assertThat(withoutExtra.format()).startsWith("c2sp.org/tlog-proof@v1\nindex 37\n");
        assertThat(TlogProof.parse(withoutExtra.format())).isEqualTo(withoutExtra);
    }

    @Test
    void verifiesOfflineUnderThePolicy() {
        ReceiptVerification verification = TlogProof.parse(RECEIPT.format()).verifyEmbeddedEntry(ALL);
        assertThat(verification.valid()).as(verification.reason()).isTrue();
        assertThat(verification.cosigners()).containsExactly("W1", "W2", "W3");
        assertThat(RECEIPT.verify(ALL, FIXTURE.entries.get(37)).valid()).isTrue();
    }

    @Test
    void rejectsAnotherEntryIndexOrQuorum() {
        assertThat(RECEIPT.verify(ALL, FIXTURE.entries.get(36)).valid()).isFalse();
        TlogProof shifted = new TlogProof(RECEIPT.extra(), 36, RECEIPT.inclusionProof(), RECEIPT.checkpoint());
        assertThat(shifted.verifyEmbeddedEntry(ALL).valid()).isFalse();
        TlogProof beyond = new TlogProof(RECEIPT.extra(), 100, RECEIPT.inclusionProof(), RECEIPT.checkpoint());
        assertThat(beyond.verifyEmbeddedEntry(ALL).reason()).contains("not in the checkpoint");
        TlogProof twoWitnesses = TlogProof.of(InclusionProof.generate(FIXTURE.tree, 37, 100),
                FIXTURE.cosignedBy(1, 2), Optional.of(FIXTURE.entries.get(37)));
        assertThat(twoWitnesses.verifyEmbeddedEntry(ALL).valid()).isFalse();
        assertThat(twoWitnesses.verifyEmbeddedEntry(FIXTURE.policy("group g 2 W1 W2 W3\nquorum g\n")).valid())
                .isTrue();
        TlogProof noEntry = new TlogProof(Optional.empty(), 37, RECEIPT.inclusionProof(), RECEIPT.checkpoint());
        assertThat(noEntry.verifyEmbeddedEntry(ALL).valid()).isFalse();
    }

    @Test
    void rejectsMalformedReceipts() {
        String text = RECEIPT.format();
        for (String bad : new String[] {
            text.replace("c2sp.org/tlog-proof@v1", "c2sp.org/tlog-proof@v2"),
            text.replace("index 37", "index 037"),
            text.replace("index 37\n", ""),
            text.replace("extra ", "extra  "),
            text.substring(0, text.indexOf("\n\n")),
            text.replace("\n\n", "\nnot a hash\n\n")}) {
            assertThatThrownBy(() -> TlogProof.parse(bad)).isInstanceOf(MicrocredException.class);
        }
    }

    @Property(tries = 200)
    void anyFlippedBitInAReceiptFails(@ForAll @IntRange(min = 0, max = 1 << 24) int where) {
        byte[] bytes = RECEIPT.format().getBytes(StandardCharsets.UTF_8);
        int bit = where % (bytes.length * 8);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        String tampered = new String(bytes, StandardCharsets.UTF_8);
        boolean valid;
        try {
            valid = TlogProof.parse(tampered).verifyEmbeddedEntry(ALL).valid();
        } catch (MicrocredException e) {
            valid = false;
        }
        assertThat(valid).as("bit %d", bit).isFalse();
    }
}
