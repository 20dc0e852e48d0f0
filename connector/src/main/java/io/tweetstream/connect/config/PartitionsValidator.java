package io.tweetstream.connect.config;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/**
 * Partition numbers of a partitioned stream: whole numbers from 1, each once. Their upper bound is
 * the stream's (20 on the firehose, 2 on sample10), which the stream's adapter checks.
 */
final class PartitionsValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> partitions = (List<String>) value;
        Set<Integer> seen = new HashSet<>();
        for (String partition : partitions) {
            int number;
            try {
                number = Integer.parseInt(partition.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(name, value, "'" + partition + "' is not a partition number");
            }
            if (number < 1) {
                throw new ConfigException(name, value, "partitions are numbered from 1, and " + number + " is not");
            }
            if (!seen.add(number)) {
                throw new ConfigException(name, value, "partition " + number + " is named twice");
            }
        }
    }

    /** The numbers, in the order given. */
    static List<Integer> parse(List<String> partitions) {
        return partitions.stream().map(String::trim).map(Integer::parseInt).toList();
    }

    @Override
    public String toString() {
        return "partition numbers from 1, e.g. 1,2,3 (empty: all of the stream's)";
    }
}
