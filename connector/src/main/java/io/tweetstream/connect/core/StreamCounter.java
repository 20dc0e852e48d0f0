package io.tweetstream.connect.core;

/**
 * Every count a task keeps of its stream, declared once: the name it has in the progress log line,
 * the name and description of its plugin metric, and the README's metrics table (checked by a test)
 * all come from here.
 */
public enum StreamCounter {

    TWEETS_RECEIVED("tweets", "tweets-received-total", "Tweets the stream delivered to this task for writing"),
    LIKES_RECEIVED("likes", "likes-received-total", "Likes the likes streams delivered to this task for writing"),
    DELETES("deletes", "deletes-total", "Delete notices received (v1.1)"),
    TOMBSTONES("tombstones", "tombstones-total", "Tombstones written for deleted tweets"),
    WITHHELD("withheld", "withheld-total",
            "Withheld notices received (v1.1 status_withheld and user_withheld)"),
    SCRUB_GEO("scrubGeo", "scrub-geo-total", "Scrub-geo notices received (v1.1)"),
    LIMIT_UNDELIVERED("undelivered", "limit-undelivered-total",
            "Matching tweets Twitter reported in limit notices it did not deliver"),
    SKIPPED_MESSAGES("skipped", "skipped-messages-total", "Stream messages skipped as unreadable or incomplete"),
    CONNECTS("connects", "connects-total", "Successful connections, the first included"),
    STALLS("stalls", "stalls-total", "Connections dropped for staying silent past the read timeout"),
    STALL_WARNINGS("stallWarnings", "stall-warnings-total",
            "Warnings from the API that the stream is falling behind (v1.1 FALLING_BEHIND)"),
    STREAM_ERRORS("streamErrors", "stream-errors-total",
            "Error or disconnect messages the API sent in the stream, operational disconnects included"),
    DISCARDED_ON_CLOSE("discardedOnClose", "discarded-on-close-total",
            "Tweets received but not handed to the worker because the task stopped"),
    DUPLICATES("duplicates", "duplicates-total", "Tweets that arrived again and were dropped by id"),
    LEFT_TO_OTHER_TASKS("leftToOtherTasks", "left-to-other-tasks-total",
            "v2 tweets another task of the connector writes"),
    UNMATCHED("unmatched", "unmatched-total", "v2 tweets that matched only other users' rules"),
    INCOMPLETE_REFERENCES("incompleteReferences", "incomplete-references-total",
            "Tweets written without a tweet or author they refer to, which the API left out (deleted, protected"
                    + " or suspended): a retweet keeps the original's id and X's truncated text"),
    GAPS_REFILLED("gapsRefilled", "gaps-refilled-total",
            "Gaps in the stream (a restart, an outage, a reconnect) refilled by backfill, Recovery or recent search"),
    GAPS_COVERED("gapsCovered", "gaps-covered-total",
            "v2 gaps of one of a task's redundant connections that came whole on the other, so were not refilled"),
    RECOVERED("recovered", "recovered-total",
            "Tweets of this task's share that backfill, Recovery or recent search delivered to refill a gap (those"
                    + " written already are then dropped as duplicates)"),
    UNRECOVERABLE_SECONDS("unrecoverableSeconds", "unrecoverable-seconds-total",
            "Seconds of gaps no tool of the tier could refill (older than its reach, recovery off, operators recent"
                    + " search lacks), each logged as a warning with its window"),
    BUDGET_STOPS("budgetStops", "budget-stops-total",
            "Times a Post budget (twitter.v2.budget.*) was reached and the stream stopped reading until it renewed"),
    COMPLIANCE_NOTICES_WRITTEN("complianceNotices", "compliance-notices-written-total",
            "Compliance notices (deletes, withholdings, scrub-geo) written to compliance.topic"),
    COMPLIANCE_EVENTS("complianceEvents", "compliance-events-total",
            "Events of X's Post compliance stream, or delete results of its batch compliance jobs, applied: deletes,"
                    + " drops and withholdings, each a tombstone"),
    COMPLIANCE_NOT_APPLIED("complianceNotApplied", "compliance-not-applied-total",
            "Compliance events that name no record to change (edits, undrops, unknown types; a batch job's rehydrate"
                    + " and scrub_geo results), each logged"),
    COMPLIANCE_JOBS("complianceJobs", "compliance-jobs-total",
            "X batch compliance jobs (twitter.v2.stream=batch-compliance) whose results were applied"),
    COMPLIANCE_IDS_CHECKED("complianceIdsChecked", "compliance-ids-checked-total",
            "Tweet ids of the topic uploaded to X's batch compliance jobs");

    private final String logName;
    private final String metricName;
    private final String description;

    StreamCounter(String logName, String metricName, String description) {
        this.logName = logName;
        this.metricName = metricName;
        this.description = description;
    }

    /** Its name in the progress log line, e.g. {@code skipped=3}. */
    public String logName() {
        return logName;
    }

    /** Its plugin metric's name, e.g. {@code skipped-messages-total}. */
    public String metricName() {
        return metricName;
    }

    public String description() {
        return description;
    }
}
