package dev.microcred.server.skills;

import dev.microcred.core.MicrocredException;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.verify.VerificationReport;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.Verification;
import dev.microcred.store.CredentialState;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.Store;
import dev.microcred.store.StoredAchievement;
import dev.microcred.store.StoredCredential;
import dev.microcred.store.StoredPathway;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues stackable milestones automatically: after a credential for achievement A is issued to a recipient, every
 * pathway with A among its parts is checked; when the recipient (same email hash or DID) now holds credentials that
 * verify as valid for the pathway's minimum of parts and has not been awarded its milestone, the milestone is issued
 * to them through the ordinary issuance path, its award recorded in the same transaction (one award per pathway and
 * recipient, so concurrent issuances cannot award it twice). A milestone may itself be a part: issuing it checks the
 * pathways it belongs to in turn. Failures are logged and leave the credential that triggered the check issued.
 * Thread-safe.
 */
public final class MilestoneAwards implements Issuance.AfterIssue {
    private static final Logger LOG = LoggerFactory.getLogger(MilestoneAwards.class);
    private final Database db;
    private final Store store;
    private final Verification verification;
    private final Clock clock;

    public MilestoneAwards(Database db, Store store, Verification verification, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.verification = Objects.requireNonNull(verification, "verification");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void issued(Issuance issuance, Issuer issuer, StoredAchievement achievement, Issuance.Recipient recipient,
                       Issuance.Issued issued) {
        try {
            award(issuance, achievement, recipient, issued.stored().recipientHash());
        } catch (MicrocredException e) {
            LOG.warn("milestone check failed credential={} problem={}", issued.stored().id(), e.problem().slug());
        }
    }

    private void award(Issuance issuance, StoredAchievement achievement, Issuance.Recipient recipient, String hash) {
        if (hash == null) {
            return;
        }
        List<StoredPathway> relevant = db.read(c -> store.pathways().withPart(c, achievement.id()));
        if (relevant.isEmpty()) {
            return;
        }
        Set<String> wanted = new HashSet<>();
        relevant.forEach(p -> {
            wanted.addAll(p.parts());
            wanted.add(p.milestoneId());
        });
        Set<String> held = new HashSet<>();
        for (StoredCredential k : db.read(c -> store.credentials().byRecipient(c, hash))) {
            if (k.achievementId() == null || !wanted.contains(k.achievementId()) || held.contains(k.achievementId())
                    || k.state() != CredentialState.ACTIVE) {
                continue;
            }
            VerificationReport report = verification.verify(Json.parseObject(k.document()));
            if (report.valid()) {
                held.add(k.achievementId());
            }
        }
        for (StoredPathway p : relevant) {
            long have = p.parts().stream().filter(held::contains).count();
            if (have < p.minParts() || held.contains(p.milestoneId())
                    || db.read(c -> store.pathways().awarded(c, p.id(), hash)).isPresent()) {
                continue;
            }
            Optional<StoredAchievement> milestone = db.read(c -> store.achievements().byId(c, p.milestoneId()));
            Optional<Issuer> owner = db.read(c -> store.issuers().byId(c, p.issuerId()));
            if (milestone.isEmpty() || owner.isEmpty() || milestone.get().archivedAt() != null) {
                LOG.warn("milestone not issued: unavailable pathway={}", p.id());
                continue;
            }
            try {
                Issuance.Issued d = issuance.issue(owner.get(), milestone.get(), recipient, null, null,
                        (c, stored) -> store.pathways().award(c, p.id(), hash, stored.id(), clock.instant()));
                held.add(p.milestoneId());
                LOG.info("milestone issued pathway={} credential={}", p.id(), d.stored().id());
            } catch (MicrocredException e) {
                LOG.warn("milestone not issued pathway={} problem={}", p.id(), e.problem().slug());
            }
        }
    }
}
