package dev.microcred.cli;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.crypto.DidKey;
import dev.microcred.crypto.Ed25519PrivateKey;
import dev.microcred.crypto.Jwk;
import dev.microcred.crypto.KeyFile;
import dev.microcred.crypto.Multikey;
import dev.microcred.crypto.P256PrivateKey;
import dev.microcred.crypto.RsaPrivateKey;
import dev.microcred.crypto.Signer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code microcred keygen}: a new signing key in an encrypted key file (docs/KEYFILE.md). */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        header = "Generate a signing key in an encrypted key file.", sortOptions = false,
        description = {"Generate a signing key and write it to an encrypted key file (AES-256-GCM under Argon2id of a",
            "passphrase, or under the key-encryption key in MICROCRED_KEK). Prints the key's did:key (Ed25519,",
            "P-256), its verification method and its JWK thumbprint."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:written", "2:bad usage, or the file exists"})
final class KeygenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--type", paramLabel = "TYPE", defaultValue = "ed25519",
            description = "ed25519 (Data Integrity and EdDSA JWTs), p256 (ES256 JWTs) or rsa (RS256 JWTs); "
                    + "default ${DEFAULT-VALUE}")
    String type;

    @Option(names = {"--out", "-o"}, paramLabel = "FILE", required = true, description = "the key file to write")
    Path out;

    @Option(names = "--force", description = "overwrite an existing key file")
    boolean force;

    @Mixin
    KeyProtection protection;

    @Override
    public Integer call() throws IOException {
        Signer key = switch (type.toLowerCase()) {
            case "ed25519" -> Ed25519PrivateKey.generate();
            case "p256", "p-256", "es256" -> P256PrivateKey.generate();
            case "rsa", "rs256" -> RsaPrivateKey.generate();
            default -> throw new MicrocredException(Problem.INVALID_REQUEST,
                    "unknown key type " + type + " (expected ed25519, p256 or rsa)");
        };
        if (Files.exists(out) && !force) {
            throw new MicrocredException(Problem.INVALID_REQUEST, out + " exists (use --force to overwrite)");
        }
        KeyFile file = protection.seal(key, true);
        write(out, file.text(), force);
        PrintWriter o = spec.commandLine().getOut();
        o.println("key file:     " + out);
        o.println("type:         " + key.jwsAlgorithm() + " (" + key.publicKey().type().name().toLowerCase() + ")");
        o.println("protection:   " + file.protection().name().toLowerCase().replace('_', '-'));
        if (key.publicKey().type() != dev.microcred.crypto.KeyType.RSA) {
            o.println("did:          " + DidKey.of(key.publicKey()));
            o.println("method:       " + DidKey.verificationMethodId(key.publicKey()));
            o.println("multikey:     " + Multikey.encode(key.publicKey()));
        }
        o.println("jwk thumbprint: " + Jwk.of(key.publicKey()).thumbprint());
        return ExitCode.OK;
    }

    /** Writes the key file readable by its owner only, never following over an existing file unless forced. */
    static void write(Path path, String text, boolean overwrite) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            if (overwrite) {
                Files.deleteIfExists(path);
            }
            try {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(path);
            }
            Files.write(path, bytes, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new MicrocredException(Problem.INVALID_REQUEST, path + " exists (use --force to overwrite)", e);
        }
    }
}
