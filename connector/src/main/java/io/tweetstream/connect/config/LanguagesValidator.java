package io.tweetstream.connect.config;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** BCP 47 language tags such as {@code en}, {@code pt} or {@code zh-cn}. */
final class LanguagesValidator implements ConfigDef.Validator {

    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");

    @Override
    public void ensureValid(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> languages = (List<String>) value;
        for (String language : languages) {
            if (!TAG.matcher(language.trim()).matches()) {
                throw new ConfigException(name, value,
                        "'" + language + "' is not a BCP 47 language code such as 'en' or 'es'");
            }
        }
    }

    @Override
    public String toString() {
        return "BCP 47 language codes";
    }
}
