package io.tweetstream.connect.v2;

import java.util.List;

/**
 * An error as the X API reports it, at the top of an error response or as an entry of its
 * {@code errors} array: a rule it rejected ({@code value}, {@code details}), a duplicate rule
 * ({@code id} of the existing one), or a stream problem such as an operational disconnect.
 */
public record ApiProblem(
        String title,
        String detail,
        String type,
        String value,
        String id,
        List<String> details,
        String connectionIssue,
        String disconnectType,
        String message) {

    static final String OPERATIONAL_DISCONNECT = "operational-disconnect";
    private static final String DUPLICATE_RULE = "DuplicateRule";

    boolean isOperationalDisconnect() {
        return OPERATIONAL_DISCONNECT.equals(title) || type != null && type.endsWith("/operational-disconnect");
    }

    /** A rule refused because the app has a rule of the same value ({@code id} is that rule's). */
    boolean isDuplicateRule() {
        return DUPLICATE_RULE.equals(title) || type != null && type.endsWith("/duplicate-rules");
    }

    /** One line for logs and error messages, e.g. {@code UnprocessableEntity: 'a (b' (unbalanced parentheses)}. */
    String describe() {
        StringBuilder text = new StringBuilder(title == null ? "error" : title);
        if (value != null) {
            text.append(": '").append(value).append('\'');
        }
        if (details != null && !details.isEmpty()) {
            text.append(" (").append(String.join("; ", details)).append(')');
        } else if (detail != null) {
            text.append(": ").append(detail);
        } else if (message != null) {
            text.append(": ").append(message);
        }
        return text.toString();
    }
}
