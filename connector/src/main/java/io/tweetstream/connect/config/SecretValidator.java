package io.tweetstream.connect.config;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * Accepts one secret, or a comma-separated list of them, or nothing at all (which secrets the chosen
 * API needs is checked with the other keys). Errors name the position of a bad entry and never its
 * value: the {@link Password} passed to {@link ConfigException} prints as "[hidden]".
 */
final class SecretValidator implements ConfigDef.Validator {

    private final boolean commaSeparated;

    private SecretValidator(boolean commaSeparated) {
        this.commaSeparated = commaSeparated;
    }

    /** One secret, such as a bearer token, without whitespace. */
    static SecretValidator single() {
        return new SecretValidator(false);
    }

    /** Comma-separated secrets, none of them blank. */
    static SecretValidator list() {
        return new SecretValidator(true);
    }

    @Override
    public void ensureValid(String name, Object value) {
        Password password = (Password) value;
        if (password == null || password.value() == null) {
            return;
        }
        if (password.value().isBlank()) {
            throw new ConfigException(name, password, "Must not be empty");
        }
        if (!commaSeparated) {
            if (password.value().strip().chars().anyMatch(Character::isWhitespace)) {
                throw new ConfigException(name, password, "Must not contain whitespace");
            }
            return;
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
        return commaSeparated ? "non-empty, comma-separated, when set" : "non-empty, without whitespace, when set";
    }
}
