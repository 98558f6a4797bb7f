package dev.microcred.skills.graph;

/** The skills frameworks the bundled graph holds. Their ids coexist: see {@link SkillIds}. */
public enum Framework {
    /** ESCO v1.1.1, European Commission: concept URIs {@code http://data.europa.eu/esco/...}. */
    ESCO,
    /** O*NET 29.2, USDOL/ETA (CC BY 4.0): ids {@code onet:occupation/15-1252.00}, {@code onet:element/2.A.1.a}, ... */
    ONET
}
