package dev.microcred.tlog.policy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.tlog.checkpoint.Checkpoint;
import dev.microcred.tlog.note.Ed25519NoteVerifier;
import dev.microcred.tlog.note.NoteVerification;
import dev.microcred.tlog.note.NoteVerifier;
import dev.microcred.tlog.note.SignedNote;
import dev.microcred.tlog.witness.CosignatureVerifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A C2SP tlog-policy: trusted logs, witnesses, groups and the quorum (see the package documentation for the text
 * format). Immutable and thread-safe.
 *
 * @param logs      the trusted logs
 * @param witnesses the witnesses
 * @param groups    the groups, each referring only to witnesses and earlier groups
 * @param quorum    the name of the witness or group that must witness a checkpoint, or {@code none}
 */
public record Policy(List<PolicyLog> logs, List<PolicyWitness> witnesses, List<PolicyGroup> groups, String quorum) {
    /** The reserved quorum name that requires no cosignature. */
    public static final String NONE = "none";
    /** The most logs, witnesses and groups (each) a policy may define. */
    public static final int MAX_ENTRIES = 256;

    public Policy {
        logs = List.copyOf(logs);
        witnesses = List.copyOf(witnesses);
        groups = List.copyOf(groups);
        Objects.requireNonNull(quorum, "quorum");
        if (logs.size() > MAX_ENTRIES || witnesses.size() > MAX_ENTRIES || groups.size() > MAX_ENTRIES) {
            throw new MicrocredException(Problem.TOO_LARGE, "a policy has at most 256 logs, witnesses and groups");
        }
        Set<String> logKeys = new HashSet<>();
        for (PolicyLog log : logs) {
            if (!logKeys.add(log.key().verifierKey().publicKey().hex())) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "log key listed twice: " + log.origin());
            }
        }
        Set<String> defined = new HashSet<>();
        Set<String> witnessKeys = new HashSet<>();
        for (PolicyWitness witness : witnesses) {
            define(defined, witness.name());
            if (!witnessKeys.add(witness.key().verifierKey().publicKey().hex())) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "witness key listed twice: " + witness.name());
            }
        }
        // tlog-policy: a group refers only to names defined on preceding lines, which rules out cycles
        Set<String> groupNames = new HashSet<>();
        for (PolicyGroup group : groups) {
            for (String member : group.members()) {
                if (!defined.contains(member)) {
                    throw new MicrocredException(Problem.MALFORMED_INPUT,
                            "group " + group.name() + " refers to " + member + " before it is defined");
                }
            }
            define(defined, group.name());
            groupNames.add(group.name());
        }
        if (!quorum.equals(NONE) && !defined.contains(quorum)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "the quorum " + quorum + " is not defined");
        }
    }

    private static void define(Set<String> defined, String name) {
        if (name.equals(NONE) || !name.matches("[^\\s#]+") || !defined.add(name)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "name defined twice or reserved: " + name);
        }
    }

    /** Parses the policy text. */
    public static Policy parse(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' || c == 0x7f) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "a policy has no control characters");
            }
        }
        List<PolicyLog> logs = new ArrayList<>();
        List<PolicyWitness> witnesses = new ArrayList<>();
        List<PolicyGroup> groups = new ArrayList<>();
        String quorum = null;
        int number = 0;
        for (String raw : text.split("\n", -1)) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("[ \t]+");
            try {
                switch (f[0]) {
                    case "log" -> {
                        arity(f, 2, 3);
                        logs.add(new PolicyLog(Ed25519NoteVerifier.parse(f[1]), optional(f, 2)));
                    }
                    case "witness" -> {
                        arity(f, 3, 4);
                        witnesses.add(new PolicyWitness(f[1], CosignatureVerifier.parse(f[2]), optional(f, 3)));
                    }
                    case "group" -> {
                        if (f.length < 4) {
                            throw new MicrocredException(Problem.MALFORMED_INPUT, "group <name> <k> <member>...");
                        }
                        List<String> members = List.of(f).subList(3, f.length);
                        int k = switch (f[2]) {
                            case "all" -> members.size();
                            case "any" -> 1;
                            default -> {
                                if (!f[2].matches("[1-9][0-9]{0,2}")) {
                                    throw new MicrocredException(Problem.MALFORMED_INPUT, "threshold is all, any or k");
                                }
                                yield Integer.parseInt(f[2]);
                            }
                        };
                        groups.add(new PolicyGroup(f[1], k, members));
                        // tlog-policy: a group line can only reference names defined on preceding lines
                        new Policy(logs, witnesses, groups, NONE);
                    }
                    case "quorum" -> {
                        arity(f, 2, 2);
                        if (quorum != null) {
                            throw new MicrocredException(Problem.MALFORMED_INPUT, "more than one quorum line");
                        }
                        quorum = f[1];
                        // tlog-policy: the quorum names a witness or group defined earlier
                        new Policy(logs, witnesses, groups, quorum);
                    }
                    default -> throw new MicrocredException(Problem.MALFORMED_INPUT, "unknown keyword " + f[0]);
                }
            } catch (MicrocredException e) {
                throw new MicrocredException(e.problem(), "policy line " + number + ": " + e.getMessage(), e);
            }
        }
        if (quorum == null) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "a policy has a quorum line");
        }
        return new Policy(logs, witnesses, groups, quorum);
    }

    private static void arity(String[] fields, int min, int max) {
        if (fields.length < min || fields.length > max) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "wrong number of fields for " + fields[0]);
        }
    }

    private static Optional<String> optional(String[] fields, int i) {
        return fields.length > i ? Optional.of(fields[i]) : Optional.empty();
    }

    /** The policy text, in the canonical order: logs, witnesses, groups, quorum. */
    public String format() {
        StringBuilder out = new StringBuilder();
        for (PolicyLog log : logs) {
            out.append("log ").append(log.key().verifierKey().format());
            log.url().ifPresent(url -> out.append(' ').append(url));
            out.append('\n');
        }
        for (PolicyWitness witness : witnesses) {
            out.append("witness ").append(witness.name()).append(' ').append(witness.key().verifierKey().format());
            witness.url().ifPresent(url -> out.append(' ').append(url));
            out.append('\n');
        }
        for (PolicyGroup group : groups) {
            out.append("group ").append(group.name()).append(' ').append(group.threshold());
            group.members().forEach(member -> out.append(' ').append(member));
            out.append('\n');
        }
        return out.append("quorum ").append(quorum).append('\n').toString();
    }

    /** Whether the witnesses named {@code cosigners} satisfy the quorum. */
    public boolean quorumSatisfiedBy(Set<String> cosigners) {
        Map<String, PolicyGroup> byName = new HashMap<>();
        groups.forEach(group -> byName.put(group.name(), group));
        return quorum.equals(NONE) || witnessed(quorum, cosigners, byName);
    }

    private static boolean witnessed(String name, Set<String> cosigners, Map<String, PolicyGroup> groups) {
        PolicyGroup group = groups.get(name);
        if (group == null) {
            return cosigners.contains(name);
        }
        int count = 0;
        for (String member : group.members()) {
            if (witnessed(member, cosigners, groups)) {
                count++;
            }
        }
        return count >= group.threshold();
    }

    /**
     * Checks a signed checkpoint: a log of this policy whose name is the checkpoint origin signed it (and no
     * signature of that log fails), and the witnesses whose cosignatures verify satisfy the quorum. Cosignatures
     * from unknown keys are ignored; one from a known witness that does not verify does not count.
     */
    public CheckpointVerification verify(SignedNote note) {
        Checkpoint checkpoint = Checkpoint.from(note);
        List<NoteVerifier> logKeys = new ArrayList<>();
        for (PolicyLog log : logs) {
            if (log.origin().equals(checkpoint.origin())) {
                logKeys.add(log.key());
            }
        }
        if (logKeys.isEmpty()) {
            return new CheckpointVerification(false, checkpoint, List.of(),
                    "the log " + checkpoint.origin() + " is not in the policy");
        }
        NoteVerification bySigner = note.verify(logKeys);
        if (!bySigner.valid()) {
            return new CheckpointVerification(false, checkpoint, List.of(),
                    "the checkpoint is not validly signed by the log " + checkpoint.origin());
        }
        List<NoteVerifier> witnessKeys = new ArrayList<>();
        witnesses.forEach(witness -> witnessKeys.add(witness.key()));
        NoteVerification byWitnesses = note.verify(witnessKeys);
        List<String> cosigners = new ArrayList<>();
        for (PolicyWitness witness : witnesses) {
            if (byWitnesses.isVerifiedBy(witness.key())) {
                cosigners.add(witness.name());
            }
        }
        if (!quorumSatisfiedBy(Set.copyOf(cosigners))) {
            return new CheckpointVerification(false, checkpoint, cosigners,
                    "cosigned by " + cosigners.size() + " witness(es) " + cosigners + ", short of the quorum " + quorum);
        }
        return new CheckpointVerification(true, checkpoint, cosigners,
                "signed by the log " + checkpoint.origin() + " and cosigned by " + cosigners + ", meeting the quorum "
                        + quorum);
    }
}
