package io.tweetstream.simulator;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A recorded stream for the simulator to serve instead of generated tweets ({@link SimulatorSettings.Builder#replay}):
 * a file of messages, one JSON object per line as X sent them, served in file order to every connection of its API,
 * at the recorded pace or at a fixed rate. Build with {@link #v2(Path)} or {@link #v1(Path)}, then
 * {@link #atRate(double)} or {@link #atRecordedPace()}, and {@link #looping()} to start over at the end.
 *
 * @param file              the recording: blank lines (keep-alives) are skipped, every other line must be a JSON object
 * @param api               which API's streams serve it; the other API's streams go on generating tweets
 * @param messagesPerSecond the rate; 0 for the recorded pace (the gaps between the lines' {@code created_at}, or v1.1
 *                          {@code timestamp_ms})
 * @param loop              whether to start over at the end of the file; otherwise the stream stays open with only
 *                          keep-alives
 */
public record Replay(Path file, Api api, double messagesPerSecond, boolean loop) {

    /** The APIs a recording can be of. */
    public enum Api {
        /** Lines of X's v2 filtered or sample stream ({@code {"data":..,"includes":..,"matching_rules":..}}). */
        V2("v2"),
        /** Lines of Twitter's v1.1 {@code statuses/filter} (statuses and notices). */
        V1("v1.1");

        private final String label;

        Api(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** {@code v2} or {@code v1.1}. */
        public static Api ofLabel(String label) {
            for (Api api : values()) {
                if (api.label.equalsIgnoreCase(label)) {
                    return api;
                }
            }
            throw new IllegalArgumentException("the replay API must be v2 or v1.1, was " + label);
        }
    }

    public Replay {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(api, "api");
        if (!(messagesPerSecond >= 0 && messagesPerSecond <= SimulatorSettings.MAX_TWEETS_PER_SECOND)) {
            throw new IllegalArgumentException("the replay rate must be in (0, " + SimulatorSettings.MAX_TWEETS_PER_SECOND
                    + "], or 0 for the recorded pace, was " + messagesPerSecond);
        }
    }

    /** A recording of the v2 stream, at the recorded pace, not looping. */
    public static Replay v2(Path file) {
        return new Replay(file, Api.V2, 0, false);
    }

    /** A recording of the v1.1 stream, at the recorded pace, not looping. */
    public static Replay v1(Path file) {
        return new Replay(file, Api.V1, 0, false);
    }

    /** The same, {@code messagesPerSecond} lines a second whatever their times. */
    public Replay atRate(double messagesPerSecond) {
        if (!(messagesPerSecond > 0)) {
            throw new IllegalArgumentException("the replay rate must be > 0, was " + messagesPerSecond);
        }
        return new Replay(file, api, messagesPerSecond, loop);
    }

    /** The same, at the pace the lines were recorded. */
    public Replay atRecordedPace() {
        return new Replay(file, api, 0, loop);
    }

    /** The same, starting over at the end of the file. */
    public Replay looping() {
        return new Replay(file, api, messagesPerSecond, true);
    }

    /** Whether the lines go out at the pace they were recorded. */
    public boolean recordedPace() {
        return messagesPerSecond == 0;
    }

    @Override
    public String toString() {
        return "replay of " + file + " (" + api.label() + ", "
                + (messagesPerSecond == 0 ? "recorded pace" : messagesPerSecond + "/s") + (loop ? ", looping" : "") + ")";
    }
}
