package dev.microcred.server.accounts;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.PasswordHash;
import dev.microcred.server.issuing.OpaqueTokens;
import dev.microcred.store.Account;
import dev.microcred.store.Accounts;
import dev.microcred.store.Database;
import dev.microcred.store.Issuer;
import dev.microcred.store.Membership;
import dev.microcred.store.OutboxMail;
import dev.microcred.store.PasswordReset;
import dev.microcred.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts: sign-up, sign-in (Argon2id, with {@link LoginThrottle} per email and per client address), password
 * reset by a mailed one-time link valid for {@link #RESET_VALIDITY} (the mail goes to the outbox in the same
 * transaction; at most {@link #RESETS_PER_HOUR} links per account and hour), and issuer memberships. Messages never
 * say whether an email has an account. Thread-safe.
 */
public final class AccountDirectory {
    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 200;
    public static final Duration RESET_VALIDITY = Duration.ofHours(1);
    static final int RESETS_PER_HOUR = 3;
    static final Pattern EMAIL = Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,255}\\.[^@\\s<>\"]{1,63}");
    private static final Logger LOG = LoggerFactory.getLogger(AccountDirectory.class);
    /** Verified against when the email is unknown, so that both answers take as long. */
    private static final String DUMMY_HASH = PasswordHash.hash("not a real password".toCharArray());

    private final Database db;
    private final Store store;
    private final LoginThrottle perAccount;
    private final LoginThrottle perAddress;
    private final String baseUrl;
    private final Clock clock;

    /**
     * @param perAccount bounds failures per email
     * @param perAddress bounds failures per client address (looser: many people may share one address)
     */
    public AccountDirectory(Database db, Store store, LoginThrottle perAccount, LoginThrottle perAddress,
                            String baseUrl, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.store = Objects.requireNonNull(store, "store");
        this.perAccount = Objects.requireNonNull(perAccount, "perAccount");
        this.perAddress = Objects.requireNonNull(perAddress, "perAddress");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Makes an account with one platform role.
     *
     * @throws MicrocredException {@code INVALID_REQUEST} for a bad email, name or password; {@code CONFLICT} when
     *     the email has an account
     */
    public Account signUp(String email, String displayName, char[] password, String role) {
        String mail = email == null ? "" : Accounts.normalise(email);
        if (!EMAIL.matcher(mail).matches() || mail.length() > 320) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "enter a valid email address");
        }
        String name = displayName == null ? "" : displayName.strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "enter your name (at most 200 characters)");
        }
        checkPassword(password);
        Account account = new Account(UUID.randomUUID().toString(), mail, name,
                PasswordHash.hash(password), Set.of(role), clock.instant());
        db.inTransaction(c -> {
            store.accounts().insert(c, account);
            return null;
        });
        LOG.info("account created account={} role={}", account.id(), role);
        return account;
    }

    /**
     * The account whose email and password these are.
     *
     * @param clientAddress the caller's address, throttled like the email
     * @throws MicrocredException {@code UNAUTHENTICATED} for a wrong email or password (the same message for both),
     *     {@code TOO_MANY_REQUESTS} after too many failures for the email or the address
     */
    public Account authenticate(String email, char[] password, String clientAddress) {
        String mail = email == null ? "" : Accounts.normalise(email);
        String accountKey = "email:" + mail;
        String addressKey = "address:" + clientAddress;
        perAccount.check(accountKey);
        perAddress.check(addressKey);
        Optional<Account> account = mail.isEmpty() || mail.length() > 320 ? Optional.empty()
                : db.read(c -> store.accounts().byEmail(c, mail));
        boolean ok = PasswordHash.verify(password, account.map(Account::passwordHash).orElse(DUMMY_HASH))
                && account.isPresent();
        if (!ok) {
            perAccount.failed(accountKey);
            perAddress.failed(addressKey);
            LOG.info("sign-in failed account={}", account.map(Account::id).orElse("(unknown)"));
            throw new MicrocredException(Problem.UNAUTHENTICATED, "wrong email or password");
        }
        perAccount.succeeded(accountKey);
        return account.get();
    }

    /**
     * Mails a password-reset link when the email has an account (and few links were mailed lately); does nothing
     * otherwise, so that the answer is the same either way.
     */
    public void requestReset(String email) {
        String mail = email == null ? "" : Accounts.normalise(email);
        if (!EMAIL.matcher(mail).matches()) {
            return;
        }
        Instant now = clock.instant();
        db.inTransaction(c -> {
            Optional<Account> account = store.accounts().byEmail(c, mail);
            if (account.isEmpty()
                    || store.passwordResets().countSince(c, account.get().id(), now.minus(Duration.ofHours(1)))
                    >= RESETS_PER_HOUR) {
                return null;
            }
            String token = OpaqueTokens.create("reset");
            store.passwordResets().insert(c, new PasswordReset(OpaqueTokens.hash(token), account.get().id(), now,
                    now.plus(RESET_VALIDITY), null));
            store.outbox().enqueue(c, new OutboxMail(UUID.randomUUID().toString(), mail,
                    "Reset your microcred password",
                    "Someone (hopefully you) asked to reset the password of your microcred account.\n\n"
                            + "Choose a new password within the hour:\n" + baseUrl + "/password/reset/" + token
                            + "\n\nIf it was not you, ignore this mail: your password stays as it is.\n",
                    "password-reset", account.get().id(), now, null));
            LOG.info("password reset mailed account={}", account.get().id());
            return null;
        });
    }

    /** Whether a reset link may still be used (to show its form or an explanation). */
    public boolean isResetUsable(String token) {
        return db.read(c -> store.passwordResets().byHash(c, OpaqueTokens.hash(token)))
                .map(r -> r.isUsable(clock.instant())).orElse(false);
    }

    /**
     * Sets a new password through a reset link, once; every session of the account ends.
     *
     * @throws MicrocredException {@code NOT_FOUND} for an unknown, used or expired link
     */
    public Account resetPassword(String token, char[] password) {
        checkPassword(password);
        String hash = PasswordHash.hash(password);
        Instant now = clock.instant();
        Account account = db.inTransaction(c -> {
            PasswordReset r = store.passwordResets().byHash(c, OpaqueTokens.hash(token))
                    .filter(x -> x.isUsable(now))
                    .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND,
                            "this reset link is unknown, used or expired: ask for a new one"));
            if (!store.passwordResets().use(c, r.tokenHash(), now)) {
                throw new MicrocredException(Problem.NOT_FOUND, "this reset link was used already");
            }
            store.accounts().updatePassword(c, r.accountId(), hash);
            store.sessions().deleteByAccount(c, r.accountId());
            return store.accounts().byId(c, r.accountId()).orElseThrow();
        });
        LOG.info("password reset account={}", account.id());
        return account;
    }

    /** Makes the account with {@code email} a member of {@code issuer} with {@code role} (admin or staff). */
    public Membership addMember(Issuer issuer, String email, String role) {
        String mail = email == null ? "" : Accounts.normalise(email);
        return db.inTransaction(c -> {
            Account account = store.accounts().byEmail(c, mail)
                    .orElseThrow(() -> new MicrocredException(Problem.NOT_FOUND, "no account with this email"));
            Membership m;
            try {
                m = new Membership(issuer.id(), account.id(), role, clock.instant());
            } catch (IllegalArgumentException e) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "role must be admin or staff");
            }
            store.memberships().put(c, m);
            LOG.info("membership set issuer={} account={} role={}", issuer.id(), account.id(), role);
            return m;
        });
    }

    public List<Membership> memberships(String accountId) {
        return db.read(c -> store.memberships().byAccount(c, accountId));
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "the password must have " + MIN_PASSWORD + " to "
                    + MAX_PASSWORD + " characters");
        }
        if (new String(password).isBlank()) {
            Arrays.fill(password, ' ');
            throw new MicrocredException(Problem.INVALID_REQUEST, "the password must not be blank");
        }
    }
}
