package dev.microcred.anchor;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Wallet;
import org.web3j.crypto.WalletFile;

/**
 * The secp256k1 key of the account that sends anchoring transactions. Read from 64 hex digits (an environment
 * variable, never a command-line argument) or from an encrypted Ethereum key file (Web3 Secret Storage, "keystore
 * v3" JSON, as geth, Foundry's {@code cast wallet} and MetaMask write it: scrypt or PBKDF2 and AES-128-CTR).
 *
 * <p>microcred's own key file format ({@code docs/KEYFILE.md}) holds the key types it signs credentials with;
 * an Ethereum account key is kept in the Ethereum format, so that the account can be funded and inspected with
 * the usual wallets. {@link #toString()} shows the address only. Immutable and thread-safe.
 */
public final class AnchorKey {
    /** The largest key file read. */
    static final int MAX_FILE_BYTES = 64 * 1024;
    /** The largest scrypt cost accepted from a key file (geth's "standard" cost). */
    static final int MAX_SCRYPT_N = 1 << 18;
    /** The largest PBKDF2 iteration count accepted from a key file. */
    static final int MAX_PBKDF2_ITERATIONS = 10_000_000;

    private final Credentials credentials;

    private AnchorKey(Credentials credentials) {
        this.credentials = credentials;
    }

    /** A key from 64 hex digits, with or without a {@code 0x} prefix. */
    public static AnchorKey fromHex(String hex) {
        String digits = hex == null ? "" : hex.strip();
        digits = digits.startsWith("0x") || digits.startsWith("0X") ? digits.substring(2) : digits;
        if (!digits.matches("[0-9a-fA-F]{64}")) {
            throw new MicrocredException(Problem.INVALID_KEY, "an anchoring key is 64 hex digits (a secp256k1"
                    + " private key)");
        }
        BigInteger secret = new BigInteger(digits, 16);
        if (secret.signum() == 0 || secret.compareTo(org.web3j.crypto.Sign.CURVE_PARAMS.getN()) >= 0) {
            throw new MicrocredException(Problem.INVALID_KEY, "not a secp256k1 private key (out of range)");
        }
        return new AnchorKey(Credentials.create(ECKeyPair.create(secret)));
    }

    /**
     * A key from a file: an encrypted Ethereum key file (JSON, asks {@code passphrase} for its passphrase), or a
     * file holding the 64 hex digits of the key (such as a container secret; keep it readable by its owner only).
     */
    public static AnchorKey read(Path file, Supplier<char[]> passphrase) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot read the anchoring key file " + file, e);
        }
        String text = new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).strip();
        if (text.startsWith("{")) {
            char[] secret = passphrase.get();
            try {
                return fromKeyFile(file, secret);
            } finally {
                java.util.Arrays.fill(secret, '\0');
            }
        }
        java.util.Arrays.fill(bytes, (byte) 0);
        try {
            return fromHex(text);
        } catch (MicrocredException e) {
            throw new MicrocredException(Problem.INVALID_KEY, "the anchoring key file " + file + " holds neither an"
                    + " Ethereum key file (JSON) nor 64 hex digits");
        }
    }

    /** A key from an encrypted Ethereum key file (Web3 Secret Storage, version 3). */
    public static AnchorKey fromKeyFile(Path file, char[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        WalletFile wallet;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new MicrocredException(Problem.TOO_LARGE, "an Ethereum key file is at most " + MAX_FILE_BYTES
                        + " bytes: " + file);
            }
            wallet = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(bytes, WalletFile.class);
        } catch (IOException e) {
            throw new MicrocredException(e instanceof com.fasterxml.jackson.core.JsonProcessingException
                    ? Problem.MALFORMED_INPUT : Problem.IO_ERROR, "cannot read the Ethereum key file " + file, e);
        }
        if (wallet.getCrypto() == null) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "not an Ethereum key file (no crypto member): "
                    + file);
        }
        if (wallet.getCrypto().getKdfparams() instanceof WalletFile.ScryptKdfParams s
                && (s.getN() > MAX_SCRYPT_N || s.getR() > 8 || (long) s.getN() * s.getP() > MAX_SCRYPT_N)) {
            throw new MicrocredException(Problem.UNSUPPORTED, "the key file's scrypt cost is above"
                    + " n=2^18, r=8, n*p=2^18 (geth's standard cost)");
        }
        if (wallet.getCrypto().getKdfparams() instanceof WalletFile.Aes128CtrKdfParams p
                && p.getC() > MAX_PBKDF2_ITERATIONS) {
            throw new MicrocredException(Problem.UNSUPPORTED, "the key file's PBKDF2 iteration count is too high");
        }
        try {
            return new AnchorKey(Credentials.create(Wallet.decrypt(new String(passphrase), wallet)));
        } catch (CipherException | RuntimeException e) {
            throw new MicrocredException(Problem.DECRYPTION_FAILED, "cannot decrypt the Ethereum key file " + file
                    + " (wrong passphrase, or not a version-3 key file)");
        }
    }

    /** The account address, EIP-55 mixed-case checksum form. */
    public String address() {
        return Keys.toChecksumAddress(credentials.getAddress());
    }

    Credentials credentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return "AnchorKey[" + address() + "]";
    }
}
