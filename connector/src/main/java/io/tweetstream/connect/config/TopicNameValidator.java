package io.tweetstream.connect.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;

/**
 * Applies Kafka's own topic-name rules (at most 249 characters of ASCII letters, digits, '.', '_' and
 * '-', not '.' or '..'), so that a bad name fails validation instead of the task's first send.
 */
final class TopicNameValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        if (value == null) {
            throw new ConfigException(name, null, "A topic name is required");
        }
        try {
            Topic.validate((String) value);
        } catch (InvalidTopicException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "a Kafka topic name: ASCII letters, digits, '.', '_' and '-', at most 249 characters";
    }
}
