package io.tweetstream.simulator.net;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DateRewriteTest {

    private static final String DATE = "Sat, 5 Dec 2026 10:00:00 GMT";

    @Test
    void replacesTheDateOfAHeadThatComesInPiecesAndKeepsTheBody() {
        DateRewrite rewrite = new DateRewrite(DATE);
        byte[] first = "HTTP/1.1 200 OK\r\nDate: Wed, 02 Dec 2026 18:46:06 GMT\r\nContent-len".getBytes(StandardCharsets.US_ASCII);
        byte[] second = "gth: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII);

        assertThat(rewrite.accept(first, first.length)).isNull();
        assertThat(new String(rewrite.accept(second, second.length), StandardCharsets.US_ASCII))
                .isEqualTo("HTTP/1.1 200 OK\r\nDate: " + DATE + "\r\nContent-length: 2\r\n\r\n{}");
    }

    @Test
    void addsADateToAHeadWithout() {
        byte[] head = "HTTP/1.1 404 Not Found\r\nContent-length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(new String(new DateRewrite(DATE).accept(head, head.length), StandardCharsets.US_ASCII))
                .isEqualTo("HTTP/1.1 404 Not Found\r\nDate: " + DATE + "\r\nContent-length: 0\r\n\r\n");
    }
}
