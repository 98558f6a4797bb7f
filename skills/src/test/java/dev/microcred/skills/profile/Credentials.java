package dev.microcred.skills.profile;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Test fixtures: credentials aligned to real ESCO/O*NET ids. */
public final class Credentials {
    public static final String PYTHON = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d";
    public static final String ONET_PROGRAMMING = "onet:element/2.B.3.e";
    public static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

    private Credentials() {
    }

    public static VerifiedCredential credential(String id, VerificationStatus status, Credibility credibility,
                                                Integer level, String... skills) {
        return new VerifiedCredential(id, status, T0, null, "did:web:issuer.example", credibility, "ach-" + id,
            "Achievement " + id, Arrays.stream(skills).map(s -> new Alignment(s, "", null)).toList(), level);
    }

    public static VerifiedCredential credential(String id, VerificationStatus status, String... skills) {
        return credential(id, status, Credibility.NONE, null, skills);
    }

    public static List<Alignment> alignments(String... skills) {
        return Arrays.stream(skills).map(s -> new Alignment(s, "", null)).toList();
    }
}
