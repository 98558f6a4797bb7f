package dev.microcred.anchor;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

/**
 * A JSON-RPC connection to an EVM node, over HTTP: HTTPS to any host, plain HTTP only to a loopback address (a
 * local node, tests). Every call has a time limit (connect, send, answer together), every answer a size limit, and
 * redirects are not followed.
 *
 * <p>Failures: a node that cannot be reached, times out or answers with an HTTP error is
 * {@link Problem#UNAVAILABLE} (retry later); a node that answers with a JSON-RPC error, an unreadable or oversize
 * answer is {@link Problem#FETCH_FAILED}. Messages name the node by scheme, host and port only: RPC URLs often
 * carry an API key in their path. Thread-safe; {@link #close} releases the connections.
 */
public final class EvmRpc implements AutoCloseable {
    /** The default time limit of one call. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The default size limit of one answer. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 4L << 20;
    /** web3j wants an executor for its polling streams, which microcred never uses: one idle daemon thread. */
    private static final ScheduledExecutorService UNUSED = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "web3j-unused");
        t.setDaemon(true);
        return t;
    });

    private final String node;
    private final OkHttpClient http;
    private final Web3j web3j;

    private EvmRpc(String node, OkHttpClient http, Web3j web3j) {
        this.node = node;
        this.http = http;
        this.web3j = web3j;
    }

    /** Connects (lazily) to {@code url} with the default limits. */
    public static EvmRpc open(String url) {
        return open(url, DEFAULT_TIMEOUT, DEFAULT_MAX_ANSWER_BYTES);
    }

    /**
     * Connects (lazily: nothing is sent before the first call) to the JSON-RPC endpoint {@code url}.
     *
     * @param timeout        the time limit of each call
     * @param maxAnswerBytes the size limit of each answer
     */
    public static EvmRpc open(String url, Duration timeout, long maxAnswerBytes) {
        String node = nodeOf(url);
        if (timeout.isNegative() || timeout.isZero() || maxAnswerBytes < 1024) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "a JSON-RPC time limit is positive and a size"
                    + " limit at least 1 KiB");
        }
        OkHttpClient http = new OkHttpClient.Builder()
                .callTimeout(timeout).connectTimeout(timeout).readTimeout(timeout).writeTimeout(timeout)
                .followRedirects(false).followSslRedirects(false).retryOnConnectionFailure(false)
                .addInterceptor(limit(maxAnswerBytes))
                .build();
        return new EvmRpc(node, http, Web3j.build(new HttpService(url, http), 1_000, UNUSED));
    }

    /** The node as scheme, host and port (no path: it may hold an API key). */
    public String node() {
        return node;
    }

    /** The chain the node serves ({@code eth_chainId}). */
    public EvmChainId chainId() {
        return new EvmChainId(send("eth_chainId", web3j.ethChainId()).getChainId().longValueExact());
    }

    /** The number of the latest block ({@code eth_blockNumber}). */
    public long latestBlockNumber() {
        return send("eth_blockNumber", web3j.ethBlockNumber()).getBlockNumber().longValueExact();
    }

    BigInteger pendingNonce(String address) {
        return send("eth_getTransactionCount",
                web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING)).getTransactionCount();
    }

    EthBlock.Block latestBlock() {
        EthBlock.Block block = send("eth_getBlockByNumber",
                web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)).getBlock();
        if (block == null) {
            throw new MicrocredException(Problem.FETCH_FAILED, "the JSON-RPC node at " + node
                    + " has no latest block");
        }
        return block;
    }

    BigInteger gasPrice() {
        return send("eth_gasPrice", web3j.ethGasPrice()).getGasPrice();
    }

    BigInteger estimateGas(String from, String to, String data) {
        return send("eth_estimateGas", web3j.ethEstimateGas(
                org.web3j.protocol.core.methods.request.Transaction.createEthCallTransaction(from, to, data)))
                .getAmountUsed();
    }

    /** Sends a signed transaction; returns its hash as the node reports it. */
    String sendRawTransaction(String signedHex) {
        return send("eth_sendRawTransaction", web3j.ethSendRawTransaction(signedHex)).getTransactionHash();
    }

    Optional<Transaction> transaction(String hash) {
        return send("eth_getTransactionByHash", web3j.ethGetTransactionByHash(hash)).getTransaction();
    }

    Optional<TransactionReceipt> receipt(String hash) {
        return send("eth_getTransactionReceipt", web3j.ethGetTransactionReceipt(hash)).getTransactionReceipt();
    }

    Optional<EthBlock.Block> block(String hash) {
        return Optional.ofNullable(send("eth_getBlockByHash", web3j.ethGetBlockByHash(hash, false)).getBlock());
    }

    private <T extends Response<?>> T send(String method, Request<?, T> request) {
        T answer;
        try {
            answer = request.send();
        } catch (AnswerTooLarge | JsonProcessingException e) {
            throw new MicrocredException(Problem.FETCH_FAILED, "the JSON-RPC node at " + node + " gave an unreadable"
                    + " answer to " + method + ": " + oneLine(e.getMessage()), e);
        } catch (IOException | ClientConnectionException e) {
            throw new MicrocredException(Problem.UNAVAILABLE, "the JSON-RPC node at " + node + " is unreachable ("
                    + method + "): " + oneLine(e.getMessage()), e);
        }
        if (answer == null) {
            throw new MicrocredException(Problem.FETCH_FAILED, "the JSON-RPC node at " + node + " gave no answer to "
                    + method);
        }
        if (answer.hasError()) {
            throw new MicrocredException(Problem.FETCH_FAILED, "the JSON-RPC node at " + node + " refused " + method
                    + ": " + answer.getError().getCode() + " " + oneLine(answer.getError().getMessage()));
        }
        return answer;
    }

    private static String oneLine(String message) {
        String line = message == null ? "no details" : message.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /**
     * The node of an acceptable RPC URL, as scheme, host and port (for messages and logs); throws
     * {@link MicrocredException} for a URL {@link #open} refuses.
     */
    public static String nodeOf(String url) {
        URI uri;
        try {
            uri = new URI(Objects.requireNonNull(url, "url"));
        } catch (URISyntaxException e) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "not a JSON-RPC URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null
                || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "a JSON-RPC URL is https://host[:port]/...");
        }
        String node = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        if ("http".equals(uri.getScheme()) && !loopback(uri.getHost())) {
            throw new MicrocredException(Problem.FETCH_REFUSED, "plain http is allowed to a loopback address only: "
                    + node);
        }
        return node;
    }

    private static boolean loopback(String host) {
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (bare.equals("localhost")) {
            return true;
        }
        if (!bare.matches("[0-9.]+|[0-9a-fA-F:]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Reads each answer whole, up to {@code max} bytes, or fails the call. */
    private static Interceptor limit(long max) {
        return chain -> {
            okhttp3.Response response = chain.proceed(chain.request());
            ResponseBody body = response.body();
            if (body == null) {
                return response;
            }
            try (body) {
                BufferedSource source = body.source();
                if (source.request(max + 1)) {
                    throw new AnswerTooLarge("an answer over " + max + " bytes");
                }
                byte[] bytes = source.getBuffer().readByteArray();
                return response.newBuilder().body(ResponseBody.create(bytes, body.contentType())).build();
            }
        };
    }

    /** An answer over the size limit. */
    private static final class AnswerTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        AnswerTooLarge(String message) {
            super(message);
        }
    }

    /** Releases the connections and threads of the HTTP client. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public String toString() {
        return "EvmRpc[" + node + "]";
    }
}
