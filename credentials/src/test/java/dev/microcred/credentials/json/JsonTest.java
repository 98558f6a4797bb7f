package dev.microcred.credentials.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import dev.microcred.core.Problem;
import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void rejectsMalformedWithPositionInOneLine() {
        assertThatThrownBy(() -> Json.parse("{\"a\": }"))
                .isInstanceOf(MicrocredException.class)
                .hasMessageStartingWith("malformed JSON")
                .hasMessageContaining("line 1")
                .hasMessageNotContaining("\n");
    }

    @Test
    void rejectsDuplicateKeysTrailingTokensAndNonObjects() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> Json.parse("{} {}")).isInstanceOf(MicrocredException.class);
        assertThatThrownBy(() -> Json.parseObject("[1]")).hasMessageContaining("expected a JSON object, found array");
        assertThatThrownBy(() -> Json.parse("")).isInstanceOf(MicrocredException.class);
    }

    @Test
    void rejectsOversizeAndTooDeep() {
        byte[] big = new byte[Json.MAX_DOCUMENT_BYTES + 1];
        assertThatThrownBy(() -> Json.parse(big))
                .isInstanceOf(MicrocredException.class)
                .extracting(e -> ((MicrocredException) e).problem()).isEqualTo(Problem.TOO_LARGE);
        String deep = "[".repeat(Json.MAX_DEPTH + 5) + "]".repeat(Json.MAX_DEPTH + 5);
        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(MicrocredException.class);
    }

    @Test
    void keepsMemberOrderAndExactNumbers() {
        String text = "{\"b\":1,\"a\":0.1000000000000000055511151231257827}";
        assertThat(Json.write(Json.parse(text))).isEqualTo(text);
    }
}
