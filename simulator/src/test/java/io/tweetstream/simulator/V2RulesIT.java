package io.tweetstream.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.tweetstream.simulator.testing.Json;
import io.tweetstream.simulator.testing.V2Client;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import static io.tweetstream.simulator.testing.V2Client.RULES;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /2/tweets/search/stream/rules} over real HTTP, answered as X answers. */
class V2RulesIT {

    private StreamSimulator simulator;
    private V2Client client;

    @BeforeEach
    void start() {
        simulator = StreamSimulator.start(SimulatorSettings.builder()
                .acceptedBearerTokens(Set.of(V2Client.TOKEN, "second-token"))
                .v2MaxRules(3)
                .v2MaxRuleLength(40)
                .build());
        client = new V2Client(simulator);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void refusesRequestsWithoutAnAcceptedBearerToken() throws Exception {
        for (V2Client stranger : new V2Client[]{new V2Client(simulator, null), new V2Client(simulator, "wrong")}) {
            V2Client.Answer answer = stranger.get(RULES);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.response().headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(answer.body()).isEqualTo(Json.parse(
                    "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}"));
        }
        assertThat(stranger("wrong").post(RULES, "{\"add\":[{\"value\":\"kafka\"}]}").status()).isEqualTo(401);
        assertThat(simulator.rules()).isEmpty();
    }

    @Test
    void aRevokedTokenIsRefusedFromThenOnAndTheOthersStillTaken() throws Exception {
        assertThat(client.get(RULES).status()).isEqualTo(200);

        simulator.revokeBearerToken(V2Client.TOKEN);

        assertThat(client.get(RULES).status()).isEqualTo(401);
        assertThat(client.get("2/usage/tweets").status()).isEqualTo(401);
        assertThat(stranger("second-token").get(RULES).status()).isEqualTo(200);
    }

    @Test
    void addsListsAndDeletesRulesSharedByEveryToken() throws Exception {
        V2Client.Answer empty = client.get(RULES);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body().has("data")).isFalse();
        assertThat(empty.body().path("meta").path("result_count").asInt()).isZero();
        assertSentJustNow(empty.body());

        V2Client.Answer added = client.post(RULES,
                "{\"add\":[{\"value\":\"kafka lang:en\",\"tag\":\"kafka\"},{\"value\":\"#spark\"}]}");
        assertThat(added.status()).isEqualTo(201);
        JsonNode data = added.body().path("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).path("value").asText()).isEqualTo("kafka lang:en");
        assertThat(data.get(0).path("tag").asText()).isEqualTo("kafka");
        assertThat(data.get(1).has("tag")).isFalse();
        assertThat(data.findValuesAsText("id")).allMatch(id -> id.matches("[1-9][0-9]+"));
        assertThat(added.body().path("meta").path("summary")).isEqualTo(Json.parse(
                "{\"created\":2,\"not_created\":0,\"valid\":2,\"invalid\":0}"));
        assertSentJustNow(added.body());

        V2Client.Answer listed = stranger("second-token").get(RULES);
        assertThat(listed.body().path("data")).isEqualTo(data);
        assertThat(listed.body().path("meta").path("result_count").asInt()).isEqualTo(2);
        String kafkaId = data.get(0).path("id").asText();
        assertThat(client.get(RULES + "?ids=" + kafkaId + ",123").body().path("data").findValuesAsText("value"))
                .containsExactly("kafka lang:en");
        assertThat(simulator.rules()).extracting(StreamRule::id).containsExactlyElementsOf(data.findValuesAsText("id"));

        V2Client.Answer deleted = client.post(RULES, "{\"delete\":{\"ids\":[\"" + kafkaId + "\",\"123\"]}}");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().path("meta").path("summary")).isEqualTo(Json.parse("{\"deleted\":1,\"not_deleted\":1}"));
        JsonNode notFound = deleted.body().path("errors").get(0);
        assertThat(notFound.path("value").asText()).isEqualTo("123");
        assertThat(notFound.path("title").asText()).isEqualTo("Not Found Error");
        assertThat(notFound.path("type").asText()).isEqualTo("https://api.twitter.com/2/problems/resource-not-found");
        assertThat(simulator.rules()).extracting(StreamRule::value).containsExactly("#spark");
        assertThat(simulator.ruleChanges()).extracting(RuleChange::kind)
                .containsExactly(RuleChange.Kind.ADDED, RuleChange.Kind.ADDED, RuleChange.Kind.DELETED);
    }

    @Test
    void listsTheRulesInPagesLinkedByNextToken() throws Exception {
        List<String> added = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) { // the cap of this simulator
            added.add(client.addRule("paging" + i, "p" + i));
        }

        List<String> listed = new java.util.ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            V2Client.Answer page = client.get(V2Client.RULES + "?max_results=2" + (token == null ? "" : "&pagination_token=" + token));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body().path("meta").path("result_count").asInt()).isBetween(1, 2);
            page.body().path("data").forEach(rule -> listed.add(rule.path("id").asText()));
            token = page.body().path("meta").path("next_token").asText(null);
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(2);
        assertThat(listed).containsExactlyInAnyOrderElementsOf(added);
        assertThat(client.get(V2Client.RULES).body().path("meta").has("next_token")).as("one page of up to 1,000").isFalse();
        assertThat(client.get(V2Client.RULES + "?max_results=1001").status()).isEqualTo(400);
        assertThat(client.get(V2Client.RULES + "?pagination_token=nonsense").status()).isEqualTo(400);
    }

    @Test
    void aDryRunReportsAsARealChangeButChangesNothing() throws Exception {
        V2Client.Answer dryAdd = client.post(RULES + "?dry_run=true", "{\"add\":[{\"value\":\"kafka\",\"tag\":\"k\"}]}");
        assertThat(dryAdd.status()).isEqualTo(201);
        assertThat(dryAdd.body().path("data").get(0).path("id").asText()).matches("[1-9][0-9]+");
        assertThat(dryAdd.body().path("meta").path("summary").path("created").asInt()).isEqualTo(1);
        assertThat(simulator.rules()).isEmpty();

        String id = client.addRule("kafka", "k");
        V2Client.Answer dryDelete = client.post(RULES + "?dry_run=true", "{\"delete\":{\"ids\":[\"" + id + "\"]}}");
        assertThat(dryDelete.body().path("meta").path("summary").path("deleted").asInt()).isEqualTo(1);
        assertThat(simulator.rules()).extracting(StreamRule::id).containsExactly(id);
        assertThat(simulator.ruleChanges()).hasSize(1);
    }

    @Test
    void aValueThatExistsIsNotCreatedWhateverItsTag() throws Exception {
        String id = client.addRule("kafka", "first");

        V2Client.Answer answer = client.post(RULES, "{\"add\":[{\"value\":\"kafka\",\"tag\":\"other\"},{\"value\":\"flink\"}]}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("data").findValuesAsText("value")).containsExactly("flink");
        assertThat(answer.body().path("errors")).isEqualTo(Json.parse("[{\"value\":\"kafka\",\"id\":\"" + id
                + "\",\"title\":\"DuplicateRule\",\"type\":\"https://api.twitter.com/2/problems/duplicate-rules\"}]"));
        assertThat(answer.body().path("meta").path("summary")).isEqualTo(Json.parse(
                "{\"created\":1,\"not_created\":1,\"valid\":2,\"invalid\":0}"));
        assertThat(simulator.rules()).extracting(StreamRule::tag).containsExactly("first", null);
    }

    @Test
    void refusesInvalidAndTooLongRulesAndAppliesNothingOfTheRequest() throws Exception {
        String tooLong = "kafka " + "x".repeat(40);
        V2Client.Answer answer = client.post(RULES, "{\"add\":[{\"value\":\"kafka\"},{\"value\":\"-spark\"},"
                + "{\"value\":\"" + tooLong + "\"},{\"value\":\"url:x.com\"},{\"value\":\"\"}]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().path("title").asText()).isEqualTo("Invalid Request");
        assertThat(answer.body().path("detail").asText()).isEqualTo("One or more parameters to your request was invalid.");
        assertThat(answer.body().path("type").asText()).isEqualTo("https://api.twitter.com/2/problems/invalid-request");
        JsonNode errors = answer.body().path("errors");
        assertThat(errors.findValuesAsText("value")).containsExactly("-spark", tooLong, "url:x.com", "");
        assertThat(errors.findValuesAsText("title")).containsOnly("UnprocessableEntity");
        assertThat(errors.findValuesAsText("type")).containsOnly("https://api.twitter.com/2/problems/invalid-rules");
        assertThat(errors.get(1).path("details").get(0).asText()).contains("too long");
        assertThat(errors.get(2).path("details").get(0).asText()).contains("'url:' is not supported");
        assertThat(simulator.rules()).isEmpty();
    }

    @Test
    void refusesAddsBeyondTheRuleCapWholly() throws Exception {
        client.addRule("a", null);
        client.addRule("b", null);

        V2Client.Answer answer = client.post(RULES, "{\"add\":[{\"value\":\"c\"},{\"value\":\"d\"}]}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).isEqualTo(Json.parse("{\"title\":\"RulesCapExceeded\",\"detail\":\"Rule creation failed. "
                + "You have reached the maximum number of rules allowed\",\"type\":\"https://api.twitter.com/2/problems/rule-cap\"}"));
        assertThat(simulator.rules()).extracting(StreamRule::value).containsExactly("a", "b");
    }

    @Test
    void refusesBodiesItCannotRead() throws Exception {
        for (String body : new String[]{"{\"add\":[{\"value\":", "", "[]", "{\"add\":[]}", "{\"add\":[{\"tag\":\"x\"}]}",
                "{\"delete\":{\"ids\":[1]}}", "{\"add\":[{\"value\":\"a\"}],\"delete\":{\"ids\":[\"1\"]}}"}) {
            V2Client.Answer answer = client.post(RULES, body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body().path("title").asText()).isEqualTo("Invalid Request");
            assertThat(answer.body().path("type").asText()).isEqualTo("https://api.twitter.com/2/problems/invalid-request");
            assertThat(answer.body().path("detail").asText()).isNotBlank();
        }
        assertThat(client.post(RULES, "{\"add\":[{\"value\":").body().path("detail").asText()).contains("not valid JSON");
        assertThat(client.post(RULES + "?dryrun=true", "{\"add\":[{\"value\":\"a\"}]}").status()).isEqualTo(400);
        assertThat(simulator.rules()).isEmpty();
    }

    private V2Client stranger(String token) {
        return new V2Client(simulator, token);
    }

    private static void assertSentJustNow(JsonNode body) {
        String sent = body.path("meta").path("sent").asText();
        assertThat(sent).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(Instant.parse(sent)).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(5, ChronoUnit.SECONDS));
    }
}
