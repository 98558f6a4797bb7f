package dev.microcred.server.ops;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's metrics, written in the Prometheus text exposition format 0.0.4: counters and histograms by label
 * values, and the JVM basics (heap, threads, garbage collection, uptime) read when scraped. Label values are route
 * templates, status codes and outcome names, never paths or personal data. Lock-free on the recording side;
 * thread-safe.
 *
 * @see <a href="https://prometheus.io/docs/instrumenting/exposition_formats/">Prometheus exposition formats</a>
 */
public final class Metrics {
    /** Prometheus' default buckets, in seconds. */
    static final double[] SECONDS_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Counter httpRequests = new Counter("microcred_http_requests_total",
            "HTTP requests by method, route template and status", "method", "route", "status");
    private final Histogram httpSeconds = new Histogram("microcred_http_request_duration_seconds",
            "HTTP request duration by method and route template", SECONDS_BUCKETS, "method", "route");
    private final Counter issued = new Counter("microcred_credentials_issued_total",
            "Credentials issued, by channel (api, vcalm, bulk)", "channel");
    private final Counter verifications = new Counter("microcred_verifications_total",
            "Verifications by outcome (valid, revoked, tampered, ...)", "outcome");
    private final Counter bulkRows = new Counter("microcred_bulk_rows_total",
            "Bulk issuance rows finished, by state (issued, skipped, failed)", "state");

    /** Records one HTTP request. */
    public void http(String method, String route, int status, double seconds) {
        httpRequests.add(1, method, route, Integer.toString(status));
        httpSeconds.observe(seconds, method, route);
    }

    public void issued(String channel, int count) {
        if (count > 0) {
            issued.add(count, channel);
        }
    }

    public void verification(String outcome) {
        verifications.add(1, outcome);
    }

    public void bulkRows(String state, int count) {
        if (count > 0) {
            bulkRows.add(count, state);
        }
    }

    /** The value of a counter series (tests, the load programs). */
    public long counter(String name, String... labelValues) {
        for (Counter c : List.of(httpRequests, issued, verifications, bulkRows)) {
            if (c.name.equals(name)) {
                LongAdder a = c.series.get(List.of(labelValues));
                return a == null ? 0 : a.sum();
            }
        }
        throw new IllegalArgumentException("no counter " + name);
    }

    /** Every metric in the text exposition format 0.0.4. */
    public String scrape() {
        StringBuilder out = new StringBuilder(8192);
        httpRequests.write(out);
        httpSeconds.write(out);
        issued.write(out);
        verifications.write(out);
        bulkRows.write(out);
        jvm(out);
        return out.toString();
    }

    private static void jvm(StringBuilder out) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        gauge(out, "jvm_memory_heap_used_bytes", "Heap memory in use", heap.getUsed());
        gauge(out, "jvm_memory_heap_committed_bytes", "Heap memory committed", heap.getCommitted());
        gauge(out, "jvm_memory_heap_max_bytes", "Largest heap the JVM may use (-1: undefined)", heap.getMax());
        gauge(out, "jvm_threads_live", "Live threads", ManagementFactory.getThreadMXBean().getThreadCount());
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        out.append("# HELP jvm_gc_collections_total Garbage collections\n# TYPE jvm_gc_collections_total counter\n")
                .append("jvm_gc_collections_total ").append(gcCount).append('\n');
        out.append("# HELP jvm_gc_collection_seconds_total Time spent in garbage collection\n")
                .append("# TYPE jvm_gc_collection_seconds_total counter\n")
                .append("jvm_gc_collection_seconds_total ").append(number(gcMillis / 1000.0)).append('\n');
        gauge(out, "process_uptime_seconds", "Time since the JVM started",
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        gauge(out, "process_available_processors", "Processors available to the JVM",
                Runtime.getRuntime().availableProcessors());
    }

    private static void gauge(StringBuilder out, String name, String help, double value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(' ').append(number(value)).append('\n');
    }

    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    /** {@code name{a="x",b="y"}} with the values escaped as the format requires (backslash, quote, newline). */
    static void series(StringBuilder out, String name, String[] labels, List<String> values, String extraLabel,
                       String extraValue) {
        out.append(name);
        if (labels.length > 0 || extraLabel != null) {
            out.append('{');
            for (int i = 0; i < labels.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(labels[i]).append("=\"").append(escape(values.get(i))).append('"');
            }
            if (extraLabel != null) {
                if (labels.length > 0) {
                    out.append(',');
                }
                out.append(extraLabel).append("=\"").append(extraValue).append('"');
            }
            out.append('}');
        }
    }

    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static final class Counter {
        final String name;
        final String help;
        final String[] labels;
        final Map<List<String>, LongAdder> series = new ConcurrentSkipListMap<>(Metrics::compare);

        Counter(String name, String help, String... labels) {
            this.name = name;
            this.help = help;
            this.labels = labels;
        }

        void add(long n, String... values) {
            series.computeIfAbsent(List.of(values), k -> new LongAdder()).add(n);
        }

        void write(StringBuilder out) {
            out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                    .append("# TYPE ").append(name).append(" counter\n");
            series.forEach((values, adder) -> {
                series(out, name, labels, values, null, null);
                out.append(' ').append(adder.sum()).append('\n');
            });
        }
    }

    private static final class Histogram {
        final String name;
        final String help;
        final double[] buckets;
        final String[] labels;
        final Map<List<String>, Cells> series = new ConcurrentSkipListMap<>(Metrics::compare);

        Histogram(String name, String help, double[] buckets, String... labels) {
            this.name = name;
            this.help = help;
            this.buckets = buckets.clone();
            this.labels = labels;
        }

        void observe(double value, String... values) {
            Cells cells = series.computeIfAbsent(List.of(values), k -> new Cells(buckets.length));
            for (int i = 0; i < buckets.length; i++) {
                if (value <= buckets[i]) {
                    cells.counts[i].increment();
                    break;
                }
            }
            cells.count.increment();
            cells.sum.add(value);
        }

        void write(StringBuilder out) {
            out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                    .append("# TYPE ").append(name).append(" histogram\n");
            series.forEach((values, cells) -> {
                long cumulative = 0;
                long total = cells.count.sum();
                for (int i = 0; i < buckets.length; i++) {
                    cumulative += cells.counts[i].sum();
                    series(out, name + "_bucket", labels, values, "le", number(buckets[i]));
                    out.append(' ').append(Math.min(cumulative, total)).append('\n');
                }
                series(out, name + "_bucket", labels, values, "le", "+Inf");
                out.append(' ').append(total).append('\n');
                series(out, name + "_sum", labels, values, null, null);
                out.append(' ').append(number(cells.sum.sum())).append('\n');
                series(out, name + "_count", labels, values, null, null);
                out.append(' ').append(total).append('\n');
            });
        }
    }

    private static final class Cells {
        final LongAdder[] counts;
        final LongAdder count = new LongAdder();
        final DoubleAdder sum = new DoubleAdder();

        Cells(int buckets) {
            counts = new LongAdder[buckets];
            for (int i = 0; i < buckets; i++) {
                counts[i] = new LongAdder();
            }
        }
    }

    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public String toString() {
        return "Metrics[" + String.format(Locale.ROOT, "%d series", httpRequests.series.size()) + "]";
    }
}
