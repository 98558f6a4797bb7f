package dev.microcred.skills.graph;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The namespaced ids of the skills graph and the mapping from what an Open Badges 3.0 {@code Alignment.targetUrl}
 * may hold to them. Pure string functions; thread-safe.
 *
 * <ul>
 *   <li>ESCO: the concept URI, {@code http://data.europa.eu/esco/skill/<uuid>}, {@code .../occupation/<uuid>},
 *       {@code .../isced-f/<code>} (https and a trailing slash are accepted and normalised);</li>
 *   <li>O*NET occupations: {@code onet:occupation/15-1252.00} (also accepted: {@code 15-1252.00}, {@code 15-1252},
 *       {@code https://www.onetonline.org/link/summary/15-1252.00} and the other {@code /link/...} pages);</li>
 *   <li>O*NET skill and knowledge elements: {@code onet:element/2.A.1.a} (also accepted: {@code 2.A.1.a});</li>
 *   <li>O*NET technology examples: {@code onet:technology/<slug>}, e.g. {@code onet:technology/python}.</li>
 * </ul>
 * Anything else (a CASE framework item, another URL) is returned trimmed and unchanged: it is a valid skill id for
 * profiles and matching, it is just not in the bundled graph.
 */
public final class SkillIds {
    /** Prefix of every ESCO concept URI. */
    public static final String ESCO = "http://data.europa.eu/esco/";
    /** Prefix of O*NET occupation ids. */
    public static final String ONET_OCCUPATION = "onet:occupation/";
    /** Prefix of O*NET content-model element ids. */
    public static final String ONET_ELEMENT = "onet:element/";
    /** Prefix of O*NET technology example ids. */
    public static final String ONET_TECHNOLOGY = "onet:technology/";

    private static final Pattern SOC = Pattern.compile("\\d{2}-\\d{4}(\\.\\d{2})?");
    private static final Pattern ELEMENT = Pattern.compile("2\\.[A-C](\\.\\d+)?(\\.[a-z])?(\\.\\d+)?(\\.[a-z])?");
    private static final Pattern ONET_LINK =
        Pattern.compile("https?://(www\\.)?onetonline\\.org/link/[a-z]+/(\\d{2}-\\d{4}\\.\\d{2}).*");

    private SkillIds() {
    }

    /** The canonical id for {@code ref}; unknown forms come back trimmed. */
    public static String canonical(String ref) {
        String s = ref.trim();
        if (s.startsWith("https://data.europa.eu/esco/")) {
            s = "http://" + s.substring("https://".length());
        }
        if (s.startsWith(ESCO)) {
            while (s.endsWith("/")) s = s.substring(0, s.length() - 1);
            return s;
        }
        if (SOC.matcher(s).matches()) {
            return ONET_OCCUPATION + (s.length() == 7 ? s + ".00" : s);
        }
        if (ELEMENT.matcher(s).matches()) {
            return ONET_ELEMENT + s;
        }
        var link = ONET_LINK.matcher(s);
        if (link.matches()) {
            return ONET_OCCUPATION + link.group(2);
        }
        return s;
    }

    /** The framework an id belongs to, if any. */
    public static Optional<Framework> framework(String id) {
        if (id.startsWith(ESCO)) return Optional.of(Framework.ESCO);
        if (id.startsWith("onet:")) return Optional.of(Framework.ONET);
        return Optional.empty();
    }

    /** A public URL to put in an OB 3.0 {@code Alignment.targetUrl} for this id. */
    public static String alignmentUrl(String id) {
        if (id.startsWith(ONET_OCCUPATION)) {
            return "https://www.onetonline.org/link/summary/" + id.substring(ONET_OCCUPATION.length());
        }
        if (id.startsWith(ONET_ELEMENT)) {
            return "https://www.onetonline.org/find/descriptor/result/" + id.substring(ONET_ELEMENT.length());
        }
        return id;
    }
}
