package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.ComplianceEvent;
import io.tweetstream.simulator.generate.SnowflakeIds;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results of a {@code tweets} batch compliance job, from the same world as the Post compliance stream: for each
 * uploaded id, the state the simulator's compliance events (and {@code scrubGeo} records) give its Post at the moment
 * processing ended, as one line of newline-delimited JSON, or nothing when it is clean ("absence means clean",
 * x-api/compliance/batch-compliance/integrate.mdx). One line per id, the highest impact one:
 * <ol>
 *   <li>{@code delete}/{@code deleted}: a {@code delete} of the Post;</li>
 *   <li>{@code delete}/{@code protected}: a {@code drop} (no longer public) not undone by an {@code undrop};</li>
 *   <li>{@code rehydrate}/{@code tweet_edited}: a {@code tweet_edit} made a newer version of it;</li>
 *   <li>{@code scrub_geo}/{@code geo_scrubbed}: its author removed its geo data.</li>
 * </ol>
 * A {@code withheld} is no batch action in X's docs: such a Post is absent. Ids come in upload order, repeats once, then
 * the invalid lines as {@code {"id":"<line>","error":"invalid_id"}}.
 */
final class ComplianceJobResults {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What is known of one Post; the times are those of the events, {@code null} for none. */
    private static final class Post {
        Instant deleted;
        Instant dropped;
        Instant edited;
        Instant scrubbed;
    }

    private ComplianceJobResults() {
    }

    /**
     * @param events   the compliance events made, oldest first; those after {@code asOf} are left out
     * @param scrubbed when each Post had its geo data scrubbed
     * @return the lines, each ending with a newline
     */
    static List<String> of(UploadedIds uploaded, boolean tweets, List<ComplianceEvent> events,
                           Map<Long, Instant> scrubbed, Instant asOf) {
        Map<Long, Post> posts = tweets ? posts(events, scrubbed, asOf) : Map.of();
        Set<Long> written = new HashSet<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < uploaded.count(); i++) {
            long id = uploaded.id(i);
            Post post = posts.get(id);
            if (post != null && written.add(id)) {
                lines.add(line(id, post) + "\n");
            }
        }
        for (String invalid : new LinkedHashSet<>(uploaded.invalid())) {
            lines.add(NODES.objectNode().put("id", invalid).put("error", "invalid_id") + "\n");
        }
        return lines;
    }

    private static Map<Long, Post> posts(List<ComplianceEvent> events, Map<Long, Instant> scrubbed, Instant asOf) {
        Map<Long, Post> posts = new HashMap<>();
        for (ComplianceEvent event : events) {
            if (event.eventAt().isAfter(asOf)) {
                continue;
            }
            Instant at = event.eventAt();
            switch (event.type()) {
                case ComplianceEvent.DELETE -> {
                    Post post = post(posts, event.tweetId());
                    post.deleted = post.deleted == null ? at : post.deleted;
                }
                case ComplianceEvent.DROP -> post(posts, event.tweetId()).dropped = at;
                case ComplianceEvent.UNDROP -> post(posts, event.tweetId()).dropped = null;
                case ComplianceEvent.TWEET_EDIT -> {
                    // Every version before the new one is stale now, not only the one edited.
                    List<Long> versions = event.editTweetIds();
                    versions.subList(0, versions.size() - 1).forEach(version -> post(posts, version).edited = at);
                }
                default -> {
                    // withheld: not a batch compliance action
                }
            }
        }
        scrubbed.forEach((id, at) -> {
            if (!at.isAfter(asOf)) {
                post(posts, id).scrubbed = at;
            }
        });
        posts.values().removeIf(post -> post.deleted == null && post.dropped == null && post.edited == null
                && post.scrubbed == null);
        return posts;
    }

    private static Post post(Map<Long, Post> posts, long id) {
        return posts.computeIfAbsent(id, ignored -> new Post());
    }

    private static String line(long id, Post post) {
        ObjectNode line = NODES.objectNode().put("id", Long.toString(id));
        if (post.deleted != null || post.dropped != null) {
            Instant at = post.deleted != null ? post.deleted : post.dropped;
            line.put("action", "delete").put("reason", post.deleted != null ? "deleted" : "protected");
            // deleted_at: an alias of redacted_at that X adds to deletions for consumers of its older format.
            return dated(line, id, at).put("deleted_at", V2Json.time(at)).toString();
        }
        if (post.edited != null) {
            return dated(line.put("action", "rehydrate").put("reason", "tweet_edited"), id, post.edited).toString();
        }
        return dated(line.put("action", "scrub_geo").put("reason", "geo_scrubbed"), id, post.scrubbed).toString();
    }

    /** The Post's {@code created_at} (from its Snowflake id, in whole seconds as the v2 streams show it) and the event's. */
    private static ObjectNode dated(ObjectNode line, long id, Instant at) {
        return line.put("created_at", V2Json.time(SnowflakeIds.createdAt(id).truncatedTo(ChronoUnit.SECONDS)))
                .put("redacted_at", V2Json.time(at));
    }
}
