package io.tweetstream.connect.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Accepts one secret without blanks, or nothing (whether the chosen API needs it is checked with the
 * other keys). Errors never show the value: {@link Password} prints as "[hidden]".
 */
final class SecretValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        Password password = (Password) value;
        if (password == null || password.value() == null) {
            return;
        }
        if (password.value().isBlank()) {
            throw new ConfigException(name, password, "Must not be empty");
        }
        if (password.value().strip().chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException(name, password, "Must not contain whitespace");
        }
    }

    @Override
    public String toString() {
        return "non-empty, when set";
    }
}
