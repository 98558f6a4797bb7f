package dev.microcred.server.tlog;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.witness.CosignatureVerifier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the transparency log runs: the witnesses that cosign its checkpoints, how many of them must cosign before a
 * checkpoint is published, how often the sequencer runs, and whether the server starts a local demo witness.
 * Immutable.
 *
 * @param witnesses   the configured witnesses (submission prefix and cosignature verifier key)
 * @param quorum      how many witnesses must cosign; 0 when there are none; with a demo witness, counted over the
 *                    configured witnesses plus the demo one
 * @param interval    the pause between sequencer rounds (the batching interval)
 * @param demoWitness whether to start a witness on a loopback port, its state in the data directory
 */
public record TlogSettings(List<Witness> witnesses, int quorum, Duration interval, boolean demoWitness) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(500);

    /** A witness: where to send add-checkpoint ({@code <url>/add-checkpoint}) and its cosignature key. */
    public record Witness(URI url, CosignatureVerifier key) {
        public Witness {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(key, "key");
            if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme()) || url.getHost() == null) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "a witness URL is an http(s) URL: " + url);
            }
        }

        /** Parses {@code <url> <vkey>} (the vkey of type 0x04, {@code <name>+<key id>+<base64>}). */
        public static Witness parse(String text) {
            String[] parts = text.strip().split("\\s+");
            if (parts.length != 2) {
                throw new MicrocredException(Problem.INVALID_REQUEST,
                        "a witness is '<url> <verifier key>', not: " + text.strip());
            }
            try {
                return new Witness(URI.create(parts[0].replaceAll("/+$", "")), CosignatureVerifier.parse(parts[1]));
            } catch (IllegalArgumentException e) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "not a witness URL: " + parts[0]);
            }
        }

        @Override
        public String toString() {
            return url + " " + key.verifierKey().format();
        }
    }

    public TlogSettings {
        witnesses = List.copyOf(witnesses);
        Objects.requireNonNull(interval, "interval");
        int count = witnesses.size() + (demoWitness ? 1 : 0);
        if (quorum < 0 || quorum > count || (count > 0 && quorum == 0)) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the witness quorum must be 1 to " + count
                    + " (the number of witnesses), not " + quorum);
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the sequencer interval must be positive");
        }
    }

    /** No witnesses: checkpoints are published as soon as the log key signs them. */
    public static TlogSettings none() {
        return new TlogSettings(List.of(), 0, DEFAULT_INTERVAL, false);
    }

    /**
     * Parses the comma- or newline-separated witness list ({@code MICROCRED_TLOG_WITNESSES}) and the quorum
     * ({@code MICROCRED_TLOG_QUORUM}, null or blank for all of them).
     */
    public static TlogSettings parse(String witnessList, String quorum, boolean demoWitness) {
        List<Witness> list = new ArrayList<>();
        if (witnessList != null) {
            for (String item : witnessList.split("[,\n]")) {
                if (!item.isBlank()) {
                    list.add(Witness.parse(item));
                }
            }
        }
        int all = list.size() + (demoWitness ? 1 : 0);
        int q;
        try {
            q = quorum == null || quorum.isBlank() ? all : Integer.parseInt(quorum.strip());
        } catch (NumberFormatException e) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the witness quorum is a number: " + quorum);
        }
        return new TlogSettings(list, q, DEFAULT_INTERVAL, demoWitness);
    }

    public TlogSettings withDemoWitness(boolean demo) {
        int all = witnesses.size() + (demo ? 1 : 0);
        return new TlogSettings(witnesses, quorum == witnesses.size() + (demoWitness ? 1 : 0) ? all
                : Math.min(quorum, all), interval, demo);
    }

    public TlogSettings withInterval(Duration interval) {
        return new TlogSettings(witnesses, quorum, interval, demoWitness);
    }
}
