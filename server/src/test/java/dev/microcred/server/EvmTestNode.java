package dev.microcred.server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.microcred.anchor.AnchorKey;
import dev.microcred.anchor.EvmChainId;

/**
 * The local Hardhat node of CI ({@code MICROCRED_TEST_EVM_URL}, started by {@code .ci/hardhat.sh}); tests that need it
 * are skipped when it is not set. Account 0 is Hardhat's well-known development account: its key is published in
 * Hardhat's documentation and holds test ether on local nodes only.
 */
final class EvmTestNode {
    static final String ACCOUNT_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    static final String ACCOUNT_0_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    static final EvmChainId CHAIN = new EvmChainId(31337);

    private EvmTestNode() {
    }

    static String url() {
        String url = System.getenv("MICROCRED_TEST_EVM_URL");
        assumeTrue(url != null && !url.isBlank(), "MICROCRED_TEST_EVM_URL is not set (CI starts a Hardhat node)");
        return url.strip();
    }

    static AnchorKey key() {
        return AnchorKey.fromHex(ACCOUNT_0_KEY);
    }
}
