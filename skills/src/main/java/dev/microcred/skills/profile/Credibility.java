package dev.microcred.skills.profile;

/**
 * What an ecosystem says about an issuer or achievement.
 *
 * @param accredited the issuer is accredited by a trusted accreditation body
 * @param endorsed   the achievement or issuer carries a verified endorsement
 */
public record Credibility(boolean accredited, boolean endorsed) {
    /** Neither accredited nor endorsed. */
    public static final Credibility NONE = new Credibility(false, false);

    /** 2 accredited, 1 endorsed only, 0 neither: higher first when ranking providers. */
    public int rank() {
        return accredited ? 2 : endorsed ? 1 : 0;
    }

    /**
     * The factor applied to evidence from this issuer in scores: 1.0 accredited, 0.85 endorsed, 0.7 neither. An
     * unaccredited credential still proves a skill; it just weighs less when candidates are ranked.
     */
    public double weight() {
        return accredited ? 1.0 : endorsed ? 0.85 : 0.7;
    }
}
