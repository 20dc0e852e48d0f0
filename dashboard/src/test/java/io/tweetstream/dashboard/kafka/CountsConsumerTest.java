package io.tweetstream.dashboard.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

class CountsConsumerTest {

    @Test
    void fetchesARecordAsSoonAsItIsWrittenAndNeverWaitsLongerThanATenthOfASecond() {
        Properties config = CountsConsumer.config("localhost:9092");

        assertThat(config.getProperty(ConsumerConfig.FETCH_MIN_BYTES_CONFIG)).isEqualTo("1");
        assertThat(Integer.parseInt(config.getProperty(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG))).isBetween(1, 100);
    }

    @Test
    void neitherJoinsAGroupNorCommitsNorCreatesTheTopic() {
        Properties config = CountsConsumer.config("localhost:9092");

        assertThat(config).doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG);
        assertThat(config.getProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG)).isEqualTo("false");
        assertThat(config.getProperty(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG)).isEqualTo("false");
    }
}
