package io.tweetstream.simulator.generate;

import java.time.Instant;
import java.util.List;

/** A poll attached to a post, just posted: open, no votes yet. */
public record Poll(long id, List<String> options, int durationMinutes, Instant endsAt) {

    public Poll {
        options = List.copyOf(options);
    }
}
