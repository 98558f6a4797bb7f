package dev.microcred.cli;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.KeyEncryptionKey;
import dev.microcred.crypto.KeyFile;
import dev.microcred.crypto.Signer;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * How a command gets the secret that protects a key file, in this order: {@code --passphrase-file},
 * {@code --passphrase-env}, a key-encryption key in {@code MICROCRED_KEK}, a passphrase in
 * {@code MICROCRED_PASSPHRASE}, or a prompt on the terminal. Never from a command-line argument (it would show
 * in the process list and shell history).
 */
final class KeyProtection {
    static final String PASSPHRASE_VARIABLE = "MICROCRED_PASSPHRASE";

    @Option(names = "--passphrase-file", paramLabel = "FILE",
            description = "read the key file's passphrase from the first line of FILE")
    Path passphraseFile;

    @Option(names = "--passphrase-env", paramLabel = "VAR",
            description = "read the key file's passphrase from the environment variable VAR")
    String passphraseEnv;

    private final Map<String, String> environment;

    KeyProtection() {
        this(System.getenv());
    }

    KeyProtection(Map<String, String> environment) {
        this.environment = environment;
    }

    KeyFile seal(Signer key, boolean confirm) {
        char[] passphrase = passphrase(confirm);
        if (passphrase == null) {
            return KeyFile.seal(key, KeyEncryptionKey.fromEnvironment(environment));
        }
        try {
            return KeyFile.seal(key, passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    Signer open(KeyFile file) {
        if (file.protection() == KeyFile.Protection.KEY_ENCRYPTION_KEY) {
            return file.open(KeyEncryptionKey.fromEnvironment(environment));
        }
        char[] passphrase = passphrase(false);
        if (passphrase == null) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "this key file is protected by a passphrase: give it"
                    + " with --passphrase-file, --passphrase-env or " + PASSPHRASE_VARIABLE);
        }
        try {
            return file.open(passphrase);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** The passphrase of a file without key-encryption-key protection (an Ethereum key file): never null. */
    char[] passphraseOnly() {
        return passphrase(false, false);
    }

    /** The passphrase, or null when the key-encryption key in the environment is to be used. */
    private char[] passphrase(boolean confirm) {
        return passphrase(confirm, true);
    }

    private char[] passphrase(boolean confirm, boolean kekAllowed) {
        if (passphraseFile != null) {
            try {
                String first = Files.readString(passphraseFile, StandardCharsets.UTF_8).lines().findFirst().orElse("");
                return nonEmpty(first.toCharArray(), "--passphrase-file " + passphraseFile);
            } catch (IOException e) {
                throw new MicrocredException(Problem.IO_ERROR, "cannot read " + passphraseFile, e);
            }
        }
        if (passphraseEnv != null) {
            String value = environment.get(passphraseEnv);
            if (value == null) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "environment variable " + passphraseEnv
                        + " is not set");
            }
            return nonEmpty(value.toCharArray(), passphraseEnv);
        }
        if (kekAllowed && environment.get(KeyEncryptionKey.ENVIRONMENT_VARIABLE) != null) {
            return null;
        }
        if (environment.get(PASSPHRASE_VARIABLE) != null) {
            return nonEmpty(environment.get(PASSPHRASE_VARIABLE).toCharArray(), PASSPHRASE_VARIABLE);
        }
        Console console = System.console();
        if (console == null) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "no passphrase: use --passphrase-file,"
                    + " --passphrase-env, " + PASSPHRASE_VARIABLE + " or a key-encryption key in "
                    + KeyEncryptionKey.ENVIRONMENT_VARIABLE);
        }
        char[] first = console.readPassword("Passphrase for the key file: ");
        if (confirm) {
            char[] again = console.readPassword("Again: ");
            if (!Arrays.equals(first, again)) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "the passphrases differ");
            }
        }
        return nonEmpty(first, "the passphrase");
    }

    private static char[] nonEmpty(char[] value, String what) {
        if (value == null || value.length == 0) {
            throw new MicrocredException(Problem.INVALID_REQUEST, what + " is empty");
        }
        return value;
    }
}
