package dev.microcred.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Base58 (Bitcoin alphabet): the draft-msporny-base58 examples, then round trips against a BigInteger reference. */
class Base58Test {
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    @Test
    void draftExamples() {
        // draft-msporny-base58-03 §5
        assertThat(Base58.encode("Hello World!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("2NEpo7TZRRrLZSi2U");
        assertThat(Base58.encode("The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z");
        assertThat(Base58.encode(new byte[] {0, 0, 0x28, 0x7f, (byte) 0xb4, (byte) 0xcd})).isEqualTo("11233QC4");
        assertThat(Base58.decode("11233QC4")).containsExactly(0, 0, 0x28, 0x7f, 0xb4, 0xcd);
    }

    @Test
    void edgeCases() {
        assertThat(Base58.encode(new byte[0])).isEmpty();
        assertThat(Base58.encode(new byte[] {0})).isEqualTo("1");
        assertThat(Base58.encode(new byte[] {0, 0, 0, 0, 0})).isEqualTo("11111");
        assertThat(Base58.encode(new byte[] {57})).isEqualTo("z");
        assertThat(Base58.encode(new byte[] {58})).isEqualTo("21");
    }

    @Test
    void encodesAsTheReferenceAndRoundTrips() {
        Random random = new Random(58);
        for (int run = 0; run < 5000; run++) {
            byte[] data = new byte[random.nextInt(80)];
            random.nextBytes(data);
            int zeros = random.nextInt(4);
            for (int i = 0; i < Math.min(zeros, data.length); i++) {
                data[i] = 0;
            }
            String encoded = Base58.encode(data);
            assertThat(encoded).as("length %d", data.length).isEqualTo(reference(data));
            assertThat(Base58.decode(encoded)).isEqualTo(data);
        }
    }

    @Test
    void decodesAnyTextAsTheReference() {
        Random random = new Random(5858);
        for (int run = 0; run < 5000; run++) {
            StringBuilder text = new StringBuilder();
            int ones = random.nextInt(4);
            for (int i = random.nextInt(120); i > 0; i--) {
                text.append(text.length() < ones ? '1' : ALPHABET.charAt(random.nextInt(58)));
            }
            assertThat(Base58.decode(text.toString())).as(text.toString()).isEqualTo(referenceDecode(text.toString()));
        }
        assertThat(Base58.decode("")).isEmpty();
        assertThat(Base58.decode("111")).containsExactly(0, 0, 0);
        assertThatThrownBy(() -> Base58.decode("z0z")).hasMessageContaining("'0' at position 1");
    }

    /** Each leading '1' a zero byte, then the rest's value in base 256 without leading zeros. */
    private static byte[] referenceDecode(String text) {
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') {
            zeros++;
        }
        BigInteger n = BigInteger.ZERO;
        for (int i = zeros; i < text.length(); i++) {
            n = n.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(ALPHABET.indexOf(text.charAt(i))));
        }
        byte[] value = n.signum() == 0 ? new byte[0] : n.toByteArray();
        int skip = value.length > 0 && value[0] == 0 ? 1 : 0;
        byte[] out = new byte[zeros + value.length - skip];
        System.arraycopy(value, skip, out, zeros, value.length - skip);
        return out;
    }

    /** Leading zero bytes as '1's, then the number in base 58. */
    private static String reference(byte[] data) {
        StringBuilder out = new StringBuilder();
        BigInteger n = new BigInteger(1, data);
        BigInteger base = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(base);
            out.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < data.length && data[i] == 0; i++) {
            out.append('1');
        }
        return out.reverse().toString();
    }
}
