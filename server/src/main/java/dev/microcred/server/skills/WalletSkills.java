package dev.microcred.server.skills;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.microcred.credentials.json.Json;
import dev.microcred.server.Platform;
import dev.microcred.skills.profile.Credibility;
import dev.microcred.skills.profile.VerifiedCredential;
import dev.microcred.store.StoredCredential;
import dev.microcred.store.WalletImport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A learner's own wallet as skills evidence: the platform credentials they claimed and the credentials they
 * imported, each verified now by the platform's verifier (so a revoked one proves nothing, an expired one makes its
 * skills stale), with the issuer's {@link IssuerCredibility}. Thread-safe.
 */
public final class WalletSkills {
    private final Platform p;
    private final CredentialReader reader;
    private final TaxonomyLoader taxonomy;
    private final IssuerCredibility credibility;

    public WalletSkills(Platform platform, TaxonomyLoader taxonomy, IssuerCredibility credibility) {
        this.p = Objects.requireNonNull(platform, "platform");
        this.reader = new CredentialReader(platform.verification());
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        this.credibility = Objects.requireNonNull(credibility, "credibility");
    }

    /** The account's claimed and imported credentials, verified now, claimed first. */
    public List<PresentedCredential> credentials(String accountId) {
        return credentials(accountId, credibility.byDid());
    }

    List<PresentedCredential> credentials(String accountId, Map<String, IssuerCredibility.Standing> standings) {
        var graph = taxonomy.require().graph();
        List<JsonNode> inputs = new ArrayList<>();
        p.db().read(c -> {
            for (StoredCredential k : p.store().credentials().byHolder(c, accountId)) {
                inputs.add(Json.parseObject(k.document()));
            }
            for (WalletImport i : p.store().walletImports().byAccount(c, accountId)) {
                String d = i.document().strip();
                inputs.add(d.startsWith("{") ? Json.parseObject(d) : TextNode.valueOf(d));
            }
            return null;
        });
        List<PresentedCredential> out = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            PresentedCredential k = reader.read(i, inputs.get(i), graph);
            IssuerCredibility.Standing s = standings.get(k.verified().issuerId());
            Credibility cred = s == null ? Credibility.NONE : s.credibility();
            VerifiedCredential v = k.verified();
            out.add(new PresentedCredential(k.index(), k.outcome(), k.detail(), new VerifiedCredential(
                    v.credentialId(), v.status(), v.issuedAt(), v.validUntil(), v.issuerId(), cred, v.achievementId(),
                    v.achievementName(), v.alignments(), v.level())));
        }
        return out;
    }
}
