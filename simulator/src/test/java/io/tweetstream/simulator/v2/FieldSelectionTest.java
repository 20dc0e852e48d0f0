package io.tweetstream.simulator.v2;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FieldSelectionTest {

    @Test
    void readsCommaListsAndAcceptsNamesXKnowsThatTheSimulatorHasNoDataFor() throws Exception {
        FieldSelection fields = FieldSelection.parse(Map.of("tweet.fields", "created_at,author_id,attachments",
                "user.fields", "username,public_metrics", "place.fields", "geo", "expansions", "author_id,geo.place_id",
                "media.fields", "url"));

        assertThat(fields.tweetFields()).containsExactlyInAnyOrder("created_at", "author_id", "attachments");
        assertThat(fields.userField("public_metrics")).isTrue();
        assertThat(fields.placeField("geo")).isTrue();
        assertThat(fields.expands("geo.place_id")).isTrue();
        assertThat(FieldSelection.parse(Map.of())).isEqualTo(FieldSelection.DEFAULT);
    }

    @Test
    void refusesUnknownNamesAndParametersListingEachAsX() {
        Map<String, String> query = new TreeMap<>(Map.of("tweet.fields", "lang,bogus,nope", "expansions", "author",
                "colour", "red"));

        assertThatThrownBy(() -> FieldSelection.parse(query))
                .isInstanceOfSatisfying(InvalidParametersException.class, e -> {
                    assertThat(e.problems()).extracting(InvalidParametersException.Problem::parameter)
                            .containsExactly("colour", "tweet.fields", "expansions");
                    assertThat(e.problems().get(1).values()).isEqualTo(List.of("bogus", "nope"));
                    assertThat(e.problems().get(1).message()).startsWith(
                            "The `tweet.fields` query parameter value [bogus,nope] is not one of [article,attachments,author_id,");
                    assertThat(e.problems().get(0).message()).isEqualTo("The query parameter [colour] is not one of "
                            + "[backfill_minutes,end_time,expansions,media.fields,place.fields,poll.fields,start_time,tweet.fields,"
                            + "user.fields]");
                });
    }
}
