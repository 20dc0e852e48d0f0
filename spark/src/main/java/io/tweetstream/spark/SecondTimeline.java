package io.tweetstream.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.streaming.ExpiredTimerInfo;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StatefulProcessor;
import org.apache.spark.sql.streaming.TTLConfig;
import org.apache.spark.sql.streaming.TimeMode;
import org.apache.spark.sql.streaming.TimerValues;
import org.apache.spark.sql.streaming.ValueState;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The life of one second's count, keyed by the second's start (a {@code transformWithState}
 * processor in event time): provisional while the second is open, final once the watermark has
 * passed its end, then late corrections for what still arrives.
 *
 * <ul>
 *   <li>A batch that brings tweets of an open second (its end after the batch's watermark) adds
 *       them to the second's state and publishes the count so far, {@link CountStatus#PROVISIONAL}.
 *   <li>The second's event-time timer, at its end, fires in the first batch whose watermark has
 *       passed it: the state is published as {@link CountStatus#FINAL} and forgotten.
 *   <li>Tweets of a second whose end the batch's watermark has passed are late: that batch
 *       publishes them as a {@link CountStatus#LATE} correction of their own, to be added to the
 *       final count (after the final count, if the timer has not fired yet). None is dropped, and
 *       nothing is kept for them.
 * </ul>
 */
final class SecondTimeline extends StatefulProcessor<Long, SecondPartial, SecondCount> {

    private static final long serialVersionUID = 1L;

    private static final long SECOND_MS = 1000;

    private transient ValueState<SecondState> counts;

    @Override
    public void init(OutputMode outputMode, TimeMode timeMode) {
        counts = getHandle().getValueState("counts", Encoders.bean(SecondState.class), TTLConfig.NONE());
    }

    @Override
    public Iterator<SecondCount> handleInputRows(Long second, Iterator<SecondPartial> partials, TimerValues time) {
        SecondState arrived = new SecondState();
        partials.foreach(partial -> {
            arrived.add(partial);
            return null;
        });
        long end = second + SECOND_MS;
        long now = time.getCurrentProcessingTimeInMs();
        List<SecondCount> published = new ArrayList<>(2);
        if (end <= time.getCurrentWatermarkInMs()) {
            if (counts.exists()) {
                published.add(publishFinal(second, now));
            }
            published.add(new SecondCount(second, CountStatus.LATE, arrived, now));
        } else {
            SecondState sofar = counts.exists() ? counts.get() : null;
            if (sofar == null) {
                sofar = new SecondState();
                getHandle().registerTimer(end);
            }
            sofar.add(arrived);
            counts.update(sofar);
            published.add(new SecondCount(second, CountStatus.PROVISIONAL, sofar, now));
        }
        return CollectionConverters.asScala(published.iterator());
    }

    @Override
    public Iterator<SecondCount> handleExpiredTimer(Long second, TimerValues time, ExpiredTimerInfo timer) {
        if (!counts.exists()) {
            return CollectionConverters.asScala(List.<SecondCount>of().iterator());
        }
        // The timer has fired: Spark deletes it.
        SecondCount published = new SecondCount(second, CountStatus.FINAL, counts.get(), time.getCurrentProcessingTimeInMs());
        counts.clear();
        return CollectionConverters.asScala(List.of(published).iterator());
    }

    /** The final count from the data path, where the second's timer has not fired yet. */
    private SecondCount publishFinal(long second, long now) {
        SecondCount published = new SecondCount(second, CountStatus.FINAL, counts.get(), now);
        counts.clear();
        getHandle().deleteTimer(second + SECOND_MS);
        return published;
    }
}
