package dev.microcred.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    @Test
    void namesLocalhostAndBothLoopbackAddressesForServerAuthOnly() throws Exception {
        SelfSignedCertificate c = SelfSignedCertificate.generate(NOW);
        X509Certificate x = c.certificate();
        List<String> names = x.getSubjectAlternativeNames().stream().map(n -> n.get(0) + "=" + n.get(1))
                .collect(Collectors.toList());
        // RFC 5280 §4.2.1.6: dNSName is type 2, iPAddress type 7
        assertThat(names).containsExactlyInAnyOrder("2=localhost", "7=127.0.0.1", "7=0:0:0:0:0:0:0:1");
        assertThat(x.getBasicConstraints()).as("not a CA").isEqualTo(-1);
        assertThat(x.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(x.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(x.getSerialNumber().signum()).isPositive();
        assertThat(c.notAfter()).isEqualTo(NOW.plus(SelfSignedCertificate.VALIDITY));
        x.verify(x.getPublicKey());
    }

    @Test
    void fingerprintIsTheSha256OfTheDerCertificate() throws Exception {
        SelfSignedCertificate c = SelfSignedCertificate.generate(NOW);
        String expected = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(c.certificate().getEncoded()));
        assertThat(c.sha256Fingerprint()).isEqualTo(expected).hasSize(32 * 3 - 1);
        assertThat(c.toString()).contains(expected).doesNotContain("PRIVATE");
    }

    @Test
    void isReusedAcrossStartsAndKeptOwnerOnly(@TempDir Path dir) throws Exception {
        SelfSignedCertificate first = SelfSignedCertificate.loadOrCreate(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        SelfSignedCertificate again = SelfSignedCertificate.loadOrCreate(dir,
                Clock.fixed(NOW.plus(Duration.ofDays(100)), ZoneOffset.UTC));
        assertThat(again.sha256Fingerprint()).isEqualTo(first.sha256Fingerprint());
        Path key = dir.resolve(SelfSignedCertificate.KEY_FILE);
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve(SelfSignedCertificate.CERTIFICATE_FILE)))
                .isEqualTo(first.certificatePem());
    }

    @Test
    void isReplacedWhenItExpiresOrCannotBeRead(@TempDir Path dir) throws Exception {
        SelfSignedCertificate first = SelfSignedCertificate.loadOrCreate(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        Instant nearlyExpired = first.notAfter().minus(Duration.ofHours(1));
        SelfSignedCertificate renewed = SelfSignedCertificate.loadOrCreate(dir,
                Clock.fixed(nearlyExpired, ZoneOffset.UTC));
        assertThat(renewed.sha256Fingerprint()).isNotEqualTo(first.sha256Fingerprint());
        assertThat(renewed.notAfter()).isAfter(first.notAfter());

        Files.writeString(dir.resolve(SelfSignedCertificate.CERTIFICATE_FILE), "not a certificate");
        SelfSignedCertificate replaced = SelfSignedCertificate.loadOrCreate(dir,
                Clock.fixed(nearlyExpired, ZoneOffset.UTC));
        assertThat(replaced.sha256Fingerprint()).isNotEqualTo(renewed.sha256Fingerprint());
    }

    @Test
    void refusesPemThatIsNotACertificateAndKey() {
        SelfSignedCertificate c = SelfSignedCertificate.generate(NOW);
        assertThatThrownBy(() -> SelfSignedCertificate.parse(c.certificatePem(), c.certificatePem()))
                .hasMessageContaining("PKCS#8");
    }
}
