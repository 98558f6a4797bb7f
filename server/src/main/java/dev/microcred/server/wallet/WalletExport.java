package dev.microcred.server.wallet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A credential as the learner keeps it: a zip of {@code credential.json} (the signed credential, byte for byte as
 * issued), {@code credential.tlog} (its c2sp.org/tlog-proof receipt, once a published checkpoint covers its log
 * entry), {@code policy.txt} (the c2sp.org/tlog-policy the receipt verifies under: the log key, the witnesses, the
 * quorum) and {@code README.txt} saying how to verify all of it offline. Stateless.
 */
final class WalletExport {
    static final String CREDENTIAL = "credential.json";
    static final String RECEIPT = "credential.tlog";
    static final String POLICY = "policy.txt";
    static final String README = "README.txt";

    private WalletExport() {
    }

    /** The zip's bytes; without a receipt, {@code credential.tlog} is left out and the README says why. */
    static byte[] zip(String credential, Optional<String> receipt, String policy) {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(policy, "policy");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, CREDENTIAL, credential);
            if (receipt.isPresent()) {
                put(zip, RECEIPT, receipt.get());
            }
            put(zip, POLICY, policy);
            put(zip, README, readme(receipt.isPresent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String readme(boolean withReceipt) {
        String common = CREDENTIAL + ": the signed credential, exactly as issued (do not re-save it: its proof covers "
                + "these bytes).\n" + POLICY + ": the transparency log's policy (log key, witnesses, quorum).\n\n";
        if (!withReceipt) {
            return common + "The transparency log receipt is not in this export: the log had not published a "
                    + "checkpoint covering this credential yet. Download the export again in a minute.\n\n"
                    + "Verify the credential:\n  microcred verify " + CREDENTIAL + "\n";
        }
        return common + RECEIPT + ": the transparency log receipt (c2sp.org/tlog-proof): proof that the issuer "
                + "publicly logged this credential, checkable offline.\n\n"
                + "Verify the credential and its receipt:\n  microcred verify --receipt " + RECEIPT + " --policy "
                + POLICY + " " + CREDENTIAL + "\n";
    }
}
