package dev.microcred.anchor;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;

/**
 * An EVM chain, named by its EIP-155 chain id; its CAIP-2 form is {@code eip155:<id>} (e.g. {@code eip155:1}
 * Ethereum mainnet, {@code eip155:11155111} Sepolia, {@code eip155:31337} a local Hardhat node).
 *
 * @param id the EIP-155 chain id, positive
 */
public record EvmChainId(long id) {
    /** The CAIP-2 namespace of EVM chains. */
    public static final String NAMESPACE = "eip155";

    public EvmChainId {
        if (id < 1) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a chain id is positive: " + id);
        }
    }

    /** Parses a CAIP-2 id of namespace {@code eip155}: {@code eip155:} and a decimal without leading zeroes. */
    public static EvmChainId parse(String caip2) {
        if (caip2 == null || !caip2.matches(NAMESPACE + ":[1-9][0-9]{0,17}")) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "not an EVM chain id (eip155:<decimal>): "
                    + caip2);
        }
        return new EvmChainId(Long.parseLong(caip2.substring(NAMESPACE.length() + 1)));
    }

    /** The CAIP-2 form, {@code eip155:<id>}. */
    public String caip2() {
        return NAMESPACE + ":" + id;
    }

    @Override
    public String toString() {
        return caip2();
    }
}
