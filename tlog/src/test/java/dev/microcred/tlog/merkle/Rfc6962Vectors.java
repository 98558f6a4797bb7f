package dev.microcred.tlog.merkle;

import dev.microcred.core.Bytes;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The RFC 6962 reference tree of the certificate-transparency project (as published in
 * transparency-dev/merkle proof/verify_test.go): eight leaves and the root of every prefix.
 */
final class Rfc6962Vectors {
    static final List<byte[]> LEAVES = List.of(
            hex(""), hex("00"), hex("10"), hex("2021"), hex("3031"), hex("40414243"),
            hex("5051525354555657"), hex("606162636465666768696a6b6c6d6e6f"));

    /** ROOTS.get(n) is the root of the first n leaves. */
    static final List<Hash> ROOTS = List.of(
            Hash.parseHex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            Hash.parseHex("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d"),
            Hash.parseHex("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
            Hash.parseHex("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77"),
            Hash.parseHex("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            Hash.parseHex("4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4"),
            Hash.parseHex("76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef"),
            Hash.parseHex("ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c"),
            Hash.parseHex("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"));

    private Rfc6962Vectors() {
    }

    static List<Hash> leafHashes() {
        return LEAVES.stream().map(TreeHash::leaf).toList();
    }

    static MemoryHashStore store(List<Hash> leafHashes) {
        MemoryHashStore store = new MemoryHashStore();
        CompactRange.EMPTY.appendAll(leafHashes, store);
        return store;
    }

    /** Leaf hashes of the entries "0", "1", ..., for trees of any size. */
    static List<Hash> syntheticLeaves(int n) {
        return IntStream.range(0, n).mapToObj(i -> TreeHash.leaf(Integer.toString(i).getBytes())).toList();
    }

    static byte[] hex(String hex) {
        return Bytes.parseHex(hex).toArray();
    }

    static Hash h(String hex) {
        return Hash.parseHex(hex);
    }
}
