package io.tweetstream.connect.v1;

import io.tweetstream.connect.config.BoundingBox;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one stream asks Twitter for: tweets matching any track phrase, from any followed user or
 * from any location box, optionally restricted to some languages.
 */
public record StreamFilter(
        List<String> track, List<Long> follow, List<BoundingBox> locations, List<String> languages) {

    public StreamFilter {
        track = List.copyOf(track);
        follow = List.copyOf(follow);
        locations = List.copyOf(locations);
        languages = List.copyOf(languages);
    }

    /** True when the filter selects nothing, which Twitter rejects. */
    public boolean selectsNothing() {
        return track.isEmpty() && follow.isEmpty() && locations.isEmpty();
    }

    /**
     * A stable, readable description of the filter, e.g. {@code track=kafka,spark;follow=12}; used as
     * the source partition, so that the offsets of one filter are never mistaken for another's.
     */
    public String describe() {
        StringBuilder description = new StringBuilder();
        append(description, "track", String.join(",", track));
        append(description, "follow", follow.stream().map(String::valueOf).collect(Collectors.joining(",")));
        append(description, "locations",
                locations.stream().map(BoundingBox::toString).collect(Collectors.joining(";")));
        append(description, "language", String.join(",", languages));
        return description.toString();
    }

    private static void append(StringBuilder description, String name, String values) {
        if (!values.isEmpty()) {
            if (description.length() > 0) {
                description.append(' ');
            }
            description.append(name).append('=').append(values);
        }
    }
}
