package io.tweetstream.connect.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetstream.connect.Fixtures;
import io.tweetstream.connect.PolledTask;
import io.tweetstream.connect.TestConfigs;
import io.tweetstream.connect.config.TwitterSourceConfig;
import io.tweetstream.connect.core.StreamCounter;
import io.tweetstream.connect.record.TweetConverter;
import io.tweetstream.connect.record.TweetSchema;
import io.tweetstream.connect.scenario.Simulation;
import io.tweetstream.connect.scenario.SimulatorExtension;
import io.tweetstream.connect.scenario.StreamApi;
import io.tweetstream.connect.v2.V2Fixtures;
import io.tweetstream.simulator.Replay;
import io.tweetstream.simulator.SimulatorSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixtures, shaped like real payloads, recorded into a file as a capture of X's stream would be,
 * replayed by the simulator over real HTTP into a task: every recorded tweet arrives, in file order,
 * as the record the mapper makes of the fixture itself, and every recorded notice has its effect.
 */
@ExtendWith(SimulatorExtension.class)
class RecordedStreamReplayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> V2_TWEETS = List.of("tweet.json", "html-escaped.json", "long-post.json",
            "photo.json", "video.json", "edited.json", "withheld.json", "possibly-sensitive.json", "retweet.json",
            "retweet-with-entities.json", "retweet-of-extended.json", "retweet-of-long-post.json",
            "retweet-original-unavailable.json", "retweet-author-missing.json", "quote-author-missing.json",
            "reply-with-parent.json", "place-quote-reply.json");
    private static final List<String> V1_STATUSES = List.of("classic.json", "extended.json", "html-escaped.json",
            "photo.json", "video.json", "edited.json", "withheld.json", "possibly-sensitive.json",
            "retweet-with-entities.json", "retweet-of-extended.json", "quote.json", "reply-with-parent.json",
            "reply-no-place.json", "emoji-with-place.json");
    private static final List<String> V1_NOTICES = List.of("status-withheld.json", "user-withheld.json",
            "scrub-geo.json");

    @Test
    void aRecordedV2StreamBecomesTheRecordsOfItsTweetsInFileOrder(Simulation simulation, @TempDir Path dir)
            throws IOException {
        Path recording = record(dir.resolve("v2.jsonl"), V2_TWEETS.stream().map(V2Fixtures::line)
                .map(line -> new String(line, StandardCharsets.UTF_8)).toList());
        simulation.start(StreamApi.V2.settings().replay(Replay.v2(recording).atRate(20)));
        Map<String, String> config = TestConfigs.v2(simulation.simulator().v2BaseUrl());
        config.put(TwitterSourceConfig.V2_STREAM, TwitterSourceConfig.V2_STREAM_SAMPLE);
        config.put(TwitterSourceConfig.V2_TIER, "enterprise");
        config.remove(TwitterSourceConfig.TRACK_KEYWORDS);

        // Two fixtures are the same retweet (once with its original's author, once without): the
        // second arrival of an id is dropped, as a redelivery would be.
        Map<Long, String> firstOfEachId = new LinkedHashMap<>();
        V2_TWEETS.forEach(name -> firstOfEachId.putIfAbsent(V2Fixtures.tweet(name).id(), name));
        List<String> expected = List.copyOf(firstOfEachId.values());

        PolledTask task = simulation.tasks().start(config);
        task.pollUntil(() -> task.written().size() >= expected.size()
                && task.count(StreamCounter.DUPLICATES) == V2_TWEETS.size() - expected.size());

        List<SourceRecord> written = task.written();
        assertThat(written).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertSameRecord((Struct) written.get(i).value(),
                    TweetConverter.toStruct(V2Fixtures.tweet(expected.get(i)), List.of()), expected.get(i));
        }
        assertThat(task.count(StreamCounter.SKIPPED_MESSAGES)).isZero();
    }

    @Test
    void aRecordedV1StreamBecomesItsTweetsAndItsWithheldNoticesTakeEffect(Simulation simulation, @TempDir Path dir)
            throws IOException {
        List<String> lines = new ArrayList<>();
        V1_STATUSES.forEach(name -> lines.add(Fixtures.json(name)));
        V1_NOTICES.forEach(name -> lines.add(Fixtures.json(name)));
        Path recording = record(dir.resolve("v1.jsonl"), lines);
        simulation.start(StreamApi.V1_1.settings().replay(Replay.v1(recording).atRate(20)));

        PolledTask task = simulation.tasks().start(StreamApi.V1_1.config(simulation.simulator()));
        task.pollUntil(() -> task.written().size() >= V1_STATUSES.size() + 1
                && task.count(StreamCounter.WITHHELD) == 2 && task.count(StreamCounter.SCRUB_GEO) == 1);

        List<SourceRecord> written = task.written();
        for (int i = 0; i < V1_STATUSES.size(); i++) {
            assertSameRecord((Struct) written.get(i).value(),
                    TweetConverter.toStruct(Fixtures.tweet(V1_STATUSES.get(i)), List.of()), V1_STATUSES.get(i));
        }
        SourceRecord tombstone = written.get(V1_STATUSES.size());
        assertThat(tombstone.key()).as("the withheld tweet's tombstone").isEqualTo(1861100000000000181L);
        assertThat(tombstone.value()).isNull();
        assertThat(written).hasSize(V1_STATUSES.size() + 1);
        assertThat(task.count(StreamCounter.SKIPPED_MESSAGES)).isZero();
    }

    /** One message per line, compacted, as a capture of the stream holds them. */
    private static Path record(Path file, List<String> messages) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String message : messages) {
            lines.add(JSON.writeValueAsString(JSON.readTree(message)));
        }
        return Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Equal but for the matched keywords (the task works them out) and the raw JSON (not kept). */
    private static void assertSameRecord(Struct replayed, Struct mapped, String fixture) {
        for (Field field : TweetSchema.VALUE.fields()) {
            if (!field.name().equals(TweetSchema.MATCHED_KEYWORDS) && !field.name().equals(TweetSchema.RAW_JSON)) {
                assertThat(replayed.get(field)).as("%s of %s", field.name(), fixture).isEqualTo(mapped.get(field));
            }
        }
    }
}
