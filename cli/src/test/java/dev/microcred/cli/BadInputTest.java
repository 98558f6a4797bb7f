package dev.microcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.credentials.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input of every kind gets a one-line message (exit 2) or a negative report (exit 1), never a stack trace
 * and never a valid outcome.
 */
class BadInputTest {
    private static final Path EXAMPLE = Path.of("../docs/examples/data-literacy.ldp-rdfc.json");

    @TempDir
    Path dir;

    /** A member of the example credential replaced by a value of the wrong JSON type, or a wrong value. */
    static Stream<Arguments> wrongMembers() {
        return Stream.of(
                Arguments.of("/@context", "5"),
                Arguments.of("/@context", "[\"https://www.w3.org/ns/credentials/v2\", 7]"),
                Arguments.of("/@context", "[\"https://www.w3.org/ns/credentials/v2\", \"https://evil.example/ctx\"]"),
                Arguments.of("/type", "{\"a\": 1}"),
                Arguments.of("/type", "[\"VerifiableCredential\", 3]"),
                Arguments.of("/issuer", "42"),
                Arguments.of("/issuer", "null"),
                Arguments.of("/validFrom", "42"),
                Arguments.of("/validFrom", "\"last tuesday\""),
                Arguments.of("/credentialSubject", "\"x\""),
                Arguments.of("/credentialSubject", "[1, 2]"),
                Arguments.of("/proof", "\"x\""),
                Arguments.of("/proof", "[1, 2]"),
                Arguments.of("/proof/type", "5"),
                Arguments.of("/proof/cryptosuite", "\"bbs-2023\""),
                Arguments.of("/proof/cryptosuite", "{}"),
                Arguments.of("/proof/proofValue", "\"zzz\""),
                Arguments.of("/proof/proofValue", "\"not multibase\""),
                Arguments.of("/proof/verificationMethod", "\"did:unknown:abc#k\""),
                Arguments.of("/proof/verificationMethod", "12"),
                Arguments.of("/credentialStatus", "\"x\""),
                Arguments.of("/credentialStatus", "{\"type\": \"BitstringStatusListEntry\", \"statusListIndex\": \"-1\"}"),
                Arguments.of("/credentialSchema", "[{\"id\": 5}]"),
                Arguments.of("/credentialSubject/achievement", "7"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("wrongMembers")
    void wrongMemberIsNeverValidAndNeverATrace(String pointer, String value) throws Exception {
        ObjectNode doc = Json.parseObject(Files.readAllBytes(EXAMPLE));
        JsonNode replacement = Json.parse("{\"v\": " + value + "}").get("v");
        int cut = pointer.lastIndexOf('/');
        ((ObjectNode) doc.at(pointer.substring(0, cut))).set(pointer.substring(cut + 1), replacement);
        Path file = Files.writeString(dir.resolve("bad.json"), Json.write(doc));
        CliRun run = CliRun.of("verify", "--offline", file.toString());
        assertBadInputHandled(run);
    }

    static void assertBadInputHandled(CliRun run) {
        assertThat(run.exitCode()).as(run.out() + run.err()).isIn(1, 2);
        assertThat(run.out()).doesNotStartWith("VALID");
        assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception");
        if (run.exitCode() == 2 && run.out().isEmpty()) {
            assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
            assertThat(run.err()).startsWith("microcred: ");
        }
    }

    @Test
    void unsupportedJwtAlgorithmsAndMalformedJwts() throws Exception {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(Files.readAllBytes(EXAMPLE));
        for (String header : new String[] {"{\"alg\":\"HS256\"}", "{\"alg\":\"none\"}", "{\"alg\":\"ES512\",\"kid\":\"x\"}",
            "{\"alg\":5}", "[]"}) {
            String h = Base64.getUrlEncoder().withoutPadding().encodeToString(header.getBytes());
            Path file = Files.writeString(dir.resolve("bad.jwt"), h + "." + payload + ".c2ln");
            assertBadInputHandled(CliRun.of("verify", "--offline", file.toString()));
        }
        Path garbage = Files.writeString(dir.resolve("garbage.jwt"), "a.b.c");
        assertBadInputHandled(CliRun.of("verify", "--offline", garbage.toString()));
    }

    @Test
    void oversizeInputsAreRefusedWithTheLimitNamed() throws Exception {
        byte[] big = new byte[(16 << 20) + 10];
        big[0] = '{';
        Path huge = Files.write(dir.resolve("huge.json"), big);
        CliRun run = CliRun.of("verify", huge.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("limit");
        byte[] json = new byte[(1 << 20) + 10];
        java.util.Arrays.fill(json, (byte) ' ');
        json[0] = '{';
        json[json.length - 1] = '}';
        Path large = Files.write(dir.resolve("large.json"), json);
        CliRun r2 = CliRun.of("verify", large.toString());
        assertThat(r2.exitCode()).isEqualTo(2);
        assertThat(r2.err()).contains("exceeds the limit");
    }

    @Test
    void corruptImagesAreOneLineErrors() throws Exception {
        byte[] png = Files.readAllBytes(Path.of("../docs/examples/data-literacy.png"));
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
        Path t = Files.write(dir.resolve("truncated.png"), truncated);
        assertBadInputHandled(CliRun.of("verify", t.toString()));
        byte[] flipped = png.clone();
        flipped[40] ^= 0x55;
        Path f = Files.write(dir.resolve("flipped.png"), flipped);
        assertBadInputHandled(CliRun.of("verify", f.toString()));
        Path svg = Files.writeString(dir.resolve("bomb.svg"), "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a "
                + "\"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&b;</svg>");
        assertBadInputHandled(CliRun.of("verify", svg.toString()));
    }
}
