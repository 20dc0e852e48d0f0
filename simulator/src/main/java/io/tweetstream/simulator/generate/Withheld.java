package io.tweetstream.simulator.generate;

import java.util.List;

/** A post withheld in some countries (v2 {@code withheld}, v1.1 {@code withheld_in_countries}). */
public record Withheld(boolean copyright, List<String> countryCodes) {

    public Withheld {
        countryCodes = List.copyOf(countryCodes);
    }
}
