package dev.microcred.server;

import dev.microcred.server.accounts.AccountDirectory;
import dev.microcred.server.accounts.WebSignIn;
import dev.microcred.server.anchoring.Anchoring;
import dev.microcred.server.bulk.BulkIssuance;
import dev.microcred.server.issuing.AccessTokens;
import dev.microcred.server.issuing.AchievementCatalog;
import dev.microcred.server.issuing.Issuance;
import dev.microcred.server.issuing.IssuerRegistry;
import dev.microcred.server.issuing.StatusRegistry;
import dev.microcred.server.issuing.Verification;
import dev.microcred.server.ops.Metrics;
import dev.microcred.server.tlog.Sequencer;
import dev.microcred.server.tlog.TransparencyLog;
import dev.microcred.store.Database;
import dev.microcred.store.Store;
import java.time.Clock;

/**
 * Everything a running server is made of, wired once by {@link MicrocredServer#start}: the database and its
 * repositories, and the platform's services. Routes, the demo and tests use it. Immutable.
 *
 * @param baseUrl the public URL without a trailing slash
 */
public record Platform(Config config, String baseUrl, Clock clock, Database db, Store store, IssuerRegistry issuers,
                       AchievementCatalog achievements, StatusRegistry status, Issuance issuance,
                       Verification verification, AccessTokens tokens, AccountDirectory accounts,
                       WebSignIn signIn, Metrics metrics, BulkIssuance bulk, TransparencyLog tlog,
                       Sequencer sequencer, Anchoring anchoring) {
}
