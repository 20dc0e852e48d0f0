package io.tweetstream.connect.config;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** A list of fractions above 0 and at most 1, e.g. {@code 0.5,0.8,0.9}; empty for none. */
public final class FractionsValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> fractions = (List<String>) value;
        for (String fraction : fractions) {
            double parsed;
            try {
                parsed = Double.parseDouble(fraction.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(name, value, "'" + fraction + "' is not a number");
            }
            if (!(parsed > 0 && parsed <= 1)) {
                throw new ConfigException(name, value, "'" + fraction + "' is not a fraction above 0 and at most 1");
            }
        }
    }

    @Override
    public String toString() {
        return "fractions above 0 and at most 1, comma-separated, e.g. 0.5,0.8,0.9";
    }
}
