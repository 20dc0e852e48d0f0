package io.tweetstream.simulator.v2;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An upload is read as X reads it: one numeric id a line, invalid lines kept, the size bounded. */
class UploadedIdsTest {

    @Test
    void readsOneIdALineWithLfOrCrlfSkippingBlankLinesAndKeepingInvalidOnes() throws IOException {
        UploadedIds uploaded = read("1\r\n 22 \n\n\t\nnot_a_valid_id\n9223372036854775807\n9223372036854775808\n"
                + "12345678901234567890\n-5\n1.5\n0\n333", 1_000);

        assertThat(IntStream.range(0, uploaded.count()).mapToLong(uploaded::id).toArray())
                .containsExactly(1L, 22L, Long.MAX_VALUE, 0L, 333L);
        assertThat(uploaded.invalid()).containsExactly("not_a_valid_id", "9223372036854775808",
                "12345678901234567890", "-5", "1.5");
    }

    @Test
    void holdsMillionsOfIdsAndLongLines() throws IOException {
        StringBuilder body = new StringBuilder();
        for (long id = 1; id <= 200_000; id++) {
            body.append(1_600_000_000_000_000_000L + id).append('\n');
        }
        body.append("x".repeat(5_000));

        UploadedIds uploaded = read(body.toString(), Long.MAX_VALUE);

        assertThat(uploaded.count()).isEqualTo(200_000);
        assertThat(uploaded.id(199_999)).isEqualTo(1_600_000_000_000_200_000L);
        assertThat(uploaded.invalid()).singleElement().asString().hasSize(5_000);
    }

    @Test
    void refusesMoreThanTheLimitAsSoonAsItComes() {
        assertThatThrownBy(() -> read("12345\n12345\n", 11)).isInstanceOf(UploadedIds.TooLargeException.class);
    }

    @Test
    void takesExactlyTheLimit() throws IOException {
        assertThat(read("12345\n12345\n", 12).count()).isEqualTo(2);
        assertThat(read("", 12).count()).isZero();
    }

    private static UploadedIds read(String body, long limit) throws IOException {
        InputStream in = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        return UploadedIds.read(in, limit);
    }
}
