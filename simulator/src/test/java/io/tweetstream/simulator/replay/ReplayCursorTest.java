package io.tweetstream.simulator.replay;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetstream.simulator.Replay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayCursorTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long START = 5 * SECOND;

    @TempDir
    Path dir;

    @Test
    void atARateEachLineIsDueOnePeriodAfterTheOneBefore() throws IOException {
        ReplayCursor cursor = load(Replay.v2(file(v2At("12:00:00"), v2At("12:00:09"), v2At("12:00:10"))).atRate(4))
                .cursor(START);

        assertThat(dueTimes(cursor, 3)).containsExactly(START, START + SECOND / 4, START + SECOND / 2);
        assertThat(cursor.current()).isNull();
        assertThat(cursor.isDue(START + 1_000 * SECOND)).as("after the last line nothing is due").isFalse();
    }

    @Test
    void atTheRecordedPaceLinesKeepTheirGapsButNeverGoBackwards() throws IOException {
        ReplayCursor cursor = load(Replay.v2(file(v2At("12:00:00.000"), v2At("12:00:02.500"), v2At("12:00:01.000"),
                "{\"errors\":[{\"title\":\"operational-disconnect\"}]}", v2At("12:00:04.000")))).cursor(START);

        assertThat(dueTimes(cursor, 5)).containsExactly(START, START + 2_500_000_000L, START + 2_500_000_000L,
                START + 2_500_000_000L, START + 4 * SECOND);
    }

    @Test
    void aLoopingReplayStartsOverALapLater() throws IOException {
        ReplayCursor cursor = load(Replay.v2(file(v2At("12:00:00"), v2At("12:00:01"))).atRate(2).looping()).cursor(START);

        List<Long> due = dueTimes(cursor, 4);

        assertThat(due).containsExactly(START, START + SECOND / 2, START + SECOND, START + 3 * SECOND / 2);
        assertThat(cursor.current()).isNotNull();
    }

    @Test
    void v1LinesAreTimedByTimestampMs() throws IOException {
        Recording recording = load(Replay.v1(file("{\"id\":1,\"text\":\"a\",\"user\":{\"id\":2},\"timestamp_ms\":\"1000\"}",
                "{\"delete\":{\"status\":{\"id\":1},\"timestamp_ms\":\"3000\"}}")));

        assertThat(dueTimes(recording.cursor(START), 2)).containsExactly(START, START + 2 * SECOND);
    }

    @Test
    void aLineThatIsNotAJsonObjectFailsTheLoadNamingIt() throws IOException {
        Path bad = file(v2At("12:00:00"), "", "not json");

        assertThatThrownBy(() -> load(Replay.v2(bad))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 3");
    }

    private Recording load(Replay replay) {
        return Recording.load(replay, new ObjectMapper());
    }

    private static List<Long> dueTimes(ReplayCursor cursor, int count) {
        List<Long> due = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            due.add(cursor.nextDueNanos());
            cursor.advance(cursor.nextDueNanos());
        }
        return due;
    }

    private static String v2At(String time) {
        String full = time.contains(".") ? time : time + ".000";
        return "{\"data\":{\"id\":\"1\",\"text\":\"t\",\"created_at\":\"2026-11-25T" + full + "Z\"}}";
    }

    private Path file(String... lines) throws IOException {
        Path file = Files.createTempFile(dir, "recording", ".jsonl");
        Files.write(file, List.of(lines));
        return file;
    }
}
