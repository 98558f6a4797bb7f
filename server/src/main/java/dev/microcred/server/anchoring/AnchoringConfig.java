package dev.microcred.server.anchoring;

import dev.microcred.anchor.AnchorKey;
import dev.microcred.anchor.EvmAnchor;
import dev.microcred.anchor.EvmChainId;
import dev.microcred.anchor.EvmRpc;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the server anchors checkpoints on an EVM chain. Read by {@link #fromEnvironment}: anchoring is on when
 * {@code MICROCRED_ANCHOR_RPC_URL} is set, and then needs {@code MICROCRED_ANCHOR_CHAIN} and a key
 * ({@code MICROCRED_ANCHOR_KEY_FILE}, with {@code MICROCRED_ANCHOR_KEY_PASSPHRASE} for an Ethereum key file, or
 * {@code MICROCRED_ANCHOR_KEY}, 64 hex digits). Immutable; {@link #toString()} shows neither the key nor the RPC
 * URL's path (it may hold an API key).
 *
 * @param rpcUrl          the JSON-RPC URL (https, or http to a loopback address)
 * @param chain           the chain; the node must serve it
 * @param key             the anchoring account's key
 * @param interval        how often the latest checkpoint is anchored; zero: on demand only
 * @param maxFeePerGasWei the highest fee per gas to offer, or empty
 * @param receiptTimeout  how long to wait for an anchoring transaction to be in a block
 */
public record AnchoringConfig(String rpcUrl, EvmChainId chain, AnchorKey key, Duration interval,
                              Optional<BigInteger> maxFeePerGasWei, Duration receiptTimeout) {
    public static final String RPC_URL = "MICROCRED_ANCHOR_RPC_URL";
    public static final String CHAIN = "MICROCRED_ANCHOR_CHAIN";
    public static final String KEY_FILE = "MICROCRED_ANCHOR_KEY_FILE";
    public static final String KEY_PASSPHRASE = "MICROCRED_ANCHOR_KEY_PASSPHRASE";
    public static final String KEY = "MICROCRED_ANCHOR_KEY";
    public static final String INTERVAL = "MICROCRED_ANCHOR_INTERVAL";
    public static final String MAX_FEE_GWEI = "MICROCRED_ANCHOR_MAX_FEE_GWEI";
    /** Once a day. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofDays(1);

    public AnchoringConfig {
        EvmRpc.nodeOf(rpcUrl);
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(maxFeePerGasWei, "maxFeePerGasWei");
        if (interval.isNegative() || (!interval.isZero() && interval.compareTo(Duration.ofMinutes(1)) < 0)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, INTERVAL + " is 0 (on demand only) or at least"
                    + " one minute");
        }
        new EvmAnchor.Settings(receiptTimeout, Duration.ofSeconds(1), maxFeePerGasWei);
    }

    /** Anchoring with the defaults: daily, no fee cap, two minutes for the receipt. */
    public static AnchoringConfig of(String rpcUrl, EvmChainId chain, AnchorKey key) {
        return new AnchoringConfig(rpcUrl, chain, key, DEFAULT_INTERVAL, Optional.empty(),
                EvmAnchor.Settings.DEFAULT.receiptTimeout());
    }

    /** The configuration in {@code env}, or empty when {@value #RPC_URL} is not set (anchoring off). */
    public static Optional<AnchoringConfig> fromEnvironment(Map<String, String> env) {
        if (!present(env, RPC_URL)) {
            return Optional.empty();
        }
        if (!present(env, CHAIN)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "anchoring: " + CHAIN + " is required with "
                    + RPC_URL + " (e.g. eip155:1)");
        }
        AnchorKey key;
        if (present(env, KEY_FILE)) {
            key = AnchorKey.read(Path.of(env.get(KEY_FILE).strip()), () -> {
                if (!present(env, KEY_PASSPHRASE)) {
                    throw new MicrocredException(Problem.INVALID_REQUEST, "anchoring: the Ethereum key file "
                            + env.get(KEY_FILE) + " needs " + KEY_PASSPHRASE);
                }
                return env.get(KEY_PASSPHRASE).toCharArray();
            });
        } else if (present(env, KEY)) {
            key = AnchorKey.fromHex(env.get(KEY));
        } else {
            throw new MicrocredException(Problem.INVALID_REQUEST, "anchoring: " + KEY_FILE + " or " + KEY
                    + " is required with " + RPC_URL);
        }
        Duration interval = present(env, INTERVAL) ? duration(env.get(INTERVAL).strip()) : DEFAULT_INTERVAL;
        Optional<BigInteger> maxFee = Optional.empty();
        if (present(env, MAX_FEE_GWEI)) {
            try {
                BigDecimal gwei = new BigDecimal(env.get(MAX_FEE_GWEI).strip());
                maxFee = Optional.of(gwei.movePointRight(9).toBigInteger());
            } catch (NumberFormatException e) {
                throw new MicrocredException(Problem.INVALID_REQUEST, MAX_FEE_GWEI + " is not a number");
            }
        }
        return Optional.of(new AnchoringConfig(env.get(RPC_URL).strip(), EvmChainId.parse(env.get(CHAIN).strip()),
                key, interval, maxFee, EvmAnchor.Settings.DEFAULT.receiptTimeout()));
    }

    /** {@code 0}, an ISO-8601 duration ({@code PT24H}), or a number with {@code m}, {@code h} or {@code d}. */
    static Duration duration(String text) {
        try {
            if (text.equals("0")) {
                return Duration.ZERO;
            }
            if (text.matches("[1-9][0-9]{0,5}[mhd]")) {
                long n = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new MicrocredException(Problem.INVALID_REQUEST, INTERVAL + " is 0, e.g. 24h, 30m, 7d or PT24H: "
                    + text);
        }
    }

    private static boolean present(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }

    public EvmAnchor.Settings settings() {
        return new EvmAnchor.Settings(receiptTimeout, Duration.ofSeconds(2), maxFeePerGasWei);
    }

    @Override
    public String toString() {
        return "AnchoringConfig[" + chain + " via " + EvmRpc.nodeOf(rpcUrl) + ", from " + key.address()
                + ", every " + (interval.isZero() ? "(on demand only)" : interval) + "]";
    }
}
