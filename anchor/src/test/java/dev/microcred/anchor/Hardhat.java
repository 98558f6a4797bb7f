package dev.microcred.anchor;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The local Hardhat node of the integration tests ({@code .ci/hardhat.sh}), named by {@code MICROCRED_TEST_EVM_URL}
 * (CI sets it; tests skip without it). The accounts are Hardhat's well-known development accounts: their private
 * keys are published in Hardhat's documentation and hold test ether on local nodes only.
 */
final class Hardhat {
    static final String URL_VARIABLE = "MICROCRED_TEST_EVM_URL";
    static final String ACCOUNT_0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
    static final String ACCOUNT_0_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    static final String ACCOUNT_1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
    static final String ACCOUNT_1_KEY = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
    static final EvmChainId CHAIN = new EvmChainId(31337);

    private Hardhat() {
    }

    /** The node's URL; skips the calling test when none is configured. */
    static String url() {
        String url = System.getenv(URL_VARIABLE);
        assumeTrue(url != null && !url.isBlank(), URL_VARIABLE + " is not set (CI starts a Hardhat node)");
        return url.strip();
    }

    /** A raw JSON-RPC call to the node's test methods ({@code evm_setAutomine}, {@code evm_mine}). */
    static String call(String method, String params) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method
                        + "\",\"params\":" + params + "}"))
                .build();
        String answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request, HttpResponse.BodyHandlers.ofString()).body();
        if (answer.contains("\"error\"")) {
            throw new IOException(method + ": " + answer);
        }
        return answer;
    }
}
