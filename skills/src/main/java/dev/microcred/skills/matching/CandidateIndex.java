package dev.microcred.skills.matching;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.skills.graph.SkillIds;
import dev.microcred.skills.profile.Credibility;
import dev.microcred.skills.profile.Evidence;
import dev.microcred.skills.profile.ProfileSkill;
import dev.microcred.skills.profile.SkillsProfile;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * An inverted index from skill to the opted-in learners who proved it, in primitive arrays (structure of arrays, one
 * posting per proof: learner ordinal, level, issuance day, credibility flags, credential key; 16 bytes), posting lists
 * sorted by learner. Built once by a {@link Builder}, then immutable and thread-safe.
 *
 * <p>Score of a learner for a posting: Σ<sub>r</sub> w<sub>r</sub> · max<sub>proofs of r</sub> (level factor ×
 * credibility × recency), with w<sub>r</sub> = importance<sub>r</sub> / Σ importance. Level factor: 1 when the proof
 * meets the minimum level (or none is asked), 0.5 × level / minimum when below it, 0.5 when the proof states no
 * level. Credibility: {@link Credibility#weight()}. Recency: 0.5<sup>age / {@value #HALF_LIFE_DAYS} days</sup>.
 * Query cost: one pass over the posting lists of the posting's skills into a score array, then a k-heap — no pruning
 * is needed at the measured sizes (see docs/SKILLS-EVAL.md).
 */
public final class CandidateIndex {
    /** Half-life of a proof's weight, in days (3 years). */
    public static final int HALF_LIFE_DAYS = 1095;
    private static final int MAX_AGE_DAYS = 40 * 365;
    private static final byte NO_LEVEL = -1;
    private static final float[] DECAY = new float[MAX_AGE_DAYS + 1];

    static {
        for (int age = 0; age <= MAX_AGE_DAYS; age++) DECAY[age] = (float) Math.pow(0.5, (double) age / HALF_LIFE_DAYS);
    }

    private final long[] learnerKeys;
    private final Map<String, Integer> skills;
    private final int[] start;
    private final int[] learner;
    private final byte[] level;
    private final char[] day;
    private final byte[] flags;
    private final long[] credential;
    /** per-thread score accumulators, cleared after each query (only the touched entries) */
    private final ThreadLocal<Scratch> scratch;

    private static final class Scratch {
        final float[] score;
        final boolean[] seen;
        int[] touched = new int[1024];

        Scratch(int learners) {
            score = new float[learners];
            seen = new boolean[learners];
        }
    }

    private CandidateIndex(long[] learnerKeys, Map<String, Integer> skills, int[] start, int[] learner, byte[] level,
                           char[] day, byte[] flags, long[] credential) {
        this.learnerKeys = learnerKeys;
        this.skills = skills;
        this.start = start;
        this.learner = learner;
        this.level = level;
        this.day = day;
        this.flags = flags;
        this.credential = credential;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(learnerKeys.length));
    }

    /** A builder; learners are added one after the other, each with its proofs. */
    public static Builder builder() {
        return new Builder(1024, 1024);
    }

    /** A builder sized for the expected numbers of learners and proofs (avoids regrowth on bulk loads). */
    public static Builder builder(int expectedLearners, int expectedProofs) {
        return new Builder(Math.max(1, expectedLearners), Math.max(1, expectedProofs));
    }

    /** Number of learners. */
    public int learners() {
        return learnerKeys.length;
    }

    /** Number of postings (proofs). */
    public int postings() {
        return learner.length;
    }

    /** Number of distinct skills. */
    public int skills() {
        return skills.size();
    }

    /**
     * The {@code k} best learners for {@code posting} as of {@code today}, best first (ties: earlier-added learner);
     * learners proving none of the skills are not ranked.
     *
     * @throws MicrocredException {@link Problem#INVALID_REQUEST} when k is not in 1..1000
     */
    public List<RankedCandidate> topK(JobPosting posting, int k, LocalDate today) {
        Objects.requireNonNull(posting, "posting");
        if (k < 1 || k > 1000) throw new MicrocredException(Problem.INVALID_REQUEST, "k must be 1..1000, was " + k);
        int todayDay = (int) today.toEpochDay();
        List<JobRequirement> reqs = posting.requirements();
        double total = reqs.stream().mapToDouble(JobRequirement::importance).sum();
        Scratch scratch = this.scratch.get();
        float[] score = scratch.score;
        boolean[] seen = scratch.seen;
        int[] touched = scratch.touched;
        int touchedCount = 0;
        for (JobRequirement r : reqs) {
            Integer s = skills.get(r.skillId());
            if (s == null) continue;
            float w = (float) (r.importance() / total);
            float[] levelFactor = levelFactors(r.minLevel());
            int end = start[s + 1];
            int i = start[s];
            while (i < end) {
                int l = learner[i];
                float best = 0;
                for (; i < end && learner[i] == l; i++) {
                    float v = levelFactor[level[i] + 1] * credibilityWeight(flags[i]) * decay(todayDay - day[i]);
                    if (v > best) best = v;
                }
                if (!seen[l]) {
                    seen[l] = true;
                    if (touchedCount == touched.length) touched = Arrays.copyOf(touched, touchedCount * 2);
                    touched[touchedCount++] = l;
                }
                score[l] += w * best;
            }
        }
        int[] top = topOf(score, touched, touchedCount, k);
        for (int t = 0; t < touchedCount; t++) {
            score[touched[t]] = 0;
            seen[touched[t]] = false;
        }
        scratch.touched = touched;
        List<RankedCandidate> out = new ArrayList<>(top.length);
        for (int l : top) out.add(explain(l, posting, total, todayDay));
        return List.copyOf(out);
    }

    /** Indices of the k highest scores among {@code touched} (a min-heap), best first. */
    private static int[] topOf(float[] score, int[] touched, int n, int k) {
        int[] heap = new int[Math.min(k, n)];
        int size = 0;
        for (int t = 0; t < n; t++) {
            int l = touched[t];
            if (size < heap.length) {
                heap[size++] = l;
                siftUp(heap, size - 1, score);
            } else if (better(l, heap[0], score)) {
                heap[0] = l;
                siftDown(heap, size, score);
            }
        }
        Integer[] sorted = new Integer[size];
        for (int i = 0; i < size; i++) sorted[i] = heap[i];
        Arrays.sort(sorted, (a, b) -> better(a, b, score) ? -1 : better(b, a, score) ? 1 : 0);
        return Arrays.stream(sorted).mapToInt(Integer::intValue).toArray();
    }

    private static boolean better(int a, int b, float[] score) {
        return score[a] > score[b] || (score[a] == score[b] && a < b);
    }

    private static void siftUp(int[] h, int i, float[] score) {
        while (i > 0) {
            int p = (i - 1) / 2;
            if (!better(h[p], h[i], score)) break;
            int t = h[p];
            h[p] = h[i];
            h[i] = t;
            i = p;
        }
    }

    private static void siftDown(int[] h, int size, float[] score) {
        int i = 0;
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int worst = i;
            if (l < size && better(h[worst], h[l], score)) worst = l;
            if (r < size && better(h[worst], h[r], score)) worst = r;
            if (worst == i) return;
            int t = h[worst];
            h[worst] = h[i];
            h[i] = t;
            i = worst;
        }
    }

    private RankedCandidate explain(int l, JobPosting posting, double total, int todayDay) {
        List<RequirementMatch> matches = new ArrayList<>();
        double sum = 0;
        int met = 0;
        for (JobRequirement r : posting.requirements()) {
            Integer s = skills.get(r.skillId());
            int best = -1;
            float bestValue = 0;
            if (s != null) {
                float[] levelFactor = levelFactors(r.minLevel());
                int lo = Arrays.binarySearch(learner, start[s], start[s + 1], l);
                if (lo >= 0) {
                    while (lo > start[s] && learner[lo - 1] == l) lo--;
                    for (int i = lo; i < start[s + 1] && learner[i] == l; i++) {
                        float v = levelFactor[level[i] + 1] * credibilityWeight(flags[i]) * decay(todayDay - day[i]);
                        if (best < 0 || v > bestValue) {
                            best = i;
                            bestValue = v;
                        }
                    }
                }
            }
            double w = r.importance() / total;
            if (best < 0) {
                matches.add(new RequirementMatch(r.skillId(), r.importance(), false, 0, null, false, null,
                    Credibility.NONE, 0, 0));
                continue;
            }
            Integer lv = level[best] == NO_LEVEL ? null : (int) level[best];
            boolean levelMet = r.minLevel() == null || (lv != null && lv >= r.minLevel());
            if (levelMet) met++;
            double contribution = w * bestValue;
            sum += contribution;
            matches.add(new RequirementMatch(r.skillId(), r.importance(), true, credential[best], lv, levelMet,
                LocalDate.ofEpochDay(day[best]), new Credibility((flags[best] & 1) != 0, (flags[best] & 2) != 0),
                decay(todayDay - day[best]), contribution));
        }
        long proven = matches.stream().filter(RequirementMatch::matched).count();
        String explanation = String.format(Locale.ROOT,
            "proves %d of %d required skills (%d at the minimum level); score %.2f = Σ importance share × level × "
                + "issuer credibility × recency", proven, matches.size(), met, sum);
        return new RankedCandidate(learnerKeys[l], Math.min(1, sum), matches, explanation);
    }

    /** Index 0: proof without level; index 1 + level: a proof at that level. */
    private static float[] levelFactors(Integer min) {
        float[] f = new float[9];
        f[0] = min == null ? 1f : 0.5f;
        for (int lv = 0; lv <= 7; lv++) {
            f[lv + 1] = min == null || lv >= min ? 1f : 0.5f * lv / min;
        }
        return f;
    }

    private static float credibilityWeight(byte flags) {
        return (flags & 1) != 0 ? 1f : (flags & 2) != 0 ? 0.85f : 0.7f;
    }

    private static float decay(int age) {
        return age <= 0 ? 1f : DECAY[Math.min(age, MAX_AGE_DAYS)];
    }

    /**
     * Collects learners and their proofs. Not thread-safe. Memory while building: about 20 bytes per proof, on top of
     * the 16 bytes per proof of the index.
     */
    public static final class Builder {
        private final Map<String, Integer> skills = new HashMap<>();
        private long[] learnerKeys;
        private int learners;
        private int[] pSkill;
        private int[] pLearner;
        private byte[] pLevel;
        private char[] pDay;
        private byte[] pFlags;
        private long[] pCredential;
        private int proofs;

        private Builder(int learners, int proofs) {
            learnerKeys = new long[learners];
            pSkill = new int[proofs];
            pLearner = new int[proofs];
            pLevel = new byte[proofs];
            pDay = new char[proofs];
            pFlags = new byte[proofs];
            pCredential = new long[proofs];
        }

        /** Starts the next learner; the proofs added until the next call are theirs. */
        public Builder learner(long learnerKey) {
            if (learners == learnerKeys.length) learnerKeys = Arrays.copyOf(learnerKeys, learners * 2);
            learnerKeys[learners++] = learnerKey;
            return this;
        }

        /**
         * A proof of the current learner.
         *
         * @param skillId       skill id (normalised with {@link SkillIds#canonical})
         * @param level         0–7, or null when unstated
         * @param provenOn      issuance date (1970-01-01 .. 2149-06-06)
         * @param credibility   issuer credibility
         * @param credentialKey the credential's key, returned in explanations
         */
        public Builder proof(String skillId, Integer level, LocalDate provenOn, Credibility credibility,
                             long credentialKey) {
            return proof(skill(skillId), level == null ? NO_LEVEL : level, (int) provenOn.toEpochDay(),
                credibility.accredited(), credibility.endorsed(), credentialKey);
        }

        /** The ordinal of a skill id, for the primitive {@link #proof(int, int, int, boolean, boolean, long)}. */
        public int skill(String skillId) {
            return skills.computeIfAbsent(SkillIds.canonical(skillId), k -> skills.size());
        }

        /**
         * A proof of the current learner, primitives only (bulk loading).
         *
         * @param level    0–7, or -1 when unstated
         * @param epochDay issuance day since 1970-01-01, 0..65535
         */
        public Builder proof(int skill, int level, int epochDay, boolean accredited, boolean endorsed,
                             long credentialKey) {
            if (learners == 0) throw new IllegalStateException("learner(...) first");
            if (level < -1 || level > 7) throw new MicrocredException(Problem.MALFORMED_INPUT, "level " + level);
            if (epochDay < 0 || epochDay > Character.MAX_VALUE) {
                throw new MicrocredException(Problem.MALFORMED_INPUT, "date out of range: day " + epochDay);
            }
            if (proofs == pSkill.length) grow();
            pSkill[proofs] = skill;
            pLearner[proofs] = learners - 1;
            pLevel[proofs] = (byte) level;
            pDay[proofs] = (char) epochDay;
            pFlags[proofs] = (byte) ((accredited ? 1 : 0) | (endorsed ? 2 : 0));
            pCredential[proofs] = credentialKey;
            proofs++;
            return this;
        }

        /**
         * Adds a learner with the proven skills of their profile (stale skills are not offered to employers): one
         * proof per valid credential.
         *
         * @param credentialKey maps the profile's credential ids to keys
         */
        public Builder profile(long learnerKey, SkillsProfile profile, ToLongFunction<String> credentialKey) {
            learner(learnerKey);
            for (ProfileSkill s : profile.proven()) {
                for (Evidence e : s.decisive()) {
                    proof(s.skillId(), e.level(), LocalDate.ofInstant(e.issuedAt(), ZoneOffset.UTC), e.credibility(),
                        credentialKey.applyAsLong(e.credentialId()));
                }
            }
            return this;
        }

        private void grow() {
            int n = pSkill.length * 2;
            pSkill = Arrays.copyOf(pSkill, n);
            pLearner = Arrays.copyOf(pLearner, n);
            pLevel = Arrays.copyOf(pLevel, n);
            pDay = Arrays.copyOf(pDay, n);
            pFlags = Arrays.copyOf(pFlags, n);
            pCredential = Arrays.copyOf(pCredential, n);
        }

        /** The index: a counting sort of the proofs by skill, keeping learner order within each list. */
        public CandidateIndex build() {
            int s = skills.size();
            int[] start = new int[s + 1];
            for (int i = 0; i < proofs; i++) start[pSkill[i] + 1]++;
            for (int i = 0; i < s; i++) start[i + 1] += start[i];
            int[] fill = Arrays.copyOf(start, s);
            int[] learner = new int[proofs];
            byte[] level = new byte[proofs];
            char[] day = new char[proofs];
            byte[] flags = new byte[proofs];
            long[] credential = new long[proofs];
            for (int i = 0; i < proofs; i++) {
                int at = fill[pSkill[i]]++;
                learner[at] = pLearner[i];
                level[at] = pLevel[i];
                day[at] = pDay[i];
                flags[at] = pFlags[i];
                credential[at] = pCredential[i];
            }
            return new CandidateIndex(Arrays.copyOf(learnerKeys, learners), Map.copyOf(skills), start, learner, level,
                day, flags, credential);
        }
    }
}
