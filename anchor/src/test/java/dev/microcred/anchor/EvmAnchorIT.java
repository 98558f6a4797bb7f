package dev.microcred.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.anchor.AnchorVerification.Expectations;
import dev.microcred.anchor.AnchorVerification.Outcome;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.core.Sha256;
import dev.microcred.tlog.entry.Anchor;
import dev.microcred.tlog.entry.LogEntry;
import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.note.SignedNote;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Anchors real checkpoints (trees of issuance entries, signed with {@code CheckpointSigner}) on the local Hardhat
 * node of CI ({@code MICROCRED_TEST_EVM_URL}), and verifies them; then every negative outcome.
 */
class EvmAnchorIT {
    private static final Expectations STRICT = new Expectations(Optional.of(Hardhat.CHAIN),
            Optional.of(Hardhat.ACCOUNT_0), 1);
    private static EvmRpc rpc;
    private static TestCheckpoints log;
    private static SignedNote note;
    private static Anchor entry;

    @BeforeAll
    static void anchorOne() {
        rpc = EvmRpc.open(Hardhat.url());
        log = new TestCheckpoints("log.example/anchor-it").append(37);
        note = log.checkpoint();
        entry = anchor0().anchor(note.format());
    }

    @AfterAll
    static void close() {
        if (rpc != null) {
            rpc.close();
        }
    }

    private static EvmAnchor anchor0() {
        return new EvmAnchor(rpc, AnchorKey.fromHex(Hardhat.ACCOUNT_0_KEY), Hardhat.CHAIN, EvmAnchor.Settings.DEFAULT);
    }

    @Test
    void anchorsACheckpointInASelfTransactionAndVerifiesIt() {
        assertThat(entry.log()).isEqualTo("log.example/anchor-it");
        assertThat(entry.size()).isEqualTo(37);
        assertThat(entry.checkpoint()).isEqualTo(Hash.of(Sha256.digest(note.text())));
        assertThat(entry.chain()).isEqualTo("eip155:31337");
        assertThat(entry.tx()).matches("0x[0-9a-f]{64}");
        assertThat(LogEntry.parse(entry.format())).isEqualTo(entry);

        Transaction tx = rpc.transaction(entry.tx()).orElseThrow();
        assertThat(tx.getFrom()).isEqualToIgnoringCase(Hardhat.ACCOUNT_0);
        assertThat(tx.getTo()).isEqualToIgnoringCase(Hardhat.ACCOUNT_0);
        assertThat(tx.getValue()).isZero();
        assertThat(tx.getInput()).isEqualTo(new AnchorPayload(entry.checkpoint(), 37).hex());
        assertThat(tx.getChainId()).isEqualTo(31337L);

        AnchorVerification v = AnchorVerification.verify(note.format(), entry, rpc, STRICT);
        assertThat(v.outcome()).as(v.reason()).isEqualTo(Outcome.ANCHORED);
        assertThat(v.valid()).isTrue();
        assertThat(v.blockTime()).contains(entry.time());
        assertThat(v.confirmations()).isPositive();
        assertThat(v.sender()).contains(Hardhat.ACCOUNT_0);
        assertThat(v.block()).isEqualTo(tx.getBlockNumber().longValueExact());
        assertThat(AnchorVerification.verify(note.text(), entry, rpc, Expectations.ANY).valid())
                .as("the bare note text verifies as the signed note").isTrue();
    }

    @Test
    void theLogGrowsAndEachCheckpointHasItsOwnAnchor() {
        TestCheckpoints grown = new TestCheckpoints("log.example/anchor-it-2").append(3);
        SignedNote first = grown.checkpoint();
        Anchor a1 = anchor0().anchor(first.format());
        SignedNote second = grown.append(1000).checkpoint();
        Anchor a2 = anchor0().anchor(second.format());
        assertThat(a2.tx()).isNotEqualTo(a1.tx());
        assertThat(AnchorVerification.verify(second.format(), a2, rpc, STRICT).valid()).isTrue();
        assertThat(AnchorVerification.verify(first.format(), a1, rpc, STRICT).confirmations())
                .as("the earlier anchor is deeper").isGreaterThan(
                        AnchorVerification.verify(second.format(), a2, rpc, STRICT).confirmations());
        assertThat(AnchorVerification.verify(second.format(), a1, rpc, STRICT).outcome())
                .isEqualTo(Outcome.ENTRY_MISMATCH);
        Anchor secondClaimsFirstTx = new Anchor(a2.log(), a2.size(), a2.checkpoint(), a2.chain(), a1.tx(), a2.time());
        AnchorVerification v = AnchorVerification.verify(second.format(), secondClaimsFirstTx, rpc, STRICT);
        assertThat(v.outcome()).as(v.reason()).isEqualTo(Outcome.WRONG_PAYLOAD);
    }

    @Test
    void anEntryOrCheckpointChangedAfterwardsIsAMismatch() {
        Anchor otherHash = new Anchor(entry.log(), entry.size(), Hash.of(Sha256.digest("other")), entry.chain(),
                entry.tx(), entry.time());
        assertThat(AnchorVerification.verify(note.format(), otherHash, rpc, STRICT).outcome())
                .isEqualTo(Outcome.ENTRY_MISMATCH);
        Anchor otherSize = new Anchor(entry.log(), 36, entry.checkpoint(), entry.chain(), entry.tx(), entry.time());
        assertThat(AnchorVerification.verify(note.format(), otherSize, rpc, STRICT).outcome())
                .isEqualTo(Outcome.ENTRY_MISMATCH);
        String[] lines = note.text().split("\n");
        char c = lines[2].charAt(5);
        String flipped = lines[0] + "\n" + lines[1] + "\n" + lines[2].substring(0, 5) + (c == 'A' ? 'B' : 'A')
                + lines[2].substring(6) + "\n";
        AnchorVerification v = AnchorVerification.verify(flipped, entry, rpc, STRICT);
        assertThat(v.outcome()).isEqualTo(Outcome.ENTRY_MISMATCH);
        assertThat(v.reason()).contains("SHA-256");
        Anchor otherTime = new Anchor(entry.log(), entry.size(), entry.checkpoint(), entry.chain(), entry.tx(),
                entry.time().plusSeconds(1));
        assertThat(AnchorVerification.verify(note.format(), otherTime, rpc, STRICT).outcome())
                .isEqualTo(Outcome.WRONG_TIME);
    }

    @Test
    void wrongChainSenderOrMissingTransaction() {
        AnchorVerification chain = AnchorVerification.verify(note.format(), entry, rpc,
                new Expectations(Optional.of(new EvmChainId(1)), Optional.empty(), 1));
        assertThat(chain.outcome()).isEqualTo(Outcome.WRONG_CHAIN);
        assertThat(chain.reason()).contains("eip155:31337", "eip155:1");

        Anchor onMainnet = new Anchor(entry.log(), entry.size(), entry.checkpoint(), "eip155:1", entry.tx(),
                entry.time());
        assertThatThrownBy(() -> AnchorVerification.verify(note.format(), onMainnet, rpc, Expectations.ANY))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("cannot check an anchor on eip155:1");

        AnchorVerification sender = AnchorVerification.verify(note.format(), entry, rpc,
                new Expectations(Optional.empty(), Optional.of(Hardhat.ACCOUNT_1), 1));
        assertThat(sender.outcome()).isEqualTo(Outcome.WRONG_SENDER);
        assertThat(sender.reason()).contains(Hardhat.ACCOUNT_0, Hardhat.ACCOUNT_1);

        Anchor missing = new Anchor(entry.log(), entry.size(), entry.checkpoint(), entry.chain(),
                "0x" + Sha256.hex("no such transaction".getBytes()), entry.time());
        assertThat(AnchorVerification.verify(note.format(), missing, rpc, STRICT).outcome())
                .isEqualTo(Outcome.NOT_FOUND);

        AnchorVerification deep = AnchorVerification.verify(note.format(), entry, rpc,
                new Expectations(Optional.empty(), Optional.empty(), 1_000_000));
        assertThat(deep.outcome()).isEqualTo(Outcome.TOO_FEW_CONFIRMATIONS);
        assertThat(deep.confirmations()).isPositive().isLessThan(1_000_000);
    }

    @Test
    void aRevertedTransactionIsNoAnchor() {
        // a contract whose code is PUSH1 0 PUSH1 0 REVERT: every call to it fails, and is mined with status 0
        String init = "0x6005600c60003960056000f3" + "60006000fd";
        TransactionReceipt deployed = sendRaw(Hardhat.ACCOUNT_1_KEY, null, init, BigInteger.valueOf(200_000));
        assertThat(deployed.isStatusOK()).isTrue();
        CheckpointDigest digest = CheckpointDigest.of(note.format());
        TransactionReceipt failed = sendRaw(Hardhat.ACCOUNT_1_KEY, deployed.getContractAddress(),
                AnchorPayload.of(digest).hex(), BigInteger.valueOf(100_000));
        assertThat(failed.isStatusOK()).isFalse();
        Anchor reverted = new Anchor(entry.log(), entry.size(), entry.checkpoint(), entry.chain(),
                failed.getTransactionHash(), entry.time());
        AnchorVerification v = AnchorVerification.verify(note.format(), reverted, rpc, Expectations.ANY);
        assertThat(v.outcome()).as(v.reason()).isEqualTo(Outcome.REVERTED);
        assertThat(v.sender()).contains(Hardhat.ACCOUNT_1);
    }

    @Test
    void aTransactionNotYetMinedIsPendingAndAnchoringWaitsABoundedTime() throws Exception {
        Hardhat.call("evm_setAutomine", "[false]");
        try {
            EvmAnchor impatient = new EvmAnchor(rpc, AnchorKey.fromHex(Hardhat.ACCOUNT_0_KEY), Hardhat.CHAIN,
                    new EvmAnchor.Settings(Duration.ofSeconds(1), Duration.ofMillis(200), Optional.empty()));
            long start = System.nanoTime();
            assertThatThrownBy(() -> impatient.anchor(note.format())).isInstanceOf(MicrocredException.class)
                    .satisfies(e -> assertThat(((MicrocredException) e).problem()).isEqualTo(Problem.UNAVAILABLE))
                    .hasMessageContaining("not in a block after 1 s");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));

            String pending = sendRawNoWait(Hardhat.ACCOUNT_1_KEY, Hardhat.ACCOUNT_1,
                    AnchorPayload.of(CheckpointDigest.of(note.format())).hex());
            Anchor notMined = new Anchor(entry.log(), entry.size(), entry.checkpoint(), entry.chain(), pending,
                    entry.time());
            assertThat(AnchorVerification.verify(note.format(), notMined, rpc, Expectations.ANY).outcome())
                    .isEqualTo(Outcome.PENDING);
            Hardhat.call("evm_mine", "[]");
            AnchorVerification mined = AnchorVerification.verify(note.format(), notMined, rpc, Expectations.ANY);
            assertThat(mined.outcome()).as("mined now; the entry's time is not its block's").isEqualTo(
                    Outcome.WRONG_TIME);
        } finally {
            Hardhat.call("evm_setAutomine", "[true]");
        }
    }

    @Test
    void refusesToSendOnAnotherChainAboveTheFeeCapOrWithoutFunds() {
        BigInteger nonce = rpc.pendingNonce(Hardhat.ACCOUNT_0);
        EvmAnchor mainnet = new EvmAnchor(rpc, AnchorKey.fromHex(Hardhat.ACCOUNT_0_KEY), new EvmChainId(1),
                EvmAnchor.Settings.DEFAULT);
        assertThatThrownBy(() -> mainnet.anchor(note.format())).isInstanceOf(MicrocredException.class)
                .satisfies(e -> assertThat(((MicrocredException) e).problem()).isEqualTo(Problem.INVALID_REQUEST))
                .hasMessageContaining("serves eip155:31337, not the configured eip155:1");
        EvmAnchor capped = new EvmAnchor(rpc, AnchorKey.fromHex(Hardhat.ACCOUNT_0_KEY), Hardhat.CHAIN,
                new EvmAnchor.Settings(Duration.ofSeconds(5), Duration.ofMillis(200), Optional.of(BigInteger.ONE)));
        assertThatThrownBy(() -> capped.anchor(note.format())).isInstanceOf(MicrocredException.class)
                .satisfies(e -> assertThat(((MicrocredException) e).problem()).isEqualTo(Problem.UNAVAILABLE))
                .hasMessageContaining("above the configured cap");
        assertThat(rpc.pendingNonce(Hardhat.ACCOUNT_0)).as("nothing was sent").isEqualTo(nonce);

        AnchorKey pauper = AnchorKey.fromHex("0x" + Sha256.hex("an account without ether".getBytes()));
        EvmAnchor unfunded = new EvmAnchor(rpc, pauper, Hardhat.CHAIN, EvmAnchor.Settings.DEFAULT);
        assertThatThrownBy(() -> unfunded.anchor(note.format())).isInstanceOf(MicrocredException.class)
                .satisfies(e -> assertThat(((MicrocredException) e).problem()).isEqualTo(Problem.FETCH_FAILED));
        assertThatThrownBy(() -> anchor0().anchor("not a checkpoint\n")).isInstanceOf(MicrocredException.class)
                .satisfies(e -> assertThat(((MicrocredException) e).problem()).isEqualTo(Problem.MALFORMED_INPUT));
    }

    /** Signs and sends a legacy transaction (a contract creation when {@code to} is null) and waits for it. */
    private static TransactionReceipt sendRaw(String key, String to, String data, BigInteger gas) {
        String hash = to == null ? send(RawTransaction.createContractTransaction(nonce(key), rpc.gasPrice(), gas,
                BigInteger.ZERO, data), key) : send(RawTransaction.createTransaction(nonce(key), rpc.gasPrice(), gas, to,
                BigInteger.ZERO, data), key);
        return rpc.receipt(hash).orElseThrow();
    }

    private static String sendRawNoWait(String key, String to, String data) {
        return send(RawTransaction.createTransaction(nonce(key), rpc.gasPrice(), BigInteger.valueOf(100_000), to,
                BigInteger.ZERO, data), key);
    }

    private static BigInteger nonce(String key) {
        return rpc.pendingNonce(AnchorKey.fromHex(key).address());
    }

    private static String send(RawTransaction tx, String key) {
        byte[] signed = TransactionEncoder.signMessage(tx, Hardhat.CHAIN.id(), AnchorKey.fromHex(key).credentials());
        return rpc.sendRawTransaction(Numeric.toHexString(signed));
    }
}
