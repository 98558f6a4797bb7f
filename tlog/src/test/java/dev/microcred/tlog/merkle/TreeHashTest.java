package dev.microcred.tlog.merkle;

import static dev.microcred.tlog.merkle.Rfc6962Vectors.LEAVES;
import static dev.microcred.tlog.merkle.Rfc6962Vectors.ROOTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreeHashTest {
    @Test
    void emptyTreeIsTheHashOfNothing() {
        assertThat(TreeHash.EMPTY).isEqualTo(ROOTS.get(0));
        assertThat(TreeHash.root(List.of())).isEqualTo(ROOTS.get(0));
    }

    @Test
    void leafHashPrefixesZeroByte() {
        assertThat(TreeHash.leaf(LEAVES.get(0))).isEqualTo(ROOTS.get(1));
    }

    @Test
    void nodeHashPrefixesOneByte() {
        List<Hash> leaves = Rfc6962Vectors.leafHashes();
        assertThat(TreeHash.node(leaves.get(0), leaves.get(1))).isEqualTo(ROOTS.get(2));
    }

    @Test
    void rootsOfTheReferenceTreeMatchRfc6962Vectors() {
        List<Hash> leaves = Rfc6962Vectors.leafHashes();
        for (int n = 0; n <= leaves.size(); n++) {
            assertThat(TreeHash.root(leaves.subList(0, n))).as("size %d", n).isEqualTo(ROOTS.get(n));
        }
    }

    @Test
    void rootsFromStoredHashesMatchRfc6962Vectors() {
        MemoryHashStore store = Rfc6962Vectors.store(Rfc6962Vectors.leafHashes());
        for (int n = 0; n <= 8; n++) {
            assertThat(TreeHash.root(store, n)).as("size %d", n).isEqualTo(ROOTS.get(n));
        }
    }

    @Test
    void hashParsingIsStrict() {
        Hash root = ROOTS.get(8);
        assertThat(Hash.parseBase64(root.base64())).isEqualTo(root);
        assertThat(Hash.parseHex(root.hex())).isEqualTo(root);
        assertThatThrownBy(() -> Hash.parseBase64("AAAA")).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> Hash.parseBase64(root.base64().replace("=", "")))
                .isInstanceOf(MicrocredException.class);
        // the last character carries 2 unused bits: setting one gives the same bytes, which must not parse
        String b64 = root.base64();
        String nonCanonical = b64.substring(0, 42) + (char) (b64.charAt(42) + 1) + "=";
        assertThatThrownBy(() -> Hash.parseBase64(nonCanonical)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> Hash.of(new byte[31])).isInstanceOf(MicrocredException.class);
    }

    @Test
    void hashCopiesItsBytes() {
        byte[] bytes = new byte[32];
        Hash hash = Hash.of(bytes);
        bytes[0] = 1;
        hash.toArray()[1] = 1;
        assertThat(hash).isEqualTo(Hash.of(new byte[32]));
    }
}
