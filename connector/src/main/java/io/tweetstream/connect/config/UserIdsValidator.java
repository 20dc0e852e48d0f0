package io.tweetstream.connect.config;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Numeric, positive user ids, at most as many as one connection may follow. */
final class UserIdsValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> ids = (List<String>) value;
        if (ids.size() > TwitterSourceConfig.MAX_FOLLOW_IDS_PER_CONNECTION) {
            throw new ConfigException(name, ids.size() + " ids", "Twitter allows at most "
                    + TwitterSourceConfig.MAX_FOLLOW_IDS_PER_CONNECTION + " followed users per connection");
        }
        for (String id : ids) {
            try {
                if (Long.parseLong(id.trim()) <= 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new ConfigException(name, value,
                        "'" + id + "' is not a user id: ids are positive numbers, not screen names");
            }
        }
    }

    @Override
    public String toString() {
        return "numeric user ids";
    }
}
