package dev.microcred.credentials.jcs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import dev.microcred.credentials.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785 known answers (§3.2.2 sample, §3.2.3 sorting, Appendix B numbers), then properties and negatives. */
class JsonCanonicalizerTest {

    @Test
    void rfc8785Section322Sample() {
        String input = "{\n  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
                + "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
                + "  \"literals\": [null, true, false]\n}";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(JsonCanonicalizer.canonicalize(Json.parse(input))).isEqualTo(expected);
        // §3.2.4: the UTF-8 bytes of the sample
        assertThat(HexFormat.of().formatHex(JsonCanonicalizer.canonicalizeUtf8(Json.parse(input)))).isEqualTo((
                "7b 22 6c 69 74 65 72 61 6c 73 22 3a 5b 6e 75 6c 6c 2c 74 72 75 65 2c 66 61 6c 73 65 5d 2c 22 6e "
                + "75 6d 62 65 72 73 22 3a 5b 33 33 33 33 33 33 33 33 33 2e 33 33 33 33 33 33 33 2c 31 65 2b 33 30 "
                + "2c 34 2e 35 2c 30 2e 30 30 32 2c 31 65 2d 32 37 5d 2c 22 73 74 72 69 6e 67 22 3a 22 e2 82 ac 24 "
                + "5c 75 30 30 30 66 5c 6e 41 27 42 5c 22 5c 5c 5c 5c 5c 22 2f 22 7d").replace(" ", ""));
    }

    @Test
    void rfc8785Section323SortsByUtf16CodeUnits() {
        String input = "{\"\\u20ac\":\"Euro Sign\",\"\\r\":\"Carriage Return\",\"\\ufb33\":\"Hebrew Letter Dalet With "
                + "Dagesh\",\"1\":\"One\",\"\\ud83d\\ude00\":\"Emoji: Grinning Face\",\"\\u0080\":\"Control\","
                + "\"\\u00f6\":\"Latin Small Letter O With Diaeresis\"}";
        assertThat(JsonCanonicalizer.canonicalize(Json.parse(input))).isEqualTo("{\"\\r\":\"Carriage Return\","
                + "\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\","
                + "\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @ParameterizedTest
    @CsvSource({
        "0000000000000000, 0", "8000000000000000, 0", "0000000000000001, 5e-324", "8000000000000001, -5e-324",
        "7fefffffffffffff, 1.7976931348623157e+308", "ffefffffffffffff, -1.7976931348623157e+308",
        "4340000000000000, 9007199254740992", "c340000000000000, -9007199254740992",
        "4430000000000000, 295147905179352830000", "44b52d02c7e14af5, 9.999999999999997e+22",
        "44b52d02c7e14af6, 1e+23", "44b52d02c7e14af7, 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e, 999999999999999700000", "444b1ae4d6e2ef4f, 999999999999999900000",
        "444b1ae4d6e2ef50, 1e+21", "3eb0c6f7a0b5ed8c, 9.999999999999997e-7", "3eb0c6f7a0b5ed8d, 0.000001",
        "41b3de4355555553, 333333333.3333332", "41b3de4355555554, 333333333.33333325",
        "41b3de4355555555, 333333333.3333333", "41b3de4355555556, 333333333.3333334",
        "41b3de4355555557, 333333333.33333343", "becbf647612f3696, -0.0000033333333333333333",
        "43143ff3c1cb0959, 1424953923781206.2"})
    void rfc8785AppendixBNumbers(String ieee754, String expected) {
        double d = Double.longBitsToDouble(Long.parseUnsignedLong(ieee754, 16));
        assertThat(JsonCanonicalizer.serializeNumber(d)).isEqualTo(expected);
    }

    @Test
    void numbersFromJsonTextAreReadAsDoubles() {
        assertThat(JsonCanonicalizer.canonicalize(Json.parse("[1.0, 1e2, -0.0, 100000000000000000000000, 0.1]")))
                .isEqualTo("[1,100,0,1e+23,0.1]");
    }

    /** Round trip: the serialized number reads back as the same double, and no shorter digit string does. */
    @Property(tries = 2000)
    void numberSerializationRoundTrips(@ForAll double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return;
        }
        String s = JsonCanonicalizer.serializeNumber(d);
        assertThat(Double.parseDouble(s)).isEqualTo(d == 0 ? 0.0 : d);
        String digits = s.replace("-", "").replaceAll("e.*", "").replace(".", "").replaceAll("^0+", "")
                .replaceAll("0+$", "");
        assertThat(digits.length()).isLessThanOrEqualTo(17);
    }

    /** Member order never matters. */
    @Property(tries = 200)
    void memberOrderIsIrrelevant(@ForAll String a, @ForAll String b, @ForAll int x) {
        ObjectNode first = JsonNodeFactory.instance.objectNode();
        ObjectNode second = JsonNodeFactory.instance.objectNode();
        String k1 = "k" + a;
        String k2 = "m" + b;
        first.put(k1, x).put(k2, "v");
        second.put(k2, "v").put(k1, x);
        try {
            assertThat(JsonCanonicalizer.canonicalize(first)).isEqualTo(JsonCanonicalizer.canonicalize(second));
        } catch (MicrocredException e) {
            assertThat(e.problem()).isEqualTo(Problem.MALFORMED_INPUT); // a lone surrogate in a generated name
        }
    }

    @Test
    void rejectsLoneSurrogates() {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("a", "x\ud800y");
        assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(node))
                .isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.MALFORMED_INPUT);
    }

    @Test
    void rejectsNonFiniteNumbers() {
        assertThatThrownBy(() -> JsonCanonicalizer.serializeNumber(Double.NaN)).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> JsonCanonicalizer.serializeNumber(Double.POSITIVE_INFINITY))
                .isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> JsonCanonicalizer.canonicalize(Json.parse("[1e400]")))
                .isInstanceOf(MicrocredException.class);
    }

    @Test
    void utf8OfNonAscii() {
        assertThat(JsonCanonicalizer.canonicalizeUtf8(Json.parse("{\"a\":\"\u00e9\"}")))
                .isEqualTo("{\"a\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_8));
    }
}
