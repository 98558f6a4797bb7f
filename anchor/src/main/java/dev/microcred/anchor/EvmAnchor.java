package dev.microcred.anchor;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.entry.Anchor;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Anchors checkpoints on an EVM chain: for each checkpoint, one zero-value transaction from the anchoring account
 * to itself whose data is the {@link AnchorPayload} (tag, SHA-256 of the checkpoint note text, tree size). The
 * transaction is EIP-1559 (type 2) with the chain id in its signature, or a legacy EIP-155 transaction on a chain
 * without a base fee. Fees follow the node's suggestion ({@code eth_gasPrice}; max fee twice the base fee plus the
 * tip), capped by {@link Settings#maxFeePerGasWei} when set; the gas limit is the node's estimate.
 *
 * <p>{@link #anchor} returns the {@link Anchor} log entry once the transaction is in a block with status success;
 * its time is the block's timestamp, so that a verifier can check it. Thread-safe: anchors are sent one at a time
 * (the account's nonce is read from the node before each).
 */
public final class EvmAnchor {
    private static final Logger LOG = LoggerFactory.getLogger(EvmAnchor.class);

    private final EvmRpc rpc;
    private final AnchorKey key;
    private final EvmChainId chain;
    private final Settings settings;

    /**
     * How long to wait for the receipt, how often to ask, and the highest fee per gas to pay.
     *
     * @param receiptTimeout  how long to wait for the transaction to be in a block
     * @param pollInterval    how often to ask for the receipt meanwhile
     * @param maxFeePerGasWei the highest fee per gas (wei) to offer; empty for no cap
     */
    public record Settings(Duration receiptTimeout, Duration pollInterval, Optional<BigInteger> maxFeePerGasWei) {
        /** Two minutes for the receipt, asking every two seconds, no fee cap. */
        public static final Settings DEFAULT = new Settings(Duration.ofMinutes(2), Duration.ofSeconds(2),
                Optional.empty());

        public Settings {
            Objects.requireNonNull(maxFeePerGasWei, "maxFeePerGasWei");
            if (receiptTimeout.isNegative() || pollInterval.isNegative() || pollInterval.isZero()
                    || maxFeePerGasWei.map(f -> f.signum() <= 0).orElse(false)) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "anchor settings: positive durations and fee cap");
            }
        }
    }

    public EvmAnchor(EvmRpc rpc, AnchorKey key, EvmChainId chain, Settings settings) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.key = Objects.requireNonNull(key, "key");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The chain anchors go to. */
    public EvmChainId chain() {
        return chain;
    }

    /** The address of the anchoring account. */
    public String sender() {
        return key.address();
    }

    /**
     * Anchors a checkpoint (a signed note, or its bare note text) and returns the log entry to append. Throws
     * {@link Problem#MALFORMED_INPUT} for a text that is not a checkpoint, {@link Problem#INVALID_REQUEST} when the
     * node serves another chain than configured, {@link Problem#UNAVAILABLE} when the node cannot be reached, the
     * fees are above the cap or the receipt did not come in time (retry later), and {@link Problem#FETCH_FAILED}
     * when the node refused the transaction (e.g. no funds) or it reverted.
     */
    public synchronized Anchor anchor(String checkpointNote) {
        CheckpointDigest digest = CheckpointDigest.of(checkpointNote);
        AnchorPayload payload = AnchorPayload.of(digest);
        EvmChainId served = rpc.chainId();
        if (!served.equals(chain)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the JSON-RPC node at " + rpc.node() + " serves "
                    + served + ", not the configured " + chain);
        }
        String from = key.address();
        BigInteger nonce = rpc.pendingNonce(from);
        BigInteger gas = rpc.estimateGas(from, from, payload.hex());
        EthBlock.Block latest = rpc.latestBlock();
        BigInteger gasPrice = rpc.gasPrice();
        RawTransaction tx;
        if (latest.getBaseFeePerGasRaw() == null) {
            BigInteger price = capped(gasPrice, gasPrice);
            tx = RawTransaction.createTransaction(nonce, price, gas, from, BigInteger.ZERO, payload.hex());
        } else {
            BigInteger base = latest.getBaseFeePerGas();
            BigInteger tip = gasPrice.subtract(base).max(BigInteger.ONE);
            BigInteger maxFee = capped(base.multiply(BigInteger.TWO).add(tip), base.add(tip));
            tx = RawTransaction.createTransaction(chain.id(), nonce, gas, from, BigInteger.ZERO, payload.hex(),
                    tip.min(maxFee), maxFee);
        }
        byte[] signed = latest.getBaseFeePerGasRaw() == null
                ? TransactionEncoder.signMessage(tx, chain.id(), key.credentials())
                : TransactionEncoder.signMessage(tx, key.credentials());
        String hash = Numeric.toHexString(org.web3j.crypto.Hash.sha3(signed));
        String reported = rpc.sendRawTransaction(Numeric.toHexString(signed));
        if (reported != null && !reported.equalsIgnoreCase(hash)) {
            throw new MicrocredException(Problem.FETCH_FAILED, "the JSON-RPC node reported transaction " + reported
                    + " for " + hash);
        }
        LOG.info("anchor sent chain={} tx={} origin=\"{}\" size={} checkpoint={}", chain, hash,
                digest.checkpoint().origin(), digest.checkpoint().size(), digest.sha256().hex());
        TransactionReceipt receipt = awaitReceipt(hash);
        if (!receipt.isStatusOK()) {
            throw new MicrocredException(Problem.FETCH_FAILED, "anchor transaction " + hash + " reverted (status "
                    + receipt.getStatus() + ")");
        }
        EthBlock.Block block = rpc.block(receipt.getBlockHash()).orElseThrow(() -> new MicrocredException(
                Problem.UNAVAILABLE, "the block " + receipt.getBlockHash() + " of anchor transaction " + hash
                + " is not known to the node (reorganised?): retry later"));
        Instant time = Instant.ofEpochSecond(block.getTimestamp().longValueExact());
        LOG.info("anchor confirmed chain={} tx={} block={} time={}", chain, hash, block.getNumber(), time);
        return new Anchor(digest.checkpoint().origin(), digest.checkpoint().size(), digest.sha256(), chain.caip2(),
                hash.toLowerCase(java.util.Locale.ROOT), time);
    }

    /** {@code wanted}, lowered to the cap when above it, provided the cap still covers {@code needed}. */
    private BigInteger capped(BigInteger wanted, BigInteger needed) {
        if (settings.maxFeePerGasWei().isEmpty() || wanted.compareTo(settings.maxFeePerGasWei().get()) <= 0) {
            return wanted;
        }
        BigInteger cap = settings.maxFeePerGasWei().get();
        if (needed.compareTo(cap) > 0) {
            throw new MicrocredException(Problem.UNAVAILABLE, "the chain's fee per gas (" + needed + " wei) is above"
                    + " the configured cap (" + cap + " wei): retry later");
        }
        return cap;
    }

    private TransactionReceipt awaitReceipt(String hash) {
        long deadline = System.nanoTime() + settings.receiptTimeout().toNanos();
        while (true) {
            Optional<TransactionReceipt> receipt = rpc.receipt(hash);
            if (receipt.isPresent() && receipt.get().getBlockHash() != null) {
                return receipt.get();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new MicrocredException(Problem.UNAVAILABLE, "anchor transaction " + hash + " was sent but is"
                        + " not in a block after " + settings.receiptTimeout().toSeconds() + " s: retry later");
            }
            try {
                Thread.sleep(Math.min(settings.pollInterval().toMillis(),
                        Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MicrocredException(Problem.UNAVAILABLE, "interrupted while waiting for anchor transaction "
                        + hash);
            }
        }
    }

    @Override
    public String toString() {
        return "EvmAnchor[" + chain + ", " + rpc.node() + ", from " + key.address() + "]";
    }
}
