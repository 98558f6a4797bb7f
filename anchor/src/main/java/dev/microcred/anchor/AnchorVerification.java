package dev.microcred.anchor;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.entry.Anchor;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The answer to "is this anchor entry a valid anchor of this checkpoint on its chain?", and the check that gives
 * it ({@link #verify}). A negative answer is a value with an {@link Outcome} and a one-line reason; a check that
 * could not be made at all (node unreachable, the node serves another chain than the entry names, malformed input)
 * throws {@link MicrocredException}.
 *
 * @param outcome       {@link Outcome#ANCHORED} or why not
 * @param reason        one line for a person
 * @param block         the number of the block holding the transaction, or -1 when it is in none
 * @param blockTime     the block's timestamp, when it is in a block
 * @param confirmations the number of blocks from it to the latest, itself included (0 when in none)
 * @param sender        the address that sent the transaction (EIP-55), when it was found
 */
public record AnchorVerification(Outcome outcome, String reason, long block, Optional<Instant> blockTime,
                                 long confirmations, Optional<String> sender) {
    /** What the check found. */
    public enum Outcome {
        /** Everything matches and the transaction has at least the confirmations asked for. */
        ANCHORED,
        /** The entry is not about this checkpoint: another origin, size or note hash. */
        ENTRY_MISMATCH,
        /** The entry names another chain than the one expected. */
        WRONG_CHAIN,
        /** The node does not know the transaction. */
        NOT_FOUND,
        /** The transaction is known but not in a block yet. */
        PENDING,
        /** The transaction is in a block but failed (receipt status 0). */
        REVERTED,
        /** The transaction's data is not the anchor payload of this checkpoint, or it is for another chain. */
        WRONG_PAYLOAD,
        /** The transaction was sent by another account than expected. */
        WRONG_SENDER,
        /** The entry's time is not the timestamp of the block holding the transaction. */
        WRONG_TIME,
        /** Valid so far, but with fewer confirmations than asked for. */
        TOO_FEW_CONFIRMATIONS
    }

    /**
     * What the verifier expects beyond the entry itself.
     *
     * @param chain            the chain the anchor must be on (empty: the one the entry names)
     * @param sender           the address that must have sent it (empty: any; compared case-insensitively)
     * @param minConfirmations the fewest confirmations accepted (1: in a block)
     */
    public record Expectations(Optional<EvmChainId> chain, Optional<String> sender, long minConfirmations) {
        /** Any chain, any sender, in a block. */
        public static final Expectations ANY = new Expectations(Optional.empty(), Optional.empty(), 1);

        public Expectations {
            Objects.requireNonNull(chain, "chain");
            Objects.requireNonNull(sender, "sender");
            if (sender.isPresent() && !sender.get().matches("0x[0-9a-fA-F]{40}")) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "not an address (0x and 40 hex digits): "
                        + sender.get());
            }
            if (minConfirmations < 1) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "at least 1 confirmation is asked for");
            }
        }
    }

    public AnchorVerification {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(blockTime, "blockTime");
        Objects.requireNonNull(sender, "sender");
    }

    /** True for {@link Outcome#ANCHORED}. */
    public boolean valid() {
        return outcome == Outcome.ANCHORED;
    }

    /**
     * Checks {@code anchor} against the checkpoint and the chain, in this order: the entry is about this checkpoint
     * (origin, size, SHA-256 of the note text); it is on the expected chain; the node serves that chain (else
     * {@link Problem#INVALID_REQUEST}: this node cannot check it); the transaction exists, is in a block, succeeded;
     * its data is the anchor payload of the checkpoint and, when it states one, its chain id is the entry's; the
     * sender is the expected one; the block holds the transaction, its timestamp is the entry's time; and the
     * number of confirmations.
     *
     * @param checkpointNote the checkpoint, as a signed note or its bare note text (signatures are not checked)
     */
    public static AnchorVerification verify(String checkpointNote, Anchor anchor, EvmRpc rpc, Expectations expect) {
        CheckpointDigest digest = CheckpointDigest.of(checkpointNote);
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(expect, "expect");
        if (!anchor.log().equals(digest.checkpoint().origin()) || anchor.size() != digest.checkpoint().size()) {
            return negative(Outcome.ENTRY_MISMATCH, "the entry anchors " + anchor.log() + " at size " + anchor.size()
                    + ", not this checkpoint (" + digest.checkpoint().origin() + " at size "
                    + digest.checkpoint().size() + ")");
        }
        if (!anchor.checkpoint().equals(digest.sha256())) {
            return negative(Outcome.ENTRY_MISMATCH, "the entry anchors the checkpoint text with SHA-256 "
                    + anchor.checkpoint().hex() + ", this one has " + digest.sha256().hex());
        }
        EvmChainId chain;
        try {
            chain = EvmChainId.parse(anchor.chain());
        } catch (MicrocredException e) {
            if (expect.chain().isPresent()) {
                return negative(Outcome.WRONG_CHAIN, "the anchor is on " + anchor.chain() + ", not "
                        + expect.chain().get());
            }
            throw new MicrocredException(Problem.UNSUPPORTED, "the anchor is on " + anchor.chain()
                    + ": only EVM chains (eip155:<id>) can be checked");
        }
        if (expect.chain().isPresent() && !expect.chain().get().equals(chain)) {
            return negative(Outcome.WRONG_CHAIN, "the anchor is on " + chain + ", not " + expect.chain().get());
        }
        EvmChainId served = rpc.chainId();
        if (!served.equals(chain)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the JSON-RPC node at " + rpc.node() + " serves "
                    + served + ": it cannot check an anchor on " + chain);
        }
        String hash = anchor.tx();
        if (!hash.matches("0x[0-9a-f]{64}")) {
            return negative(Outcome.NOT_FOUND, "the transaction id " + hash + " is not an EVM transaction hash");
        }
        Optional<Transaction> found = rpc.transaction(hash);
        if (found.isEmpty()) {
            return negative(Outcome.NOT_FOUND, "transaction " + hash + " is not known on " + chain);
        }
        Transaction tx = found.get();
        Optional<String> sender = Optional.ofNullable(tx.getFrom()).map(AnchorVerification::checksum);
        Optional<TransactionReceipt> receipt = rpc.receipt(hash);
        if (receipt.isEmpty() || receipt.get().getBlockHash() == null) {
            return new AnchorVerification(Outcome.PENDING, "transaction " + hash + " is not in a block yet", -1,
                    Optional.empty(), 0, sender);
        }
        String blockHash = receipt.get().getBlockHash();
        long number = receipt.get().getBlockNumber().longValueExact();
        if (!receipt.get().isStatusOK()) {
            return new AnchorVerification(Outcome.REVERTED, "transaction " + hash + " failed in block " + number
                    + " (status " + receipt.get().getStatus() + ")", number, Optional.empty(), 0, sender);
        }
        AnchorPayload expected = AnchorPayload.of(digest);
        if (tx.getInput() == null || !tx.getInput().toLowerCase(Locale.ROOT).equals(expected.hex())) {
            return new AnchorVerification(Outcome.WRONG_PAYLOAD, "the data of transaction " + hash + " is not the"
                    + " anchor payload of this checkpoint (" + AnchorPayload.TAG + ", its SHA-256, size "
                    + digest.checkpoint().size() + ")", number, Optional.empty(), 0, sender);
        }
        if (tx.getChainIdRaw() != null && tx.getChainId() != chain.id()) {
            return new AnchorVerification(Outcome.WRONG_PAYLOAD, "transaction " + hash + " is signed for chain id "
                    + tx.getChainId() + ", not " + chain.id(), number, Optional.empty(), 0, sender);
        }
        if (expect.sender().isPresent()
                && !expect.sender().get().equalsIgnoreCase(sender.orElse(""))) {
            return new AnchorVerification(Outcome.WRONG_SENDER, "transaction " + hash + " was sent by "
                    + sender.orElse("an unknown account") + ", not " + checksum(expect.sender().get()), number,
                    Optional.empty(), 0, sender);
        }
        EthBlock.Block block = rpc.block(blockHash).orElse(null);
        if (block == null || block.getNumber().longValueExact() != number
                || block.getTransactions().stream().noneMatch(t -> hash.equalsIgnoreCase(String.valueOf(t.get())))) {
            return new AnchorVerification(Outcome.PENDING, "the block " + blockHash + " of the receipt does not hold"
                    + " transaction " + hash + " (a reorganisation?)", -1, Optional.empty(), 0, sender);
        }
        Instant time = Instant.ofEpochSecond(block.getTimestamp().longValueExact());
        long confirmations = Math.max(0, rpc.latestBlockNumber() - number + 1);
        if (!anchor.time().equals(time)) {
            return new AnchorVerification(Outcome.WRONG_TIME, "the entry's time " + anchor.time() + " is not the"
                    + " time of block " + number + " (" + time + ")", number, Optional.of(time), confirmations, sender);
        }
        if (confirmations < expect.minConfirmations()) {
            return new AnchorVerification(Outcome.TOO_FEW_CONFIRMATIONS, "transaction " + hash + " has "
                    + confirmations + " confirmation(s), fewer than " + expect.minConfirmations(), number,
                    Optional.of(time), confirmations, sender);
        }
        return new AnchorVerification(Outcome.ANCHORED, "checkpoint " + digest.checkpoint().origin() + " at size "
                + digest.checkpoint().size() + " is anchored on " + chain + " in transaction " + hash + ", block "
                + number + " (" + time + "), " + confirmations + " confirmation(s)" + sender.map(s -> ", sent by " + s)
                .orElse(""), number, Optional.of(time), confirmations, sender);
    }

    private static AnchorVerification negative(Outcome outcome, String reason) {
        return new AnchorVerification(outcome, reason, -1, Optional.empty(), 0, Optional.empty());
    }

    private static String checksum(String address) {
        return org.web3j.crypto.Keys.toChecksumAddress(address);
    }
}
