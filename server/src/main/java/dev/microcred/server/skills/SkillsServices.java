package dev.microcred.server.skills;

import dev.microcred.server.Platform;
import dev.microcred.skills.graph.SkillsGraph;
import java.util.Objects;

/**
 * The skills services of one server, wired with {@code new} from its {@link Platform}: the shared
 * {@link TaxonomyLoader}, the offered catalogues, stackable pathways, the career planner and the CLR export.
 * Immutable.
 */
public record SkillsServices(TaxonomyLoader taxonomy, Catalogues catalogues, Pathways pathways, CareerPlanner planner,
                             ClrExport clr) {
    public SkillsServices {
        Objects.requireNonNull(taxonomy, "taxonomy");
        Objects.requireNonNull(catalogues, "catalogues");
        Objects.requireNonNull(pathways, "pathways");
        Objects.requireNonNull(planner, "planner");
        Objects.requireNonNull(clr, "clr");
    }

    /** The services over {@code platform}, with the frameworks from {@code taxonomy}. */
    public static SkillsServices of(Platform p, TaxonomyLoader taxonomy) {
        Catalogues catalogues = new Catalogues(p.db(), p.store(), p.baseUrl(), SkillsGraph::bundled, p.clock());
        return new SkillsServices(taxonomy, catalogues, new Pathways(p.db(), p.store(), p.baseUrl(), p.clock()),
                new CareerPlanner(new CredentialReader(p.verification()), catalogues, taxonomy),
                new ClrExport(p.db(), p.store(), p.issuers(), p.clock()));
    }
}
