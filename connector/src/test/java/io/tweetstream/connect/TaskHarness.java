package io.tweetstream.connect;

import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

/**
 * Tasks started outside a worker as a worker starts them (with no stored offsets), polled like a
 * worker polls them, and all stopped by {@link #close()}.
 */
final class TaskHarness implements AutoCloseable {

    private final List<TwitterSourceTask> tasks = new ArrayList<>();
    private final Duration deadline;

    TaskHarness(Duration deadline) {
        this.deadline = deadline;
    }

    TwitterSourceTask start(Map<String, String> props) {
        OffsetStorageReader offsets = mock(OffsetStorageReader.class);
        when(offsets.offset(any())).thenReturn(null);
        SourceTaskContext context = mock(SourceTaskContext.class);
        when(context.offsetStorageReader()).thenReturn(offsets);
        TwitterSourceTask task = new TwitterSourceTask();
        task.initialize(context);
        tasks.add(task);
        task.start(props);
        return task;
    }

    /** Polls until at least {@code count} records came, failing after the deadline. */
    List<SourceRecord> pollUntil(TwitterSourceTask task, int count) {
        List<SourceRecord> records = new ArrayList<>();
        await().atMost(deadline).until(() -> {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                records.addAll(batch);
            }
            return records.size() >= count;
        });
        return records;
    }

    @Override
    public void close() {
        tasks.forEach(TwitterSourceTask::stop);
    }
}
