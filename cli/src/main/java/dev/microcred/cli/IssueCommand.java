package dev.microcred.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.baking.DefaultBadge;
import dev.microcred.credentials.baking.PngBaker;
import dev.microcred.credentials.baking.SvgBaker;
import dev.microcred.credentials.issue.CredentialFormat;
import dev.microcred.credentials.issue.CredentialIssuer;
import dev.microcred.credentials.issue.SignedCredential;
import dev.microcred.credentials.json.Json;
import dev.microcred.credentials.ob3.Achievement;
import dev.microcred.credentials.ob3.Alignment;
import dev.microcred.credentials.ob3.Criteria;
import dev.microcred.credentials.ob3.Profile;
import dev.microcred.crypto.DidKey;
import dev.microcred.crypto.KeyFile;
import dev.microcred.crypto.KeyType;
import dev.microcred.crypto.Signer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code microcred issue}: an achievement and a recipient in, a signed Open Badges 3.0 credential out. */
@Command(name = "issue", mixinStandardHelpOptions = true,
        header = "Issue a signed Open Badges 3.0 credential.", sortOptions = false,
        description = {"Issue a signed Open Badges 3.0 credential. The achievement comes from --achievement FILE",
            "(an OB 3.0 Achievement as JSON) or from --name/--description/--criteria; the recipient from",
            "--recipient FILE ({\"email\": ...} or {\"id\": \"did:...\"}), --email or --did. An email is put in the",
            "credential only as a salted SHA-256 hash. The issuer is the key's did:key unless --issuer-id names",
            "another (then --verification-method names the key, or a VC-JWT embeds it as a jwk)."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:issued", "2:bad usage or bad input"})
final class IssueCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--key", paramLabel = "FILE", required = true, description = "the issuer's key file (keygen)")
    Path keyFile;

    @Mixin
    KeyProtection protection;

    @Option(names = "--issuer-name", paramLabel = "NAME", required = true, description = "the issuer's name")
    String issuerName;

    @Option(names = "--issuer-id", paramLabel = "ID", description = "the issuer's id (default: the key's did:key)")
    String issuerId;

    @Option(names = "--issuer-url", paramLabel = "URL", description = "the issuer's home page")
    String issuerUrl;

    @Option(names = "--verification-method", paramLabel = "ID",
            description = "the id of the key's verification method, with --issuer-id")
    String verificationMethod;

    @ArgGroup(exclusive = true, multiplicity = "1")
    AchievementSource achievementSource;

    static final class AchievementSource {
        @Option(names = "--achievement", paramLabel = "FILE", description = "the achievement, as OB 3.0 JSON")
        Path file;

        @ArgGroup(exclusive = false)
        AchievementFlags flags;
    }

    static final class AchievementFlags {
        @Option(names = "--name", required = true, description = "the achievement's name")
        String name;

        @Option(names = "--description", required = true, description = "what it certifies")
        String description;

        @Option(names = "--criteria", required = true, description = "how it is earned (Markdown)")
        String criteria;

        @Option(names = "--achievement-id", paramLabel = "URI", description = "its id (default: a new urn:uuid)")
        String id;

        @Option(names = "--skill", paramLabel = "URL=NAME",
                description = "an aligned skill, e.g. http://data.europa.eu/esco/skill/...=Python (repeatable)")
        List<String> skills = new ArrayList<>();
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    RecipientSource recipient;

    static final class RecipientSource {
        @Option(names = "--recipient", paramLabel = "FILE", description = "{\"email\": ...} or {\"id\": \"did:...\"}")
        Path file;

        @Option(names = "--email", description = "the recipient's email address (hashed in the credential)")
        String email;

        @Option(names = "--did", description = "the recipient's DID")
        String did;
    }

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ldp-rdfc",
            description = "ldp-rdfc, ldp-jcs, jwt-rs256, jwt-es256 or jwt-eddsa; default ${DEFAULT-VALUE}")
    String format;

    @Option(names = "--valid-until", paramLabel = "INSTANT", description = "expiry (ISO 8601), default none")
    String validUntil;

    @Option(names = {"--out", "-o"}, paramLabel = "FILE", description = "write the credential here (default: print)")
    Path out;

    @Option(names = "--bake", paramLabel = "FILE.png|FILE.svg",
            description = "also bake the credential into a badge image")
    Path bake;

    @Option(names = "--image", paramLabel = "FILE", description = "the image to bake into (default: a generated badge)")
    Path image;

    @Override
    public Integer call() throws IOException {
        CredentialFormat credentialFormat = CredentialFormat.parse(format);
        Instant until = validUntil == null ? null : VerifyCommand.parseInstant(validUntil);
        if (until != null && !until.isAfter(Instant.now())) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "--valid-until " + validUntil + " is in the past");
        }
        Achievement achievement = achievement();
        String to = recipient();
        Signer signer = protection.open(KeyFile.parse(Files.readString(Input.path(keyFile))));
        CredentialIssuer issuer = issuer(signer);
        SignedCredential vc = issuer.issue(achievement, to, credentialFormat, until);
        PrintWriter o = spec.commandLine().getOut();
        if (out != null) {
            Files.writeString(out, vc.prettyText() + "\n", StandardCharsets.UTF_8);
        } else {
            o.println(vc.prettyText());
        }
        if (bake != null) {
            Files.write(bake, baked(vc, achievement.name()));
        }
        spec.commandLine().getErr().println("issued " + vc.id() + " (" + credentialFormat.label() + ")"
                + (out != null ? " to " + out : "") + (bake != null ? ", baked into " + bake : ""));
        return ExitCode.OK;
    }

    private CredentialIssuer issuer(Signer signer) {
        if (issuerId == null) {
            if (signer.publicKey().type() == KeyType.RSA) {
                throw new MicrocredException(Problem.INVALID_REQUEST,
                        "an RSA key has no did:key: give the issuer's id with --issuer-id");
            }
            String did = DidKey.of(signer.publicKey());
            return new CredentialIssuer(Profile.of(did, issuerName, issuerUrl, null), signer,
                    DidKey.verificationMethodId(signer.publicKey()), Clock.systemUTC());
        }
        return new CredentialIssuer(Profile.of(issuerId, issuerName, issuerUrl, null), signer, verificationMethod,
                Clock.systemUTC());
    }

    private Achievement achievement() throws IOException {
        if (achievementSource.file != null) {
            return Achievement.parse(Json.parseObject(Files.readAllBytes(Input.path(achievementSource.file))), "$");
        }
        AchievementFlags f = achievementSource.flags;
        Achievement a = Achievement.of(f.id != null ? f.id : "urn:uuid:" + UUID.randomUUID(), f.name, f.description,
                Criteria.narrative(f.criteria));
        if (f.skills.isEmpty()) {
            return a;
        }
        List<Alignment> alignments = new ArrayList<>();
        for (String skill : f.skills) {
            int eq = skill.indexOf('=');
            if (eq <= 0 || eq == skill.length() - 1) {
                throw new MicrocredException(Problem.INVALID_REQUEST, "--skill takes URL=NAME, got: " + skill);
            }
            alignments.add(Alignment.of(skill.substring(eq + 1), skill.substring(0, eq), null, null, null));
        }
        return new Achievement(a.id(), a.type(), a.name(), a.description(), a.criteria(), a.image(), alignments,
                a.resultDescription(), a.creator(), a.creditsAvailable(), a.fieldOfStudy(), a.humanCode(),
                a.inLanguage(), a.achievementType(), a.tag(), a.extras());
    }

    private String recipient() throws IOException {
        if (recipient.email != null) {
            return checkEmail(recipient.email);
        }
        if (recipient.did != null) {
            return checkDid(recipient.did);
        }
        ObjectNode json = Json.parseObject(Files.readAllBytes(Input.path(recipient.file)));
        JsonNode email = json.get("email");
        JsonNode id = json.get("id");
        if (email != null && email.isTextual()) {
            return checkEmail(email.asText());
        }
        if (id != null && id.isTextual()) {
            return checkDid(id.asText());
        }
        throw new MicrocredException(Problem.MALFORMED_INPUT,
                recipient.file + ": a recipient is {\"email\": \"...\"} or {\"id\": \"did:...\"}");
    }

    private static String checkEmail(String email) {
        String e = email.strip();
        if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "not an email address: " + email);
        }
        return e;
    }

    private static String checkDid(String did) {
        if (!did.matches("did:[a-z0-9]+:\\S+")) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "not a DID: " + did);
        }
        return did;
    }

    private byte[] baked(SignedCredential vc, String achievementName) throws IOException {
        String name = bake.getFileName().toString().toLowerCase();
        boolean png = name.endsWith(".png");
        if (!png && !name.endsWith(".svg")) {
            throw new MicrocredException(Problem.INVALID_REQUEST, "--bake takes a .png or .svg file name");
        }
        byte[] source = image != null ? Input.read(image.toString(), System.in)
                : png ? DefaultBadge.png(achievementName, issuerName) : DefaultBadge.svg(achievementName, issuerName);
        return png ? PngBaker.bake(source, vc.baked())
                : SvgBaker.bake(new String(source, StandardCharsets.UTF_8), vc.baked()).getBytes(StandardCharsets.UTF_8);
    }
}
