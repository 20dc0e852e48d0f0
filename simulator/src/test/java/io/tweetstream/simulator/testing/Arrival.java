package io.tweetstream.simulator.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.generate.SnowflakeIds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tweet as a client read it off a stream: its id, when it was made as the client can tell (its Snowflake id's
 * time, to the millisecond) and when its line arrived.
 */
public record Arrival(long id, Instant createdAt, Instant receivedAt) {

    /** How long it took from its creation to the client. */
    public Duration delay() {
        return Duration.between(createdAt, receivedAt);
    }

    /**
     * Reads the tweets of {@code stream} (skipping keep-alives and other messages) until one made at or after
     * {@code madeFrom} arrives, at most for {@code deadline}. A stream delivers in the order of due times, so by then
     * every tweet due before {@code madeFrom} has arrived.
     */
    public static List<Arrival> readUntilOneMadeFrom(StreamClient stream, Api api, Instant madeFrom, Duration deadline)
            throws InterruptedException {
        long giveUp = System.nanoTime() + deadline.toNanos();
        List<Arrival> arrivals = new ArrayList<>();
        while (arrivals.isEmpty() || arrivals.get(arrivals.size() - 1).createdAt().isBefore(madeFrom)) {
            assertThat(System.nanoTime() - giveUp).as("a tweet made from %s within %s", madeFrom, deadline).isNegative();
            StreamClient.Line line = stream.nextLine();
            assertThat(line.end()).as("the stream ended after %s tweets", arrivals.size()).isFalse();
            if (line.isKeepAlive()) {
                continue;
            }
            JsonNode message = Json.parse(line.text());
            if (api.isTweet(message)) {
                long id = api == Api.V1 ? message.path("id").asLong() : message.path("data").path("id").asLong();
                arrivals.add(new Arrival(id, SnowflakeIds.createdAt(id), line.receivedAt()));
            }
        }
        return arrivals;
    }

    public static List<Long> ids(List<Arrival> arrivals) {
        return arrivals.stream().map(Arrival::id).toList();
    }
}
