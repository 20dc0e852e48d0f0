package io.tweetstream.dashboard.count;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    private static final long TEN_O_ONE = Instant.parse("2026-11-25T10:00:01Z").toEpochMilli();

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-11-25T10:00:01.000Z",
        "2026-11-25T10:00:01Z",
        "2026-11-25T10:00:01.000+00:00",
        "2026-11-25T10:00:01+00:00",
        "2026-11-25T10:00:01.000+0000",
        "2026-11-25T11:00:01.000+01:00",
        "2026-11-25T05:00:01.000-05:00",
        "2026-11-25 10:00:01.000",
        "2026-11-25T10:00:01",
        "2026-11-25t10:00:01.000z",
        "2026-11-25T10:00:01.000000Z",
        " 2026-11-25T10:00:01.000Z ",
        "1795600801000"})
    void readsEveryFormTheJobMayWriteAsTheSameInstant(String text) throws MalformedCountException {
        assertThat(Timestamps.toEpochMillis(text)).isEqualTo(TEN_O_ONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2026-11-25", "2026-13-25T10:00:01Z", "2026-11-25T10:00:01+25:00",
        "2026-11-25T10:00:01Zjunk", "99999999999999999999"})
    void rejectsWhatIsNoTimestamp(String text) {
        assertThatThrownBy(() -> Timestamps.toEpochMillis(text))
                .isInstanceOf(MalformedCountException.class)
                .hasMessageContaining("not a timestamp");
    }
}
