package dev.microcred.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport rules, against a JDK HTTP server on 127.0.0.1 that answers as a misbehaving node would. */
class EvmRpcTest {
    private static final String SECRET_PATH = "/v3/0123456789abcdefSECRET";
    private HttpServer server;
    private final AtomicReference<Handler> answer = new AtomicReference<>();
    private final AtomicInteger requests = new AtomicInteger();

    interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            try {
                answer.get().handle(exchange);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + SECRET_PATH;
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Problem problem(Throwable e) {
        return ((MicrocredException) e).problem();
    }

    @Test
    void readsAnAnswer() {
        answer.set(x -> reply(x, 200, "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":\"0x7a69\"}"));
        try (EvmRpc rpc = EvmRpc.open(url())) {
            assertThat(rpc.chainId()).isEqualTo(new EvmChainId(31337));
            assertThat(rpc.node()).isEqualTo("http://127.0.0.1:" + server.getAddress().getPort());
            assertThat(rpc.toString()).doesNotContain("SECRET");
        }
    }

    @Test
    void aJsonRpcErrorIsAFailedFetch() {
        answer.set(x -> reply(x, 200, "{\"jsonrpc\":\"2.0\",\"id\":0,\"error\":{\"code\":-32000,"
                + "\"message\":\"insufficient funds for gas * price + value\"}}"));
        try (EvmRpc rpc = EvmRpc.open(url())) {
            assertThatThrownBy(rpc::chainId).isInstanceOf(MicrocredException.class)
                    .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.FETCH_FAILED))
                    .hasMessageContaining("-32000 insufficient funds").hasMessageNotContaining("SECRET");
        }
    }

    @Test
    void anOversizeAnswerIsRefused() {
        String big = "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":\"0x" + "0".repeat(4096) + "1\"}";
        answer.set(x -> reply(x, 200, big));
        try (EvmRpc rpc = EvmRpc.open(url(), Duration.ofSeconds(5), 2048)) {
            assertThatThrownBy(rpc::latestBlockNumber).isInstanceOf(MicrocredException.class)
                    .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.FETCH_FAILED))
                    .hasMessageContaining("over 2048 bytes");
        }
        try (EvmRpc rpc = EvmRpc.open(url(), Duration.ofSeconds(5), 8192)) {
            assertThat(rpc.latestBlockNumber()).isEqualTo(1);
        }
    }

    @Test
    void anUnreadableAnswerIsAFailedFetch() {
        answer.set(x -> reply(x, 200, "<html>gateway</html>"));
        try (EvmRpc rpc = EvmRpc.open(url())) {
            assertThatThrownBy(rpc::chainId).isInstanceOf(MicrocredException.class)
                    .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.FETCH_FAILED));
        }
    }

    @Test
    void httpErrorsSlownessAndRefusedConnectionsAreUnavailable() throws IOException {
        answer.set(x -> reply(x, 503, "{}"));
        try (EvmRpc rpc = EvmRpc.open(url())) {
            assertThatThrownBy(rpc::chainId).isInstanceOf(MicrocredException.class)
                    .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.UNAVAILABLE))
                    .hasMessageNotContaining("SECRET");
        }
        answer.set(x -> {
            Thread.sleep(3_000);
            reply(x, 200, "{\"jsonrpc\":\"2.0\",\"id\":0,\"result\":\"0x1\"}");
        });
        try (EvmRpc rpc = EvmRpc.open(url(), Duration.ofMillis(300), EvmRpc.DEFAULT_MAX_ANSWER_BYTES)) {
            long start = System.nanoTime();
            assertThatThrownBy(rpc::chainId).isInstanceOf(MicrocredException.class)
                    .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.UNAVAILABLE));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2_500));
        }
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (EvmRpc rpc = EvmRpc.open("http://127.0.0.1:" + closedPort)) {
            assertThatThrownBy(rpc::chainId).isInstanceOf(MicrocredException.class)
                    .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.UNAVAILABLE))
                    .hasMessageContaining("unreachable");
        }
    }

    @Test
    void redirectsAreNotFollowed() {
        answer.set(x -> {
            x.getResponseHeaders().set("Location", "http://127.0.0.1:" + server.getAddress().getPort() + "/other");
            x.sendResponseHeaders(307, -1);
        });
        try (EvmRpc rpc = EvmRpc.open(url())) {
            assertThatThrownBy(rpc::chainId).isInstanceOf(MicrocredException.class)
                    .satisfies(e -> assertThat(problem(e)).isEqualTo(Problem.UNAVAILABLE));
        }
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void plainHttpOnlyToLoopback() {
        for (String ok : new String[] {"http://127.0.0.1:8545", "http://localhost:8545/", "http://[::1]:8545",
            "https://rpc.example/v3/key", "https://10.0.0.1"}) {
            EvmRpc.open(ok).close();
        }
        for (String refused : new String[] {"http://10.0.0.1:8545", "http://rpc.example", "ftp://127.0.0.1",
            "https://user:pass@rpc.example", "127.0.0.1:8545", "http:///x", "not a url"}) {
            assertThatThrownBy(() -> EvmRpc.open(refused)).as(refused).isInstanceOf(MicrocredException.class);
        }
    }
}
