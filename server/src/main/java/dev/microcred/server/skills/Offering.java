package dev.microcred.server.skills;

import dev.microcred.skills.pathway.CatalogueAchievement;
import java.util.Objects;

/**
 * An achievement or learning opportunity offered in this instance, as the planner sees it plus where it comes from.
 *
 * @param achievement what the planner sees (its id is the achievement's URL, the {@code id} of the OB 3.0
 *     {@code Achievement} its credentials carry)
 * @param issuerSlug  the issuer offering it
 * @param issuerName  that issuer's name
 * @param source      {@code achievement} (an achievement of this platform) or {@code catalogue} (an entry of the
 *     issuer's imported catalogue)
 */
public record Offering(CatalogueAchievement achievement, String issuerSlug, String issuerName, String source) {
    public Offering {
        Objects.requireNonNull(achievement, "achievement");
        Objects.requireNonNull(issuerSlug, "issuerSlug");
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(source, "source");
    }
}
