package io.tweetstream.connect.v2;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The parts of an X API response body the connector reads: rules in {@code data}, problems in
 * {@code errors}, the top-level {@code title}/{@code detail} of an error response, and the token of
 * the next page in {@code meta}.
 */
record ApiResponse(List<StreamRule> data, List<ApiProblem> errors, String title, String detail,
        String connectionIssue, Meta meta) {

    /** @param nextToken the {@code pagination_token} of the next page; null on the last */
    record Meta(String nextToken) {}

    /** The next page's token, or null when this is the last page. */
    String nextToken() {
        return meta == null ? null : meta.nextToken();
    }

    List<StreamRule> rules() {
        return data == null ? List.of() : data;
    }

    List<ApiProblem> problems() {
        return errors == null ? List.of() : errors;
    }

    /** What went wrong, for an exception message; never holds a request header, so never a token. */
    String describe() {
        StringBuilder text = new StringBuilder();
        if (title != null) {
            text.append(title);
        }
        if (detail != null) {
            text.append(text.length() > 0 ? ": " : "").append(detail);
        }
        if (!problems().isEmpty()) {
            text.append(text.length() > 0 ? " " : "").append(
                    problems().stream().map(ApiProblem::describe).collect(Collectors.joining("; ", "[", "]")));
        }
        return text.length() == 0 ? "no details given" : text.toString();
    }
}
