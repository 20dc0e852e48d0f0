package io.tweetstream.connect.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {

    private static LineReader reader(String body, int maxLineBytes) {
        return new LineReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), maxLineBytes);
    }

    private static String text(byte[] line) {
        return line == null ? null : new String(line, StandardCharsets.UTF_8);
    }

    @Test
    void splitsCrLfLinesAndGivesKeepAlivesAsEmptyLines() throws IOException {
        LineReader lines = reader("{\"a\":1}\r\n\r\n{\"b\":2}\n\r\n", 100);

        assertThat(text(lines.next())).isEqualTo("{\"a\":1}");
        assertThat(text(lines.next())).isEmpty();
        assertThat(text(lines.next())).isEqualTo("{\"b\":2}");
        assertThat(text(lines.next())).isEmpty();
        assertThat(lines.next()).isNull();
    }

    @Test
    void aLastLineCutOffWithoutItsEndIsDropped() throws IOException {
        LineReader lines = reader("{\"a\":1}\r\n{\"b\":", 100);

        assertThat(text(lines.next())).isEqualTo("{\"a\":1}");
        assertThat(lines.next()).isNull();
    }

    @Test
    void linesSpanningManyReadsAreJoined() throws IOException {
        String longLine = "x".repeat(50_000);
        InputStream trickle = new ByteArrayInputStream((longLine + "\r\nend\r\n").getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };
        LineReader lines = new LineReader(trickle, 100_000);

        assertThat(text(lines.next())).isEqualTo(longLine);
        assertThat(text(lines.next())).isEqualTo("end");
    }

    @Test
    void anOversizedLineIsSkippedAndReadingGoesOn() throws IOException {
        LineReader lines = reader("x".repeat(40_000) + "\r\nnext\r\n", 1_000);

        assertThatThrownBy(lines::next).isInstanceOf(LineReader.OversizedLineException.class)
                .hasMessageContaining("longer than 1000 bytes");
        assertThat(text(lines.next())).isEqualTo("next");
    }

    @Test
    void isNotWaitingBetweenReads() throws IOException {
        LineReader lines = reader("a\r\n", 10);
        lines.next();

        assertThat(lines.waitingForNanos()).isZero();
    }
}
