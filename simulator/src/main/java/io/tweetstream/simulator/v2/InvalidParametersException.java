package io.tweetstream.simulator.v2;

import java.util.List;

/** Query parameters X would refuse with 400 Invalid Request; one problem per bad parameter. */
public final class InvalidParametersException extends Exception {

    /** One entry of the answer's {@code errors}: the parameter, its bad values, and X's message. */
    public record Problem(String parameter, List<String> values, String message) {
        public Problem {
            values = List.copyOf(values);
        }
    }

    private final List<Problem> problems;

    public InvalidParametersException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid parameters" : problems.get(0).message());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
