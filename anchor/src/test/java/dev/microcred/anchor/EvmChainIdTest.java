package dev.microcred.anchor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import org.junit.jupiter.api.Test;

class EvmChainIdTest {
    @Test
    void parsesCaip2() {
        assertThat(EvmChainId.parse("eip155:1").id()).isEqualTo(1);
        assertThat(EvmChainId.parse("eip155:11155111").caip2()).isEqualTo("eip155:11155111");
        assertThat(new EvmChainId(31337)).hasToString("eip155:31337");
    }

    @Test
    void rejectsOtherForms() {
        for (String bad : new String[] {"eip155:0", "eip155:01", "eip155:", "eip155:-1", "bip122:000000000019d6689c",
            "1", "EIP155:1", "eip155:1 ", "eip155:1234567890123456789"}) {
            assertThatThrownBy(() -> EvmChainId.parse(bad)).as(bad).isInstanceOf(MicrocredException.class);
        }
        assertThatThrownBy(() -> EvmChainId.parse(null)).isInstanceOf(MicrocredException.class);
    }
}
