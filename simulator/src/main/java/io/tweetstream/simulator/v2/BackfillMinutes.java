package io.tweetstream.simulator.v2;

import java.util.List;
import java.util.Map;

/** The {@code backfill_minutes} parameter of a v2 stream request: 0 (or absent) for none, at most 5, as on X. */
public final class BackfillMinutes {

    public static final String PARAMETER = "backfill_minutes";
    public static final int MAX = 5;

    private BackfillMinutes() {
    }

    /** @throws InvalidParametersException for a value that is not a whole number from 0 to 5, with X's message */
    public static int parse(Map<String, String> query) throws InvalidParametersException {
        String value = query.get(PARAMETER);
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            int minutes = Integer.parseInt(value);
            if (minutes >= 0 && minutes <= MAX) {
                return minutes;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, as X answers any bad value
        }
        throw new InvalidParametersException(List.of(new InvalidParametersException.Problem(PARAMETER, List.of(value),
                "The `" + PARAMETER + "` query parameter value [" + value + "] is not between 0 and " + MAX)));
    }
}
