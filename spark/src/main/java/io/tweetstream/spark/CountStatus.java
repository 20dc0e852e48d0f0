package io.tweetstream.spark;

import java.util.Locale;

/** What a published count of a second is: its {@code status} field. */
public enum CountStatus {

    /** The tweets of a still open second counted so far; a later record of the second replaces it. */
    PROVISIONAL,
    /** The second's count once the watermark passed its end: no later tweet changes it. */
    FINAL,
    /** Tweets of the second that arrived after its final count, in one batch: add them to it. */
    LATE;

    /** The value of the {@code status} field. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
