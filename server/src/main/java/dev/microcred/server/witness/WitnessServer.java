package dev.microcred.server.witness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.microcred.core.MicrocredException;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.witness.AddCheckpointRequest;
import dev.microcred.tlog.witness.Witness;
import dev.microcred.tlog.witness.WitnessResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A C2SP tlog-witness HTTP server: {@code POST /add-checkpoint} answered by the pure {@link Witness} against the
 * {@link WitnessState}, which is updated durably before the cosignature is sent. Statuses: 200 cosignature lines,
 * 400 malformed, 403 no valid log signature, 404 unknown origin (and unknown paths), 405 other methods,
 * 409 {@code text/x.tlog.size} when {@code old} is not the stored size, 413 bodies over {@link #MAX_BODY} bytes,
 * 422 a consistency proof that does not verify, 500 when the state cannot be persisted (no cosignature then).
 *
 * <p>Requests for one origin are serialized (the check of {@code old} and the update are one atomic step, as
 * tlog-witness requires); requests for different origins run in parallel on a small pool. Thread-safe.
 */
public final class WitnessServer implements AutoCloseable {
    /** The largest request body accepted: 63 proof lines and a checkpoint with many cosignatures fit well. */
    public static final int MAX_BODY = 64 * 1024;
    /** The most an oversize request body is read and dropped before the 413 is sent. */
    static final long DRAIN_LIMIT = 1 << 20;
    static final String PATH = "/add-checkpoint";

    private final HttpServer http;
    private final ExecutorService pool;
    private final Witness witness;
    private final WitnessState state;
    private final Map<String, Object> locks = new HashMap<>();

    private WitnessServer(HttpServer http, ExecutorService pool, Witness witness, WitnessState state,
                          Collection<String> origins) {
        this.http = http;
        this.pool = pool;
        this.witness = witness;
        this.state = state;
        origins.forEach(origin -> locks.put(origin, new Object()));
    }

    /**
     * Starts serving on {@code address} (port 0: any free port).
     *
     * @param origins the origins {@code witness} knows (one lock each)
     */
    public static WitnessServer start(InetSocketAddress address, Witness witness, Collection<String> origins,
                                      WitnessState state) throws IOException {
        HttpServer http = HttpServer.create(address, 64);
        ExecutorService pool = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "witness-http");
            thread.setDaemon(true);
            return thread;
        });
        WitnessServer server = new WitnessServer(http, pool, witness, state, origins);
        http.createContext("/", server::handle);
        http.setExecutor(pool);
        http.start();
        return server;
    }

    /** The bound port. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** The URL of the add-checkpoint endpoint. */
    public URI uri() {
        String host = http.getAddress().getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + PATH);
    }

    @Override
    public void close() {
        http.stop(0);
        pool.shutdown();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals(PATH)) {
                send(exchange, 404, WitnessResponse.TEXT, "not found\n");
                return;
            }
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().set("Allow", "POST");
                send(exchange, 405, WitnessResponse.TEXT, "add-checkpoint takes POST\n");
                return;
            }
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readNBytes(MAX_BODY + 1);
                if (bytes.length > MAX_BODY) {
                    // Read (and drop) what the client is still sending, up to a bound, before answering: closing a
                    // connection with unread data resets it, and the client may then never see the 413.
                    long left = Math.min(DRAIN_LIMIT, Math.max(0, declaredLength(exchange) - bytes.length));
                    byte[] sink = new byte[8192];
                    for (int n; left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0; ) {
                        left -= n;
                    }
                    exchange.getResponseHeaders().set("Connection", "close");
                    send(exchange, 413, WitnessResponse.TEXT, "the body is over " + MAX_BODY + " bytes\n");
                    return;
                }
            }
            String body;
            try {
                body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                send(exchange, 400, WitnessResponse.TEXT, "malformed request: not UTF-8\n");
                return;
            }
            WitnessResponse response = add(body);
            send(exchange, response.status(), response.contentType(), response.body());
        }
    }

    /** One add-checkpoint, serialized with every other request for the same origin. */
    WitnessResponse add(String body) {
        Object lock = origin(body).map(locks::get).orElse(null);
        if (lock == null) {
            // malformed or unknown origin: the witness answers 400 or 404 without looking at any state
            return witness.addCheckpoint(body, origin -> Optional.empty());
        }
        synchronized (lock) {
            WitnessResponse response = witness.addCheckpoint(body, state::latest);
            if (response.newState().isPresent()) {
                try {
                    state.record(response.newState().get());
                } catch (IOException e) {
                    return new WitnessResponse(500, WitnessResponse.TEXT, "cannot persist the witness state\n",
                            Optional.empty());
                }
            }
            return response;
        }
    }

    private static Optional<String> origin(String body) {
        try {
            return Optional.of(Checkpoint.from(AddCheckpointRequest.parse(body).checkpoint()).origin());
        } catch (MicrocredException e) {
            return Optional.empty();
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The request's Content-Length, or 0 when it is absent or not a plain number (chunked bodies). */
    private static long declaredLength(HttpExchange exchange) {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        return length != null && length.matches("[0-9]{1,18}") ? Long.parseLong(length) : 0;
    }
}
