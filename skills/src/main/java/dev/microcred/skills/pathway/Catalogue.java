package dev.microcred.skills.pathway;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated catalogue of achievements: unique ids, known prerequisites, no prerequisite cycle. Indexed by skill for
 * planning. Immutable and thread-safe.
 */
public final class Catalogue {
    private final List<CatalogueAchievement> achievements;
    private final Map<String, Integer> index;
    private final int[][] prerequisites;
    private final Map<String, int[]> teaching;

    private Catalogue(List<CatalogueAchievement> achievements, Map<String, Integer> index, int[][] prerequisites,
                      Map<String, int[]> teaching) {
        this.achievements = achievements;
        this.index = index;
        this.prerequisites = prerequisites;
        this.teaching = teaching;
    }

    /**
     * Validates and indexes {@code achievements}.
     *
     * @throws MicrocredException {@link Problem#INVALID_REQUEST} on a duplicate id, an unknown prerequisite or a
     *                            prerequisite cycle (the message names the cycle, "a -> b" meaning a requires b:
     *                            "prerequisite cycle: a -> b -> a")
     */
    public static Catalogue of(List<CatalogueAchievement> achievements) {
        List<CatalogueAchievement> list = List.copyOf(achievements);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            if (index.put(list.get(i).id(), i) != null) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "duplicate achievement: " + list.get(i).id());
            }
        }
        int[][] pre = new int[list.size()][];
        Map<String, List<Integer>> teach = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            CatalogueAchievement a = list.get(i);
            pre[i] = a.prerequisites().stream().distinct().mapToInt(p -> {
                Integer j = index.get(p);
                if (j == null) {
                    throw new MicrocredException(Problem.INVALID_REQUEST,
                        "unknown prerequisite " + p + " of achievement " + a.id());
                }
                return j;
            }).toArray();
            for (TaughtSkill t : a.skills()) {
                List<Integer> l = teach.computeIfAbsent(t.skillId(), k -> new ArrayList<>());
                if (l.isEmpty() || l.get(l.size() - 1) != i) l.add(i);
            }
        }
        rejectCycles(list, pre);
        Map<String, int[]> teaching = new HashMap<>();
        teach.forEach((k, v) -> teaching.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        return new Catalogue(list, Collections.unmodifiableMap(index), pre, Collections.unmodifiableMap(teaching));
    }

    /** Iterative DFS with colours; reports the first cycle found as "a -> b -> ... -> a". */
    private static void rejectCycles(List<CatalogueAchievement> list, int[][] pre) {
        int n = pre.length;
        byte[] colour = new byte[n]; // 0 white, 1 on stack, 2 done
        int[] parent = new int[n];
        int[] next = new int[n];
        Arrays.fill(parent, -1);
        for (int root = 0; root < n; root++) {
            if (colour[root] != 0) continue;
            colour[root] = 1;
            int v = root;
            while (v >= 0) {
                if (next[v] < pre[v].length) {
                    int w = pre[v][next[v]++];
                    if (colour[w] == 0) {
                        colour[w] = 1;
                        parent[w] = v;
                        v = w;
                    } else if (colour[w] == 1) {
                        List<String> cycle = new ArrayList<>();
                        for (int x = v; x != w; x = parent[x]) cycle.add(list.get(x).id());
                        cycle.add(list.get(w).id());
                        Collections.reverse(cycle);
                        cycle.add(list.get(w).id());
                        throw new MicrocredException(Problem.INVALID_REQUEST,
                            "prerequisite cycle: " + String.join(" -> ", cycle));
                    }
                } else {
                    colour[v] = 2;
                    v = parent[v];
                }
            }
        }
    }

    /** All achievements, in the given order. */
    public List<CatalogueAchievement> achievements() {
        return achievements;
    }

    /** The achievement with this id. */
    public Optional<CatalogueAchievement> achievement(String id) {
        Integer i = index.get(id);
        return i == null ? Optional.empty() : Optional.of(achievements.get(i));
    }

    /** Number of achievements. */
    public int size() {
        return achievements.size();
    }

    int indexOf(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    CatalogueAchievement get(int i) {
        return achievements.get(i);
    }

    int[] prerequisites(int i) {
        return prerequisites[i];
    }

    int[] teaching(String skillId) {
        return teaching.getOrDefault(skillId, new int[0]);
    }
}
