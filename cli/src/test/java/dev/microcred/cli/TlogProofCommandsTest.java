package dev.microcred.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.microcred.tlog.merkle.Hash;
import dev.microcred.tlog.merkle.TreeHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code microcred tlog verify-inclusion | verify-consistency | verify-note} with the RFC 6962 reference vectors
 * (transparency-dev/merkle proof/verify_test.go) and the Go sumdb/note vector, then flipped bits and bad input.
 */
class TlogProofCommandsTest {
    // the RFC 6962 reference tree: roots of the prefixes of size 3, 5, 7 and 8
    static final String ROOT3 = "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77";
    static final String ROOT5 = "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4";
    static final String ROOT6 = "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef";
    static final String ROOT7 = "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c";
    static final String ROOT8 = "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328";
    // leaf hashes of the reference leaves at index 0 (empty) and index 5 (0x40414243)
    static final String LEAF0 = TreeHash.leaf(new byte[0]).hex();
    static final String LEAF5 = TreeHash.leaf(HexFormat.of().parseHex("40414243")).hex();
    static final String PROOF_0_OF_8 = "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7,"
            + "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e,"
            + "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4";
    static final String PROOF_5_OF_8 = "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b,"
            + "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0,"
            + "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7";
    static final String CONSISTENCY_6_8 = "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a,"
            + "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0,"
            + "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7";
    static final String CONSISTENCY_2_5 = "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e,"
            + "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b";
    static final String ROOT2 = "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125";

    // golang.org/x/mod/sumdb/note test vector
    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String PETER_NOTE = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n\n"
            + "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZS"
            + "NXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

    @TempDir
    Path dir;

    @Test
    void referenceInclusionProofsVerify() {
        CliRun first = inclusion(LEAF0, "0", "8", ROOT8, PROOF_0_OF_8);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("valid: leaf " + LEAF0 + " is entry 0 of the tree of 8 leaves");
        CliRun sixth = inclusion(LEAF5, "5", "8", ROOT8, PROOF_5_OF_8);
        assertThat(sixth.exitCode()).as(sixth.out() + sixth.err()).isZero();
    }

    @Test
    void entryFileAndBase64HashesAreAccepted() throws Exception {
        Path entry = Files.write(dir.resolve("entry"), HexFormat.of().parseHex("40414243"));
        String base64Root = Hash.parseHex(ROOT8).base64();
        String base64Proof = String.join(",", Arrays.stream(PROOF_5_OF_8.split(","))
                .map(h -> Hash.parseHex(h).base64()).toList());
        CliRun run = CliRun.of("tlog", "verify-inclusion", "--entry", entry.toString(), "--index", "5", "--size", "8",
                "--root", base64Root, "--proof", base64Proof);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void singleLeafTreeHasAnEmptyProof() {
        String root1 = "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d";
        CliRun run = CliRun.of("tlog", "verify-inclusion", "--leaf-hash", LEAF0, "--index", "0", "--size", "1",
                "--root", root1);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void everyFlippedBitOfTheInclusionInputsIsInvalid() {
        for (int bit : new int[] {0, 7, 100, 255}) {
            assertThat(inclusion(flip(LEAF0, bit), "0", "8", ROOT8, PROOF_0_OF_8).exitCode()).isEqualTo(1);
            assertThat(inclusion(LEAF0, "0", "8", flip(ROOT8, bit), PROOF_0_OF_8).exitCode()).isEqualTo(1);
            String[] proof = PROOF_0_OF_8.split(",");
            for (int i = 0; i < proof.length; i++) {
                String[] tampered = proof.clone();
                tampered[i] = flip(tampered[i], bit);
                CliRun run = inclusion(LEAF0, "0", "8", ROOT8, String.join(",", tampered));
                assertThat(run.exitCode()).isEqualTo(1);
                assertThat(run.out()).startsWith("invalid:");
            }
        }
        assertThat(inclusion(LEAF0, "1", "8", ROOT8, PROOF_0_OF_8).exitCode()).isEqualTo(1);
        assertThat(inclusion(LEAF5, "5", "6", ROOT8, PROOF_5_OF_8).exitCode()).isEqualTo(1);
        assertThat(inclusion(LEAF0, "8", "8", ROOT8, PROOF_0_OF_8).exitCode()).isEqualTo(1);
        String shorter = PROOF_0_OF_8.substring(0, PROOF_0_OF_8.lastIndexOf(','));
        assertThat(inclusion(LEAF0, "0", "8", ROOT8, shorter).exitCode()).isEqualTo(1);
    }

    @Test
    void referenceConsistencyProofsVerify() {
        assertThat(consistency("6", "8", ROOT6, ROOT8, CONSISTENCY_6_8).exitCode()).isZero();
        CliRun run = consistency("2", "5", ROOT2, ROOT5, CONSISTENCY_2_5);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("valid: the tree of 5 leaves");
        assertThat(consistency("0", "8", TreeHash.EMPTY.hex(), ROOT8, "").exitCode()).isZero();
        assertThat(consistency("8", "8", ROOT8, ROOT8, "").exitCode()).isZero();
    }

    @Test
    void flippedConsistencyInputsAreInvalid() {
        for (int bit : new int[] {1, 128, 254}) {
            assertThat(consistency("6", "8", flip(ROOT6, bit), ROOT8, CONSISTENCY_6_8).exitCode()).isEqualTo(1);
            assertThat(consistency("6", "8", ROOT6, flip(ROOT8, bit), CONSISTENCY_6_8).exitCode()).isEqualTo(1);
            String[] proof = CONSISTENCY_6_8.split(",");
            for (int i = 0; i < proof.length; i++) {
                String[] tampered = proof.clone();
                tampered[i] = flip(tampered[i], bit);
                assertThat(consistency("6", "8", ROOT6, ROOT8, String.join(",", tampered)).exitCode()).isEqualTo(1);
            }
        }
        assertThat(consistency("6", "7", ROOT6, ROOT7, CONSISTENCY_6_8).exitCode()).isEqualTo(1);
        assertThat(consistency("5", "8", ROOT5, ROOT8, CONSISTENCY_6_8).exitCode()).isEqualTo(1);
        assertThat(consistency("7", "8", ROOT7, ROOT8, "").exitCode()).isEqualTo(1);
        assertThat(consistency("8", "6", ROOT8, ROOT6, "").exitCode()).isEqualTo(1);
        assertThat(consistency("3", "3", ROOT3, ROOT5, "").exitCode()).isEqualTo(1);
    }

    @Test
    void badHashesAreBadInputWithOneLine() {
        for (String bad : List.of("zz" + ROOT8.substring(2), ROOT8.substring(2), ROOT8 + "00", "", "not a hash",
                Hash.parseHex(ROOT8).base64().replace('=', 'A'), "AAAA")) {
            CliRun run = inclusion(LEAF0, "0", "8", bad, PROOF_0_OF_8);
            assertThat(run.exitCode()).as(bad).isEqualTo(2);
            assertThat(run.err().strip()).as(bad).startsWith("microcred: --root").doesNotContain("\n")
                    .doesNotContain("Exception");
        }
        CliRun badProof = inclusion(LEAF0, "0", "8", ROOT8, PROOF_0_OF_8 + ",");
        assertThat(badProof.exitCode()).isEqualTo(2);
        assertThat(badProof.err()).contains("--proof item 4");
        CliRun notANumber = inclusion(LEAF0, "zero", "8", ROOT8, PROOF_0_OF_8);
        assertThat(notANumber.exitCode()).isEqualTo(2);
        CliRun negative = inclusion(LEAF0, "-1", "8", ROOT8, PROOF_0_OF_8);
        assertThat(negative.exitCode()).isEqualTo(2);
        StringBuilder tooLong = new StringBuilder(LEAF0);
        for (int i = 0; i < 64; i++) {
            tooLong.append(',').append(LEAF0);
        }
        assertThat(inclusion(LEAF0, "0", "8", ROOT8, tooLong.toString()).exitCode()).isEqualTo(2);
        assertThat(consistency("6", "8", ROOT6, "abc", CONSISTENCY_6_8).exitCode()).isEqualTo(2);
    }

    @Test
    void signedNoteVerifiesUnderItsKeyOnly() throws Exception {
        Path note = Files.writeString(dir.resolve("note"), PETER_NOTE, StandardCharsets.UTF_8);
        CliRun valid = CliRun.of("tlog", "verify-note", "--key", PETER_VKEY, note.toString());
        assertThat(valid.exitCode()).as(valid.err()).isZero();
        assertThat(valid.out()).startsWith("valid: 1 signature(s)").contains("ok    PeterNeumann c74f20a3");
        CliRun otherKey = CliRun.of("tlog", "verify-note", "--key", ENOCH_VKEY, note.toString());
        assertThat(otherKey.exitCode()).isEqualTo(1);
        assertThat(otherKey.out()).contains("skip  PeterNeumann");
        CliRun both = CliRun.of("tlog", "verify-note", "--key", ENOCH_VKEY, "--key", PETER_VKEY, note.toString());
        assertThat(both.exitCode()).isZero();
    }

    @Test
    void tamperedNoteIsInvalidAndMalformedInputIsBadInput() throws Exception {
        Path tampered = Files.writeString(dir.resolve("tampered"),
                PETER_NOTE.replace("cryptography", "cryptographY"), StandardCharsets.UTF_8);
        CliRun run = CliRun.of("tlog", "verify-note", "--key", PETER_VKEY, tampered.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  PeterNeumann");
        Path noSignatures = Files.writeString(dir.resolve("plain"), "just text\n", StandardCharsets.UTF_8);
        CliRun malformed = CliRun.of("tlog", "verify-note", "--key", PETER_VKEY, noSignatures.toString());
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).startsWith("microcred: ").doesNotContain("Exception");
        CliRun badKey = CliRun.of("tlog", "verify-note", "--key", "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmq"
                + "q/LDE4izWy10TW", tampered.toString());
        assertThat(badKey.exitCode()).isEqualTo(2);
        assertThat(badKey.err()).contains("key ID does not match");
        CliRun missing = CliRun.of("tlog", "verify-note", "--key", PETER_VKEY, dir.resolve("none").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
    }

    @Test
    void helpNamesTheHashForms() {
        CliRun help = CliRun.of("tlog", "verify-inclusion", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("64 hex digits or standard base64");
        assertThat(CliRun.of("tlog", "--help").out()).contains("verify-inclusion", "verify-consistency",
                "verify-note");
    }

    private static CliRun inclusion(String leaf, String index, String size, String root, String proof) {
        return CliRun.of("tlog", "verify-inclusion", "--leaf-hash", leaf, "--index", index, "--size", size,
                "--root", root, "--proof", proof);
    }

    private static CliRun consistency(String size1, String size2, String root1, String root2, String proof) {
        return CliRun.of("tlog", "verify-consistency", "--size1", size1, "--size2", size2, "--root1", root1,
                "--root2", root2, "--proof", proof);
    }

    /** The hex hash with one bit flipped. */
    static String flip(String hex, int bit) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        return HexFormat.of().formatHex(bytes);
    }
}
