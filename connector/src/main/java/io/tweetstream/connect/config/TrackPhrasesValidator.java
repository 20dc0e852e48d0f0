package io.tweetstream.connect.config;

import java.util.List;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

/** Each track phrase must be non-blank and at most 60 bytes, as Twitter requires. */
final class TrackPhrasesValidator implements ConfigDef.Validator {

    @Override
    public void ensureValid(String name, Object value) {
        @SuppressWarnings("unchecked")
        List<String> phrases = (List<String>) value;
        for (int i = 0; i < phrases.size(); i++) {
            String phrase = TrackPhrases.normalize(phrases.get(i));
            if (phrase.isEmpty()) {
                throw new ConfigException(name, value, "Phrase " + (i + 1) + " is empty");
            }
            int bytes = TrackPhrases.utf8Length(phrase);
            if (bytes > TrackPhrases.MAX_PHRASE_BYTES) {
                throw new ConfigException(name, value, "Phrase '" + phrase + "' is " + bytes
                        + " bytes long in UTF-8; Twitter allows at most " + TrackPhrases.MAX_PHRASE_BYTES);
            }
        }
    }

    @Override
    public String toString() {
        return "phrases of 1 to 60 bytes";
    }
}
