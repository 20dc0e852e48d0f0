package io.tweetstream.simulator.v2;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tweetstream.simulator.billing.Billing;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.SortedMap;

/**
 * The answer of {@code GET /2/usage/tweets}, in the shape of X's real answers: the counts as JSON strings
 * ({@code cap_reset_day} a number), each daily entry's {@code date} as midnight UTC with milliseconds, days without
 * usage left out.
 */
public final class UsageReport {

    private UsageReport() {
    }

    public static ObjectNode render(Billing.Usage usage, UsageParameters parameters, ObjectMapper mapper) {
        ObjectNode body = mapper.createObjectNode();
        ObjectNode data = body.putObject("data");
        data.put("cap_reset_day", usage.capResetDay());
        if (parameters.wants(UsageParameters.DAILY_CLIENT_APP_USAGE)) {
            ArrayNode apps = data.putArray(UsageParameters.DAILY_CLIENT_APP_USAGE);
            for (Map.Entry<String, SortedMap<LocalDate, Long>> app : usage.appsDaily().entrySet()) {
                ObjectNode entry = apps.addObject().put("client_app_id", app.getKey())
                        .put("usage_result_count", app.getValue().size());
                days(entry.putArray("usage"), app.getValue());
            }
        }
        if (parameters.wants(UsageParameters.DAILY_PROJECT_USAGE)) {
            ObjectNode project = data.putObject(UsageParameters.DAILY_PROJECT_USAGE).put("project_id", usage.projectId());
            days(project.putArray("usage"), usage.projectDaily());
        }
        data.put("project_cap", Long.toString(usage.projectCap()));
        data.put("project_id", usage.projectId());
        data.put("project_usage", Long.toString(usage.projectUsage()));
        return body;
    }

    private static void days(ArrayNode into, SortedMap<LocalDate, Long> daily) {
        daily.forEach((day, posts) -> into.addObject()
                .put("date", RecentCounts.BOUND.format(day.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .put("usage", Long.toString(posts)));
    }
}
