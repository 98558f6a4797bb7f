package dev.microcred.credentials.blockcerts;

import java.util.Objects;

/**
 * Where a Blockcerts Merkle root was published: a chain, a network of that chain, and the transaction (or, for
 * the mock chain, the free text the issuer wrote in its place). The Blink form
 * {@code blink:<chain>:<network>:<transaction>} is how the MerkleProof2019 specification writes anchors.
 *
 * @param chain       {@code btc}, {@code eth}, {@code mtc}, {@code base} or {@code mocknet} (the MerkleProof2019
 *                    keymap names), or the value as written when microcred does not know the chain
 * @param network     {@code mainnet}, {@code testnet}, {@code sepolia}, ... or {@code mocknet}; may be empty
 * @param transaction the transaction id in hex, or the mock chain's text; may be empty
 */
public record Anchor(String chain, String network, String transaction) {
    /** The chain of test certificates that are never published anywhere (cert-issuer's {@code mockchain}). */
    public static final String MOCKNET = "mocknet";

    public Anchor {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(transaction, "transaction");
    }

    /** Whether this is the mock chain: the Merkle root was never published on a blockchain. */
    public boolean isMock() {
        return MOCKNET.equals(chain);
    }

    /** The Blink identifier, e.g. {@code blink:btc:testnet:140ee938...}. */
    public String blink() {
        StringBuilder blink = new StringBuilder("blink:").append(chain);
        if (!network.isEmpty()) {
            blink.append(':').append(network);
        }
        if (!transaction.isEmpty()) {
            blink.append(':').append(transaction);
        }
        return blink.toString();
    }

    /** The chain and network for people, e.g. "Bitcoin testnet". */
    public String describe() {
        String name = switch (chain) {
            case "btc" -> "Bitcoin";
            case "eth" -> "Ethereum";
            case "mtc" -> "Polygon";
            case "base" -> "Base";
            case MOCKNET -> "mock chain";
            default -> chain;
        };
        return isMock() || network.isEmpty() ? name : name + " " + network;
    }
}
