package io.tweetstream.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one accepted stream: a v1.1 {@code statuses/filter} stream, or a v2 filtered, sample, firehose or
 * sample10 stream.
 *
 * @param id          1 for the first stream a simulator accepted, then 2, 3, ... (v1.1 and v2 alike)
 * @param track       the track phrases, as sent; the v1.1 filter fields are empty for v2 streams
 * @param follow      the followed user ids
 * @param locations   the location boxes
 * @param languages   the language codes
 * @param consumerKey the OAuth consumer key the client presented (not a secret; the consumer secret is never
 *                    sent); {@code null} for v2 streams, whose bearer token is a secret and not kept
 * @param openedAt    when the stream was accepted
 * @param closedAt    when it ended, or {@code null} while it is open. A client that goes away is noticed at
 *                    the next write, as by any server: within one tweet period or one keep-alive interval.
 * @param tweetsSent  statuses written so far
 * @param endpoint    the API the stream was opened on
 * @param tweetsDropped v2 tweets not written because the client read too slowly and the connection's backlog
 *                    ({@link SimulatorSettings#v2ConnectionBacklog()}) was full; 0 on v1.1
 * @param recovery    whether it is a Recovery stream: a v2 filtered stream opened with {@code start_time} and
 *                    {@code end_time}, which re-streams a past period and ends; it does not take a live connection's
 *                    slot (at most {@link StreamSimulator#MAX_RECOVERY_STREAMS} are open at once); on the
 *                    partitioned volume streams, one opened with {@code start_time} likewise (per partition)
 * @param partition   the partition it was opened on ({@code ?partition=N}) on X's partitioned volume streams
 *                    ({@link StreamEndpoint#partitioned()}); 0 on the other streams
 */
public record ConnectionInfo(
        long id,
        List<String> track,
        List<Long> follow,
        List<LocationBox> locations,
        List<String> languages,
        String consumerKey,
        Instant openedAt,
        Instant closedAt,
        long tweetsSent,
        StreamEndpoint endpoint,
        long tweetsDropped,
        boolean recovery,
        int partition) {

    public ConnectionInfo {
        track = List.copyOf(track);
        follow = List.copyOf(follow);
        locations = List.copyOf(locations);
        languages = List.copyOf(languages);
    }

    /** Whether the stream is still being written. */
    public boolean open() {
        return closedAt == null;
    }
}
