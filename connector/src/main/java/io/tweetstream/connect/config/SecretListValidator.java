package io.tweetstream.connect.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Accepts a comma-separated list of non-blank secrets, or nothing at all (which of the secrets the
 * chosen API needs is checked with the other keys). Errors name the position of a bad entry and
 * never its value: the {@link Password} passed to {@link ConfigException} prints as "[hidden]".
 */
final class SecretListValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        Password password = (Password) value;
        if (password == null || password.value() == null) {
            return;
        }
        if (password.value().isBlank()) {
            throw new ConfigException(name, password, "Must not be empty");
        }
        String[] entries = password.value().split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            if (entries[i].isBlank()) {
                throw new ConfigException(name, password,
                        "Entry " + (i + 1) + " of " + entries.length + " is empty");
            }
        }
    }

    @Override
    public String toString() {
        return "non-empty, comma-separated, when set";
    }
}
