package dev.microcred.crypto;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A self-signed X.509 certificate (RFC 5280) and its ECDSA P-256 key, for serving TLS on loopback to local wallets
 * and conformance suites: subject {@code CN=localhost}, subjectAltName {@code localhost}, {@code 127.0.0.1} and
 * {@code ::1}, extended key usage {@code serverAuth}, not a CA. A client trusts it by pinning exactly this
 * certificate (its SHA-256 fingerprint is printed at start). Immutable and thread-safe; {@link #toString()} shows
 * the fingerprint, never the key.
 */
public final class SelfSignedCertificate {
    /** The certificate file in the directory given to {@link #loadOrCreate} (PEM). */
    public static final String CERTIFICATE_FILE = "localhost.crt";
    /** The private key file (PKCS#8 PEM, owner-only permissions). */
    public static final String KEY_FILE = "localhost.key";
    /** How long a generated certificate is valid. */
    public static final Duration VALIDITY = Duration.ofDays(365);
    /** A certificate that expires sooner than this is replaced at start. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(1);
    /** The names every certificate covers. */
    public static final List<String> DNS_NAMES = List.of("localhost");
    public static final List<String> IP_ADDRESSES = List.of("127.0.0.1", "::1");

    private final X509Certificate certificate;
    private final PrivateKey privateKey;

    private SelfSignedCertificate(X509Certificate certificate, PrivateKey privateKey) {
        this.certificate = Objects.requireNonNull(certificate, "certificate");
        this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    }

    /** A new P-256 key and a certificate for localhost, 127.0.0.1 and ::1, valid from {@code now} for {@link #VALIDITY}. */
    public static SelfSignedCertificate generate(Instant now) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=localhost,O=microcred self-signed for local testing");
            byte[] serial = new byte[16];
            new SecureRandom().nextBytes(serial);
            // RFC 5280 §4.1.2.2: a positive serial number of at most 20 octets
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(1, serial),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(VALIDITY)), subject,
                    pair.getPublic());
            List<GeneralName> names = new ArrayList<>();
            DNS_NAMES.forEach(n -> names.add(new GeneralName(GeneralName.dNSName, n)));
            IP_ADDRESSES.forEach(ip -> names.add(new GeneralName(GeneralName.iPAddress, ip)));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(names.toArray(GeneralName[]::new)));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509CertificateHolder holder = builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                    .build(pair.getPrivate()));
            return new SelfSignedCertificate(new JcaX509CertificateConverter().getCertificate(holder),
                    pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot generate a self-signed certificate", e);
        }
    }

    /**
     * The certificate kept in {@code directory} ({@link #CERTIFICATE_FILE}, {@link #KEY_FILE}), reused across
     * restarts; a new one is generated and written when there is none, when it cannot be read, or when it expires
     * within {@link #RENEW_BEFORE}.
     *
     * @throws MicrocredException {@code IO_ERROR} when the directory cannot be written
     */
    public static SelfSignedCertificate loadOrCreate(Path directory, Clock clock) {
        Instant now = clock.instant();
        Path certFile = directory.resolve(CERTIFICATE_FILE);
        Path keyFile = directory.resolve(KEY_FILE);
        if (Files.exists(certFile) && Files.exists(keyFile)) {
            try {
                SelfSignedCertificate existing = parse(Files.readString(certFile, StandardCharsets.US_ASCII),
                        Files.readString(keyFile, StandardCharsets.US_ASCII));
                if (existing.notAfter().isAfter(now.plus(RENEW_BEFORE)) && !existing.notBefore().isAfter(now)) {
                    return existing;
                }
            } catch (IOException | MicrocredException e) {
                // unreadable or altered: replaced below
            }
        }
        SelfSignedCertificate fresh = generate(now);
        try {
            Files.createDirectories(directory);
            writeOwnerOnly(keyFile, fresh.privateKeyPem());
            writeOwnerOnly(certFile, fresh.certificatePem());
        } catch (IOException e) {
            throw new MicrocredException(Problem.IO_ERROR, "cannot write the TLS certificate to " + directory, e);
        }
        return fresh;
    }

    /** A certificate and its key from PEM text (a {@code CERTIFICATE} and a PKCS#8 {@code PRIVATE KEY}). */
    public static SelfSignedCertificate parse(String certificatePem, String privateKeyPem) throws IOException {
        Object cert = readPem(new StringReader(certificatePem));
        Object key = readPem(new StringReader(privateKeyPem));
        if (!(cert instanceof X509CertificateHolder holder) || !(key instanceof PrivateKeyInfo info)) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "not a PEM certificate and PKCS#8 private key");
        }
        try {
            return new SelfSignedCertificate(new JcaX509CertificateConverter().getCertificate(holder),
                    new JcaPEMKeyConverter().getPrivateKey(info));
        } catch (GeneralSecurityException e) {
            throw new MicrocredException(Problem.MALFORMED_INPUT, "unreadable certificate or key", e);
        }
    }

    private static Object readPem(Reader reader) throws IOException {
        try (PEMParser parser = new PEMParser(reader)) {
            return parser.readObject();
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system
        }
        Files.writeString(tmp, text, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    /** The SHA-256 of the DER certificate as colon-separated upper-case hex, as browsers and openssl show it. */
    public String sha256Fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#12 key store holding the key and certificate under {@code alias}, protected by {@code password}. */
    public KeyStore keyStore(String alias, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(alias, privateKey, password, new Certificate[] {certificate});
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a PKCS#12 key store", e);
        }
    }

    /** A key store that trusts exactly this certificate (for clients and tests). */
    public KeyStore trustStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("microcred-localhost", certificate);
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a trust store", e);
        }
    }

    public String certificatePem() {
        return pem(certificate);
    }

    private String privateKeyPem() {
        // PKCS#8 (RFC 5208) "PRIVATE KEY", whatever the key type: PrivateKey.getEncoded() is PKCS#8
        return pem(new PemObject("PRIVATE KEY", privateKey.getEncoded()));
    }

    private static String pem(Object o) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "SelfSignedCertificate[sha256=" + sha256Fingerprint() + ", notAfter=" + notAfter() + "]";
    }
}
