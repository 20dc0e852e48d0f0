package io.tweetstream.connect.v2;

import io.tweetstream.connect.cost.TaskCost;
import io.tweetstream.connect.cost.UsageReport;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks X for the project's usage now and then ({@code GET /2/usage/tweets}), so that the task's
 * metrics show X's own count of the Posts read beside the connector's, and warns when the project
 * nears its monthly cap. Each answer's {@code Date} also keeps the budgets' clock on X's time, which
 * matters most while a budget is reached and no stream is open. A failed request is logged and
 * tried again at the next interval: usage is for watching, never a reason to stop.
 */
final class UsageWatch implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(UsageWatch.class);

    private final XApiClient client;
    private final TaskCost cost;
    private final List<Double> warnAt;
    /** The warnings given, e.g. "3000000 2026-12 0.8", so that each is given once per cap period. */
    private final Set<String> warned = new HashSet<>();

    UsageWatch(XApiClient client, TaskCost cost) {
        this.client = client;
        this.cost = cost;
        this.warnAt = cost.budget().limits().warnAt();
    }

    @Override
    public void run() {
        try {
            UsageReport report = client.usage();
            cost.usageReported(report);
            log.debug("X's usage: {} Posts read in the cap period of {}, {} today ({}); the connector counted {} today",
                    report.projectUsage(), report.projectCap(), report.postsToday(), report.today(),
                    cost.budget().spend().postsToday());
            warnNearCap(report);
        } catch (XApiException e) {
            log.warn("X refused the usage request ({}); asking again at the next interval", e.getMessage());
        } catch (IOException e) {
            log.warn("The usage request failed ({}); asking again at the next interval", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("X's usage answer could not be read; asking again at the next interval", e);
        }
    }

    private void warnNearCap(UsageReport report) {
        if (report.projectCap() <= 0 || report.projectUsage() < 0) {
            return;
        }
        for (double fraction : warnAt) {
            if (report.projectUsage() >= Math.ceil(fraction * report.projectCap())
                    && warned.add(report.projectCap() + " " + report.today().withDayOfMonth(1) + " " + fraction)) {
                log.warn("The project has read {}% of its monthly cap by X's count: {} of {} Posts (GET /2/usage/tweets);"
                        + " the cap resets on day {} of the month, and X refuses reads once it is reached",
                        String.format(Locale.ROOT, "%.0f", 100.0 * report.projectUsage() / report.projectCap()),
                        report.projectUsage(), report.projectCap(), report.capResetDay());
            }
        }
    }
}
