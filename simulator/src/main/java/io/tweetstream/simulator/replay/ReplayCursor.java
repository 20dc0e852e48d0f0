package io.tweetstream.simulator.replay;

import io.tweetstream.simulator.stream.Pace;

import java.time.Duration;
import java.util.List;

/**
 * Where one replay of a recording stands, and when its next line is due: at the replay's rate, or at the recorded
 * gaps from the first line (never earlier than the line before, as X's delivery is out of order by a few seconds and
 * file order is kept). At the end of the file it starts over when looping, a lap after its start; otherwise nothing
 * more is ever due. One cursor per v1.1 stream or v2 run; not thread-safe.
 */
public final class ReplayCursor implements Pace {

    /** Far enough ahead to be never, near enough that nanoTime arithmetic cannot overflow. */
    private static final long NEVER_NANOS = Duration.ofDays(365 * 50L).toNanos();

    private final List<RecordedLine> lines;
    private final boolean loop;
    private final double periodNanos;
    private final long[] offsetNanos;
    private final long lapNanos;
    private long startNanos;
    private int index;
    private long lap;

    ReplayCursor(Recording recording, long startNanos) {
        this.lines = recording.lines();
        this.loop = recording.replay().loop();
        this.periodNanos = recording.replay().recordedPace() ? 0 : 1e9 / recording.replay().messagesPerSecond();
        this.offsetNanos = recordedOffsets(lines);
        long last = offsetNanos[offsetNanos.length - 1];
        // Looping at the recorded pace: the next lap starts one mean gap after the last line.
        this.lapNanos = periodNanos > 0 ? Math.round(periodNanos * lines.size())
                : last + (lines.size() > 1 ? last / (lines.size() - 1) : 1_000_000_000L);
        this.startNanos = startNanos;
    }

    /** The line due next, or {@code null} once a replay that does not loop has sent the last. */
    public RecordedLine current() {
        return index < lines.size() ? lines.get(index) : null;
    }

    @Override
    public long nextDueNanos() {
        if (index >= lines.size()) {
            return startNanos + NEVER_NANOS;
        }
        long offset = periodNanos > 0 ? Math.round(periodNanos * index) : offsetNanos[index];
        return startNanos + lap * lapNanos + offset;
    }

    @Override
    public void advance(long nowNanos) {
        if (index >= lines.size()) {
            return;
        }
        index++;
        if (index == lines.size() && loop) {
            index = 0;
            lap++;
        }
    }

    @Override
    public void restartAt(long nowNanos) {
        if (index < lines.size()) {
            startNanos += nowNanos - nextDueNanos();
        }
    }

    private static long[] recordedOffsets(List<RecordedLine> lines) {
        long[] offsets = new long[lines.size()];
        java.time.Instant first = null;
        for (int i = 0; i < lines.size(); i++) {
            java.time.Instant at = lines.get(i).recordedAt();
            if (first == null && at != null) {
                first = at;
            }
            long offset = at == null || first == null ? 0 : Duration.between(first, at).toNanos();
            offsets[i] = i == 0 ? Math.max(0, offset) : Math.max(offsets[i - 1], offset);
        }
        return offsets;
    }
}
