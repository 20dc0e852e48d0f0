package io.tweetstream.connect.v2.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The result lines of a compliance job, in the shapes of x-api/compliance/batch-compliance. */
class JobResultTest {

    @Test
    void readsADeleteWithItsTime() {
        JobResult result = JobResult.parse("{\"id\":\"1234567890\",\"action\":\"delete\",\"created_at\":"
                + "\"2024-01-10T12:00:00.000Z\",\"redacted_at\":\"2024-01-12T08:30:00.000Z\",\"reason\":\"deleted\","
                + "\"deleted_at\":\"2024-01-12T08:30:00.000Z\"}");

        assertThat(result).isEqualTo(new JobResult(1_234_567_890L, "delete", "deleted",
                Instant.parse("2024-01-12T08:30:00Z")));
        assertThat(result.delete()).isTrue();
    }

    @Test
    void readsOtherActionsAndANullTime() {
        JobResult edited = JobResult.parse("{\"id\":\"42\",\"action\":\"rehydrate\",\"reason\":\"tweet_edited\"}");
        JobResult suspended = JobResult.parse("{\"id\":\"43\",\"action\":\"delete\",\"reason\":\"suspended\","
                + "\"redacted_at\":null}");

        assertThat(edited.delete()).isFalse();
        assertThat(edited.action()).isEqualTo("rehydrate");
        assertThat(suspended.delete()).isTrue();
        assertThat(suspended.redactedAt()).isNull();
    }

    @Test
    void errorLinesAndUnreadableOnesSayWhy() {
        assertThatThrownBy(() -> JobResult.parse("{\"id\":\"not_a_valid_id\",\"error\":\"invalid_id\"}"))
                .hasMessage("X could not check id 'not_a_valid_id': invalid_id");
        assertThatThrownBy(() -> JobResult.parse("not json")).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> JobResult.parse("[1]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> JobResult.parse("{\"id\":\"42\"}")).hasMessageContaining("without an action");
    }
}
