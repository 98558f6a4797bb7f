package dev.microcred.server.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.microcred.core.MicrocredException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReaderTest {
    static List<CsvReader.CsvRecord> all(CsvReader r) {
        List<CsvReader.CsvRecord> out = new ArrayList<>();
        for (CsvReader.CsvRecord x = r.next(); x != null; x = r.next()) {
            out.add(x);
        }
        return out;
    }

    @Test
    void readsRfc4180QuotingAcrossLinesAndDropsTheByteOrderMark() {
        byte[] bytes = "\uFEFFa,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",z\n\nlast,".getBytes(
                StandardCharsets.UTF_8);
        List<CsvReader.CsvRecord> records = all(CsvReader.of(bytes));
        assertThat(records).extracting(CsvReader.CsvRecord::fields).containsExactly(List.of("a", "b"),
                List.of("x,1", "say \"hi\""), List.of("two\r\nlines", "z"), List.of("last", ""));
        assertThat(records).extracting(CsvReader.CsvRecord::lineNumber).containsExactly(1, 2, 3, 6);
        assertThat(records).allSatisfy(r -> assertThat(r.syntaxError()).isNull());
    }

    @Test
    void reportsSyntaxErrorsAndResumesOnTheNextLine() {
        List<CsvReader.CsvRecord> records = all(CsvReader.of("a\"b,c\n\"x\"y,z\nok,1\n\"open,2\n"));
        assertThat(records.get(0).syntaxError()).contains("a quote inside a field");
        assertThat(records.get(1).syntaxError()).contains("text after the closing quote");
        assertThat(records.get(2).fields()).containsExactly("ok", "1");
        assertThat(records.get(3).syntaxError()).contains("not closed");
        assertThat(records).hasSize(4);
    }

    @Test
    void refusesBytesThatAreNotUtf8() {
        assertThatThrownBy(() -> CsvReader.of(new byte[] {'a', (byte) 0xff, '\n'}))
                .isInstanceOf(MicrocredException.class).hasMessageContaining("UTF-8");
    }
}
