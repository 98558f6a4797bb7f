package dev.microcred.store;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code issuer} and {@code issuer_key} tables. Stateless. */
public final class Issuers {
    private static final String INSERT = """
            INSERT INTO issuer (id, slug, name, did, did_method, profile, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String COLUMNS = """
            SELECT id, slug, name, did, did_method, profile, created_at FROM issuer
            """;
    private static final String BY_SLUG = COLUMNS + " WHERE slug = ?";
    private static final String BY_ID = COLUMNS + " WHERE id = ?";
    private static final String BY_DID = COLUMNS + " WHERE did = ?";
    private static final String BY_ID_FOR_UPDATE = COLUMNS + " WHERE id = ? FOR UPDATE";
    private static final String ALL = COLUMNS + " ORDER BY slug";
    private static final String UPDATE_PROFILE = """
            UPDATE issuer SET name = ?, profile = ? WHERE id = ?
            """;
    private static final String INSERT_KEY = """
            INSERT INTO issuer_key (id, issuer_id, verification_method, public_key_multibase, key_file, created_at,
                                    retired_at)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String KEYS = """
            SELECT id, issuer_id, verification_method, public_key_multibase, key_file, created_at, retired_at
            FROM issuer_key WHERE issuer_id = ? ORDER BY created_at, id
            """;
    private static final String RETIRE_KEYS = """
            UPDATE issuer_key SET retired_at = ? WHERE issuer_id = ? AND retired_at IS NULL AND id <> ?
            """;

    /**
     * Stores a new issuer.
     *
     * @throws MicrocredException {@code CONFLICT} when the slug or DID is taken
     */
    public void insert(Connection c, Issuer i) throws SQLException {
        if (bySlug(c, i.slug()).isPresent()) {
            throw new MicrocredException(Problem.CONFLICT, "the issuer slug " + i.slug() + " is taken");
        }
        if (byDid(c, i.did()).isPresent()) {
            throw new MicrocredException(Problem.CONFLICT, "an issuer with this DID already exists");
        }
        Jdbc.update(c, INSERT, i.id(), i.slug(), i.name(), i.did(), i.didMethod(), i.profile(), i.createdAt());
    }

    public Optional<Issuer> bySlug(Connection c, String slug) throws SQLException {
        return Jdbc.one(c, BY_SLUG, Issuers::map, slug);
    }

    public Optional<Issuer> byId(Connection c, String id) throws SQLException {
        return Jdbc.one(c, BY_ID, Issuers::map, id);
    }

    /** The issuer row read {@code FOR UPDATE}: key changes of one issuer take turns. */
    public Optional<Issuer> lock(Connection c, String id) throws SQLException {
        return Jdbc.one(c, BY_ID_FOR_UPDATE, Issuers::map, id);
    }

    public Optional<Issuer> byDid(Connection c, String did) throws SQLException {
        return Jdbc.one(c, BY_DID, Issuers::map, did);
    }

    public List<Issuer> all(Connection c) throws SQLException {
        return Jdbc.list(c, ALL, Issuers::map);
    }

    public void updateProfile(Connection c, String id, String name, String profile) throws SQLException {
        Jdbc.update(c, UPDATE_PROFILE, name, profile, id);
    }

    public void insertKey(Connection c, IssuerKey k) throws SQLException {
        Jdbc.update(c, INSERT_KEY, k.id(), k.issuerId(), k.verificationMethod(), k.publicKeyMultibase(), k.keyFile(),
                k.createdAt(), k.retiredAt());
    }

    /** Every key of the issuer, oldest first, retired ones included. */
    public List<IssuerKey> keys(Connection c, String issuerId) throws SQLException {
        return Jdbc.list(c, KEYS, Issuers::mapKey, issuerId);
    }

    /** The key the issuer signs with now: the newest that is not retired. */
    public Optional<IssuerKey> activeKey(Connection c, String issuerId) throws SQLException {
        List<IssuerKey> active = keys(c, issuerId).stream().filter(k -> k.retiredAt() == null).toList();
        return active.isEmpty() ? Optional.empty() : Optional.of(active.get(active.size() - 1));
    }

    /** Retires every key of the issuer but {@code keepId} (key rotation). */
    public int retireOtherKeys(Connection c, String issuerId, String keepId, Instant now) throws SQLException {
        return Jdbc.update(c, RETIRE_KEYS, now, issuerId, keepId);
    }

    private static Issuer map(ResultSet rs) throws SQLException {
        return new Issuer(rs.getString("id"), rs.getString("slug"), rs.getString("name"), rs.getString("did"),
                rs.getString("did_method"), rs.getString("profile"), Jdbc.instant(rs, "created_at"));
    }

    private static IssuerKey mapKey(ResultSet rs) throws SQLException {
        return new IssuerKey(rs.getString("id"), rs.getString("issuer_id"), rs.getString("verification_method"),
                rs.getString("public_key_multibase"), rs.getString("key_file"), Jdbc.instant(rs, "created_at"),
                Jdbc.instant(rs, "retired_at"));
    }
}
