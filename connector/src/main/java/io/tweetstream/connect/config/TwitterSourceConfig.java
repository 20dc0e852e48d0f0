package io.tweetstream.connect.config;


import io.tweetstream.connect.cost.PostBudget;
import io.tweetstream.connect.net.HttpProxy;
import io.tweetstream.connect.net.TrustStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The connector's configuration: the only class that knows config key names. Which keys belong to
 * which stream is {@link StreamType}'s to say.
 *
 * <p>Task configurations use the same keys, narrowed by the stream's adapter to the task's share, plus
 * the task-only keys of {@link TwitterSourceTaskConfig}.
 */
public class TwitterSourceConfig extends AbstractConfig {

    /** Twitter allows 400 track phrases on one connection. */
    public static final int MAX_TRACK_PHRASES_PER_CONNECTION = 400;
    /** Twitter allows 5,000 follow ids on one connection. */
    public static final int MAX_FOLLOW_IDS_PER_CONNECTION = 5000;
    /** Twitter allows 25 location boxes on one connection. */
    public static final int MAX_LOCATION_BOXES_PER_CONNECTION = 25;

    public static final String API_V1 = "v1.1";
    public static final String API_V2 = "v2";
    public static final String V2_STREAM_FILTERED = "filtered";
    public static final String V2_STREAM_SAMPLE = "sample";
    public static final String V2_STREAM_FIREHOSE = "firehose";
    public static final String V2_STREAM_SAMPLE10 = "sample10";
    public static final String V2_STREAM_FIREHOSE_EN = "firehose-en";
    public static final String V2_STREAM_FIREHOSE_JA = "firehose-ja";
    public static final String V2_STREAM_FIREHOSE_KO = "firehose-ko";
    public static final String V2_STREAM_FIREHOSE_PT = "firehose-pt";
    public static final String V2_STREAM_TWEET_COMPLIANCE = "tweet-compliance";
    public static final String V2_STREAM_USER_COMPLIANCE = "user-compliance";
    public static final String V2_STREAM_LIKES_FIREHOSE = "likes-firehose";
    public static final String V2_STREAM_LIKES_SAMPLE10 = "likes-sample10";
    public static final String V2_STREAM_LIKES_COMPLIANCE = "likes-compliance";
    public static final String V2_STREAM_BATCH_COMPLIANCE = "batch-compliance";

    public static final String API_GROUP = "API";
    public static final String CONNECTION_GROUP = "Connection";
    public static final String V2_GROUP = "X API v2";
    public static final String FILTER_GROUP = "Filter";
    public static final String OUTPUT_GROUP = "Output";
    public static final String PERFORMANCE_GROUP = "Performance";
    public static final String COST_GROUP = "Cost";
    public static final String NETWORK_GROUP = "Network";
    public static final String COMPLIANCE_JOB_GROUP = "Batch compliance";

    public static final String API = "twitter.api";
    /** What a config that does not set twitter.api reads; it used to be v1.1 (README: "Upgrading"). */
    public static final String API_DEFAULT = API_V2;
    private static final String API_DOC =
            "Which streaming API to read: 'v2' for the X API v2 filtered (or sample) stream, which is what X"
                    + " sells today, with a bearer token; 'v1.1' for the retired statuses/filter stream, through"
                    + " Twitter4j with OAuth 1.0a credentials. Both write the same record schema. The default is"
                    + " 'v2': a config written for v1.1 must set 'v1.1'.";

    public static final String STREAM_BASE_URL = "twitter.stream.base.url";
    public static final String STREAM_BASE_URL_DEFAULT = "https://stream.twitter.com/1.1/";
    private static final String STREAM_BASE_URL_DOC =
            "Base URL of Twitter's v1.1 streaming API (used when twitter.api is 'v1.1'); the connector posts to 'statuses/filter.json' under"
                    + " it. Point it at the stream simulator for tests and demos.";

    public static final String CONSUMER_KEY = "twitter.oauth.consumer.key";
    private static final String CONSUMER_KEY_DOC =
            "v1.1 only: OAuth 1.0a consumer (API) key of the Twitter app. One key for all credential sets, or a"
                    + " comma-separated list with one key per access token.";

    public static final String CONSUMER_SECRET = "twitter.oauth.consumer.secret";
    private static final String CONSUMER_SECRET_DOC =
            "v1.1 only: OAuth 1.0a consumer (API) secret, one per consumer key, in the same order.";

    public static final String ACCESS_TOKEN = "twitter.oauth.access.token";
    private static final String ACCESS_TOKEN_DOC =
            "v1.1 only: OAuth 1.0a access tokens, comma-separated: one per credential set. Twitter allows one standing"
                    + " stream per account, so each task needs a set of its own: give at least as many access"
                    + " tokens as the connector runs tasks.";

    public static final String ACCESS_TOKEN_SECRET = "twitter.oauth.access.token.secret";
    private static final String ACCESS_TOKEN_SECRET_DOC =
            "v1.1 only: OAuth 1.0a access token secrets, comma-separated, one per access token, in the same order.";

    public static final String STREAM_READ_TIMEOUT_MS = "twitter.stream.read.timeout.ms";
    private static final String STREAM_READ_TIMEOUT_MS_DOC =
            "How long the stream may stay silent (no tweet and no keep-alive) before it is considered"
                    + " stalled and reconnected. Twitter's v1.1 stream sends a keep-alive every 30 seconds and X's v2"
                    + " stream every 20; X advises reconnecting after 90 seconds of silence.";

    public static final String CONNECT_TIMEOUT_MS = "twitter.http.connect.timeout.ms";
    private static final String CONNECT_TIMEOUT_MS_DOC =
            "Timeout for opening the HTTP connection to the streaming API.";

    public static final String V2_BASE_URL = "twitter.v2.base.url";
    public static final String V2_BASE_URL_DEFAULT = "https://api.x.com/";
    private static final String V2_BASE_URL_DOC =
            "Base URL of the X API; the connector calls '2/tweets/search/stream', its 'rules' and"
                    + " '2/tweets/sample/stream' under it. Point it at the stream simulator for tests and demos.";

    public static final String V2_BEARER_TOKEN = "twitter.v2.bearer.token";
    private static final String V2_BEARER_TOKEN_DOC =
            "v2 only: the app's OAuth 2.0 bearer token (App-only authentication).";

    public static final String V2_STREAM = "twitter.v2.stream";
    private static final String V2_STREAM_DOC =
            "v2 only: 'filtered' streams the tweets matching rules made from the track keywords, follow"
                    + " user ids and locations; 'sample' streams a random 1% of all tweets and takes no filter."
                    + " Enterprise only, split into partitions that the tasks share (see twitter.v2.partitions):"
                    + " 'firehose' streams every public tweet (20 partitions), 'sample10' a 10% sample (2"
                    + " partitions); 'firehose-en', 'firehose-ja', 'firehose-ko' and 'firehose-pt' every public"
                    + " tweet in English (8 partitions), Japanese, Korean or Portuguese (2 each); 'likes-firehose' every public Like (20"
                    + " partitions) and 'likes-sample10' a 10% sample of them (2), each an io.tweetstream.Like record keyed"
                    + " by the Like's id, so give them a topic of their own; none takes a filter. 'tweet-compliance' streams X's Post compliance events (4"
                    + " partitions): each delete, drop or withholding becomes a tombstone of the tweet's record, so"
                    + " point its topic at the tweets' topic. 'user-compliance' streams X's User compliance events (4"
                    + " partitions): deletes, protections, suspensions, withholdings, profile changes and location"
                    + " scrubs of users, which name no tweet record, so each is written to compliance.topic (required)"
                    + " as a compliance notice keyed by user id. 'likes-compliance' streams the Likes that users"
                    + " removed (one connection: X does not split it), which name the Post and the user but not the"
                    + " Like's record, so each is written to compliance.topic (required) as an 'unlike' notice keyed"
                    + " by user id. 'batch-compliance' (every tier, pay-per-use"
                    + " included) reads no stream: on a schedule it checks the tweets its topic holds (the tweets'"
                    + " topic) against X's batch compliance jobs and writes a tombstone for each deleted one (see"
                    + " twitter.v2.compliance.job.*).";

    public static final String V2_PARTITIONS = "twitter.v2.partitions";
    private static final String V2_PARTITIONS_DOC =
            "v2 partitioned streams only: the stream's partitions to read (each a disjoint share of the"
                    + " stream), e.g. '1,2,3'; empty reads all of them (20 on the firehose, 8 on firehose-en, 2 on"
                    + " sample10 and the other language firehoses, 4 on tweet-compliance and user-compliance, 20 on likes-firehose, 2 on likes-sample10;"
                    + " likes-compliance is not split: its one partition is 1). The"
                    + " connector runs min(tasks.max, partitions) tasks and gives them the partitions in turn, in"
                    + " ascending order (the i-th partition to task i mod tasks), so every task holds as many"
                    + " connections as another, or one more; each partition keeps its own offset, so a partition"
                    + " moved to another task or worker resumes where it stopped, its gap refilled by backfill or"
                    + " Recovery.";

    public static final String V2_TIER = "twitter.v2.tier";
    private static final String V2_TIER_DOC =
            "v2 only: the X API access of the app's project: 'pay-per-use' (what a new developer account gets:"
                    + " one filtered-stream connection, 1,000 rules of 1,024 characters, 50 connects per 15 minutes,"
                    + " no backfill, Recovery or sample stream) or 'enterprise' (redundant connections, 25,000 rules"
                    + " of 2,048 characters, backfill and Recovery). It sets the defaults of the keys that follow"
                    + " from it, which an explicit value still overrides, and validation refuses what the tier"
                    + " lacks.";

    public static final String V2_MAX_CONNECTIONS = "twitter.v2.max.connections";
    private static final String V2_MAX_CONNECTIONS_DOC =
            "v2 only: how many concurrent connections to the filtered stream the app's X API tier allows."
                    + " Each task holds one connection (two with twitter.v2.redundant.connection), so the connector"
                    + " runs at most this many tasks (half as many), whatever"
                    + " tasks.max says. Default by " + V2_TIER + ": " + ApiTier.describeDefaults(ApiTier::connections)
                    + ".";

    public static final String V2_REDUNDANT_CONNECTION = "twitter.v2.redundant.connection";
    private static final String V2_REDUNDANT_CONNECTION_DOC =
            "v2 filtered stream only, Enterprise: each task reads the stream on two connections at once (X's"
                    + " redundant connections, which carry the same tweets) and writes each tweet once, so that a"
                    + " dropped connection loses nothing and needs no refill: its gap is closed once the other"
                    + " connection is seen to have delivered past it, and refilled as usual if it is not. A task"
                    + " then holds two of the " + V2_MAX_CONNECTIONS + " connections, so the connector runs at most"
                    + " half as many tasks. X bills a Post that comes on both once.";

    public static final String V2_MAX_RULES = "twitter.v2.max.rules";
    private static final String V2_MAX_RULES_DOC =
            "v2 only: how many filtered-stream rules the app's tier allows. The connector makes one rule per"
                    + " track phrase, plus rules for followed users and locations, and refuses a config that needs"
                    + " more rules than remain beside the app's other rules. Default by " + V2_TIER + ": "
                    + ApiTier.describeDefaults(ApiTier::rules) + ".";

    public static final String V2_MAX_RULE_LENGTH = "twitter.v2.max.rule.length";
    private static final String V2_MAX_RULE_LENGTH_DOC =
            "v2 only: the longest rule the app's tier accepts, in characters. Default by " + V2_TIER + ": "
                    + ApiTier.describeDefaults(ApiTier::ruleLength) + ".";

    public static final String V2_CONNECTS_PER_15_MINUTES = "twitter.v2.connects.per.15.minutes";
    private static final String V2_CONNECTS_PER_15_MINUTES_DOC =
            "v2 only: the most connection attempts the tasks of this worker make to the stream in any 15"
                    + " minutes (X's limit on GET /2/tweets/search/stream), 0 for no limit of the connector's own:"
                    + " X's x-rate-limit headers are obeyed in any case. Default by " + V2_TIER + ": "
                    + ApiTier.describeDefaults(ApiTier::connectsPer15Minutes) + ".";

    public static final String V2_GAP_RECOVERY = "twitter.v2.gap.recovery";
    private static final String V2_GAP_RECOVERY_DOC =
            "v2 only: how the task refills a gap longer than backfill reaches (a restart, an outage, a"
                    + " reconnect), from the last tweet written: 'recovery' re-streams up to 24 hours (Enterprise),"
                    + " 'search' asks recent search for each rule, up to 7 days back (every tier; recovered Posts"
                    + " are billed as streamed ones). Tried in that order; empty to refill nothing. What no tool"
                    + " reaches is logged as a warning and counted. Default by " + V2_TIER
                    + ": pay-per-use 'search', enterprise 'recovery,search'.";

    public static final String V2_NETWORK_BACKOFF_MS = "twitter.v2.backoff.network.ms";
    private static final String V2_NETWORK_BACKOFF_MS_DOC =
            "v2 only: after a network error (refused, reset, stalled) the stream reconnects after this long,"
                    + " then twice, three times as long and so on, up to 64 times as long, as X advises"
                    + " (250 ms rising to 16 s).";

    public static final String V2_HTTP_BACKOFF_MS = "twitter.v2.backoff.http.ms";
    private static final String V2_HTTP_BACKOFF_MS_DOC =
            "v2 only: after an HTTP error (e.g. 500, 503) the stream reconnects after this long, doubling"
                    + " at each further error up to 64 times as long, as X advises (5 s rising to 320 s).";

    public static final String V2_RATE_LIMIT_BACKOFF_MS = "twitter.v2.backoff.rate.limit.ms";
    private static final String V2_RATE_LIMIT_BACKOFF_MS_DOC =
            "v2 only: after HTTP 429 the stream waits this long, doubling at each further 429 up to 16 times"
                    + " as long, and in any case until the time X gives in 'x-rate-limit-reset'.";

    public static final String V2_BACKFILL_MINUTES = "twitter.v2.backfill.minutes";
    private static final String V2_BACKFILL_MINUTES_DOC =
            "v2 only: after a reconnect or a restart, ask X to resend up to this many minutes of the tweets"
                    + " sent while no connection was open (X's 'backfill_minutes', 1 to 5, Enterprise only). The"
                    + " overlap with what was already written is dropped by tweet id. 0 asks for none. Default by "
                    + V2_TIER + ": " + ApiTier.describeDefaults(ApiTier::backfillMinutes) + ".";

    public static final String TRACK_KEYWORDS = "twitter.track.keywords";
    private static final String TRACK_KEYWORDS_DOC =
            "Comma-separated track phrases. A phrase of several words matches a tweet holding all of them,"
                    + " in any order, ignoring case; each phrase is at most 60 bytes (UTF-8). The phrases are"
                    + " split across tasks, at most 400 per task.";

    public static final String FOLLOW_USER_IDS = "twitter.follow.user.ids";
    private static final String FOLLOW_USER_IDS_DOC =
            "Comma-separated numeric user ids whose tweets, retweets and replies to stream (at most 5,000)."
                    + " Followed users are streamed by the first task only, so no tweet arrives twice.";

    public static final String LOCATIONS = "twitter.locations";
    private static final String LOCATIONS_DOC =
            "Bounding boxes to stream geotagged tweets from: comma-separated numbers, four per box"
                    + " (south-west longitude, south-west latitude, north-east longitude, north-east latitude),"
                    + " at most 25 boxes. Streamed by the first task only.";

    public static final String LANGUAGES = "twitter.languages";
    private static final String LANGUAGES_DOC =
            "Comma-separated BCP 47 language codes (e.g. 'en,es'); when set, only tweets Twitter detected"
                    + " in these languages are streamed. Applies to every task.";

    public static final String TOPIC = "topic";
    private static final String TOPIC_DOC = "Kafka topic to write the tweets to.";

    public static final String TOMBSTONES_ON_DELETE = "tombstones.on.delete";
    private static final String TOMBSTONES_ON_DELETE_DOC =
            "Write a tombstone (the tweet id as key, a null value) when Twitter says a tweet was deleted, or"
                    + " withheld in some countries (v1.1 status_withheld), so that a compacted topic forgets it."
                    + " When false, these notices are counted and logged.";

    public static final String COMPLIANCE_TOPIC = "compliance.topic";
    private static final String COMPLIANCE_TOPIC_DOC =
            "Kafka topic of its own (not 'topic') to write the stream's compliance notices to, one record per"
                    + " notice keyed by user id:"
                    + " deleted and withheld tweets, withheld users and scrubbed locations (v1.1 delete,"
                    + " status_withheld, user_withheld and scrub_geo), so that consumers can act on tweets already"
                    + " written. Empty (the default) writes none; withheld users and scrubbed locations are then"
                    + " only counted and logged.";

    public static final String INCLUDE_RAW_JSON = "include.raw.json";
    private static final String INCLUDE_RAW_JSON_DOC =
            "Also carry the tweet's JSON exactly as the API sent it, in the record's 'raw_json' field.";

    public static final String DEDUPE_CACHE_SIZE = "dedupe.cache.size";
    private static final String DEDUPE_CACHE_SIZE_DOC =
            "How many recent tweet ids a task remembers, to drop a tweet that arrives twice (the overlap of"
                    + " a v2 backfill after a reconnect, or a redelivery) instead of writing it again. About 60"
                    + " bytes of heap per id; 0 turns deduplication off.";

    public static final String MAX_BATCH_SIZE = "max.batch.size";
    private static final String MAX_BATCH_SIZE_DOC =
            "Largest number of records one poll returns to the worker.";

    public static final String POLL_TIMEOUT_MS = "poll.timeout.ms";
    private static final String POLL_TIMEOUT_MS_DOC =
            "How long one poll waits for the first tweet before returning nothing to the worker.";

    public static final String QUEUE_CAPACITY = "queue.capacity";
    private static final String QUEUE_CAPACITY_DOC =
            "Tweets buffered between the stream and the worker. When it is full the stream stops reading,"
                    + " so a slow broker pushes back on the connection instead of filling memory.";

    public static final String BUDGET_POSTS_PER_DAY = "twitter.v2.budget.posts.per.day";
    private static final String BUDGET_POSTS_PER_DAY_DOC =
            "The most Posts the connector reads in a UTC day (X's billing day, by the Date of X's responses); 0 for"
                    + " no daily budget. A Post delivered twice in a day is counted once, as X bills it. When the"
                    + " budget is reached the task closes its connection (X bills what it sends), says so in a WARN"
                    + " and in its metrics, writes what it already read, and reconnects when the day renews. Posts"
                    + " made while it waits are not read, nor refilled: that is what the budget saves.";

    public static final String BUDGET_POSTS_PER_MONTH = "twitter.v2.budget.posts.per.month";
    private static final String BUDGET_POSTS_PER_MONTH_DOC =
            "The most Posts the connector reads in a UTC calendar month; 0 for no monthly budget. Reached, the task"
                    + " stops reading as for the daily budget, until the month renews.";

    public static final String BUDGET_USD_PER_MONTH = "twitter.v2.budget.usd.per.month";
    private static final String BUDGET_USD_PER_MONTH_DOC =
            "A money ceiling a month, in US dollars, for the Posts read: it caps the monthly budget at this amount"
                    + " divided by " + "twitter.v2.price.per.post.usd" + " (whichever of the two budgets is lower"
                    + " holds). 0 for none.";

    public static final String PRICE_PER_POST_USD = "twitter.v2.price.per.post.usd";
    public static final double PRICE_PER_POST_USD_DEFAULT = 0.005;
    private static final String PRICE_PER_POST_USD_DOC =
            "What X bills for a Post read on pay-per-use, in US dollars: X's documented price by default. Used for"
                    + " the money ceiling, the cost estimate and the cost metrics.";

    public static final String BUDGET_WARN_FRACTIONS = "twitter.v2.budget.warn.fractions";
    private static final String BUDGET_WARN_FRACTIONS_DOC =
            "The fractions of each budget, and of the project's monthly cap that X reports, at which the task logs"
                    + " a WARN, once per day or month, e.g. 0.5,0.8,0.9.";

    public static final String USAGE_POLL_INTERVAL_MS = "twitter.v2.usage.poll.interval.ms";
    private static final String USAGE_POLL_INTERVAL_MS_DOC =
            "How often each task asks X for the project's usage (GET /2/usage/tweets, 50 requests in 15 minutes"
                    + " per app): X's own count of Posts read, shown beside the connector's in the metrics, and the"
                    + " monthly cap. 0 to never ask.";

    public static final String ESTIMATE_RULES_MAX = "twitter.v2.estimate.rules.max";
    private static final String ESTIMATE_RULES_MAX_DOC =
            "At validation and at each task's start, the connector asks X how many Posts each of its rules matched"
                    + " over the last 7 days (GET /2/tweets/counts/recent, one request per rule, not billed) and"
                    + " logs the Posts a day and the cost they imply. At most this many rules are asked about"
                    + " (X allows 300 such requests in 15 minutes); 0 to ask nothing.";

    public static final String COMPLIANCE_JOB_BOOTSTRAP_SERVERS = "twitter.v2.compliance.job.bootstrap.servers";
    /** Consumer settings under this prefix (security.protocol, sasl.*, ssl.*) reach the consumer that reads the topic. */
    public static final String COMPLIANCE_JOB_CONSUMER_PREFIX = "twitter.v2.compliance.job.consumer.";
    private static final String COMPLIANCE_JOB_BOOTSTRAP_SERVERS_DOC =
            "batch-compliance only, and required there: the Kafka cluster that holds the topic, whose tweet ids the"
                    + " jobs check (a connector cannot ask its worker for it). Any other consumer setting the"
                    + " cluster needs (security.protocol, sasl.*, ssl.*) goes under the prefix '"
                    + COMPLIANCE_JOB_CONSUMER_PREFIX + "'.";

    public static final String COMPLIANCE_JOB_INTERVAL_MS = "twitter.v2.compliance.job.interval.ms";
    private static final String COMPLIANCE_JOB_INTERVAL_MS_DOC =
            "batch-compliance only: how often to check the topic's tweets against X (X advises daily or weekly). A"
                    + " restart does not check again before the interval has passed since the last job at X.";

    public static final String COMPLIANCE_JOB_LOOKBACK_HOURS = "twitter.v2.compliance.job.lookback.hours";
    private static final String COMPLIANCE_JOB_LOOKBACK_HOURS_DOC =
            "batch-compliance only: each job checks the tweets of the topic made within this many hours before it"
                    + " (by record timestamp, the tweet's creation). Set it to the topic's retention (or more, for a"
                    + " compacted topic) to check every tweet the topic holds.";

    public static final String COMPLIANCE_JOB_POLL_INTERVAL_MS = "twitter.v2.compliance.job.poll.interval.ms";
    private static final String COMPLIANCE_JOB_POLL_INTERVAL_MS_DOC =
            "batch-compliance only: how often to ask X whether a job is done (X advises 30 to 60 seconds); also the"
                    + " first wait before retrying after an error, doubled on each error up to 10 minutes.";

    /** The keys of the batch-compliance mode. */
    public static final Set<String> COMPLIANCE_JOB_KEYS = Set.of(COMPLIANCE_JOB_BOOTSTRAP_SERVERS,
            COMPLIANCE_JOB_INTERVAL_MS, COMPLIANCE_JOB_LOOKBACK_HOURS, COMPLIANCE_JOB_POLL_INTERVAL_MS);

    public static final String V2_PROXY_URL = "twitter.v2.proxy.url";
    private static final String V2_PROXY_URL_DOC =
            "v2 only: the HTTP proxy to reach X through, as http://host:port; HTTPS requests go through it in a"
                    + " CONNECT tunnel. Empty: straight to X.";

    public static final String V2_PROXY_USER = "twitter.v2.proxy.user";
    private static final String V2_PROXY_USER_DOC =
            "v2 only: the user the proxy knows the connector by, sent with Basic authentication on every request"
                    + " through the proxy (and only on those). Empty: the proxy takes no credentials. Through an"
                    + " HTTPS tunnel the JDK sends Basic credentials only when the worker's JVM runs with"
                    + " -Djdk.http.auth.tunneling.disabledSchemes= (empty): validation says so when it does not.";

    public static final String V2_PROXY_PASSWORD = "twitter.v2.proxy.password";
    private static final String V2_PROXY_PASSWORD_DOC = "v2 only: the proxy user's password.";

    public static final String V2_NON_PROXY_HOSTS = "twitter.v2.proxy.non.proxy.hosts";
    private static final String V2_NON_PROXY_HOSTS_DOC =
            "v2 only: hosts reached directly, not through the proxy: names or addresses, each exact or with a"
                    + " leading or trailing '*' ('*.corp.example', '10.*'), comma-separated, case-insensitive.";

    public static final String V2_SSL_TRUSTSTORE_LOCATION = "twitter.v2.ssl.truststore.location";
    private static final String V2_SSL_TRUSTSTORE_LOCATION_DOC =
            "v2 only: a truststore file of the certificate authorities to trust instead of the JVM's, e.g. the"
                    + " CA with which a TLS-inspecting proxy signs X's certificates. Empty: the JVM's own.";

    public static final String V2_SSL_TRUSTSTORE_PASSWORD = "twitter.v2.ssl.truststore.password";
    private static final String V2_SSL_TRUSTSTORE_PASSWORD_DOC =
            "v2 only: the truststore's password, which checks its integrity; may be empty for a PKCS12 file.";

    public static final String V2_SSL_TRUSTSTORE_TYPE = "twitter.v2.ssl.truststore.type";
    private static final String V2_SSL_TRUSTSTORE_TYPE_DOC =
            "v2 only: the truststore's format: PKCS12 (which reads JKS files too) or JKS.";

    /** The keys of how the connector reaches X, which every v2 stream takes. */
    public static final Set<String> V2_NETWORK_KEYS = Set.of(V2_PROXY_URL, V2_PROXY_USER, V2_PROXY_PASSWORD,
            V2_NON_PROXY_HOSTS, V2_SSL_TRUSTSTORE_LOCATION, V2_SSL_TRUSTSTORE_PASSWORD, V2_SSL_TRUSTSTORE_TYPE);

    public static final ConfigDef CONFIG_DEF = configDef();

    private static ConfigDef configDef() {
        ConfigDef def = new ConfigDef();
        def.define(API, Type.STRING, API_DEFAULT, ConfigDef.ValidString.in(API_V1, API_V2),
                Importance.HIGH, API_DOC, API_GROUP, 1, Width.SHORT, "Streaming API");

        int order = 0;
        def.define(STREAM_BASE_URL, Type.STRING, STREAM_BASE_URL_DEFAULT, new HttpUrlValidator(),
                Importance.MEDIUM, STREAM_BASE_URL_DOC, CONNECTION_GROUP, ++order, Width.LONG, "Stream base URL");
        def.define(CONSUMER_KEY, Type.PASSWORD, null, SecretValidator.list(),
                Importance.HIGH, CONSUMER_KEY_DOC, CONNECTION_GROUP, ++order, Width.LONG, "Consumer key");
        def.define(CONSUMER_SECRET, Type.PASSWORD, null, SecretValidator.list(),
                Importance.HIGH, CONSUMER_SECRET_DOC, CONNECTION_GROUP, ++order, Width.LONG, "Consumer secret");
        def.define(ACCESS_TOKEN, Type.PASSWORD, null, SecretValidator.list(),
                Importance.HIGH, ACCESS_TOKEN_DOC, CONNECTION_GROUP, ++order, Width.LONG, "Access tokens");
        def.define(ACCESS_TOKEN_SECRET, Type.PASSWORD, null, SecretValidator.list(),
                Importance.HIGH, ACCESS_TOKEN_SECRET_DOC, CONNECTION_GROUP, ++order, Width.LONG,
                "Access token secrets");
        def.define(STREAM_READ_TIMEOUT_MS, Type.INT, 90_000, Range.between(1_000, 3_600_000),
                Importance.LOW, STREAM_READ_TIMEOUT_MS_DOC, CONNECTION_GROUP, ++order, Width.SHORT,
                "Stall timeout (ms)");
        def.define(CONNECT_TIMEOUT_MS, Type.INT, 20_000, Range.between(100, 600_000),
                Importance.LOW, CONNECT_TIMEOUT_MS_DOC, CONNECTION_GROUP, ++order, Width.SHORT,
                "Connect timeout (ms)");

        order = 0;
        def.define(V2_BASE_URL, Type.STRING, V2_BASE_URL_DEFAULT, new HttpUrlValidator(),
                Importance.MEDIUM, V2_BASE_URL_DOC, V2_GROUP, ++order, Width.LONG, "X API base URL");
        def.define(V2_BEARER_TOKEN, Type.PASSWORD, null, SecretValidator.single(),
                Importance.HIGH, V2_BEARER_TOKEN_DOC, V2_GROUP, ++order, Width.LONG, "Bearer token");
        def.define(V2_STREAM, Type.STRING, V2_STREAM_FILTERED,
                ConfigDef.ValidString.in(V2_STREAM_FILTERED, V2_STREAM_SAMPLE, V2_STREAM_FIREHOSE, V2_STREAM_SAMPLE10,
                        V2_STREAM_FIREHOSE_EN, V2_STREAM_FIREHOSE_JA, V2_STREAM_FIREHOSE_KO, V2_STREAM_FIREHOSE_PT,
                        V2_STREAM_TWEET_COMPLIANCE, V2_STREAM_USER_COMPLIANCE, V2_STREAM_LIKES_FIREHOSE,
                        V2_STREAM_LIKES_SAMPLE10, V2_STREAM_LIKES_COMPLIANCE, V2_STREAM_BATCH_COMPLIANCE),
                Importance.MEDIUM, V2_STREAM_DOC, V2_GROUP, ++order, Width.SHORT, "v2 stream");
        def.define(V2_PARTITIONS, Type.LIST, "", new PartitionsValidator(),
                Importance.MEDIUM, V2_PARTITIONS_DOC, V2_GROUP, ++order, Width.MEDIUM, "Partitions");
        def.define(V2_TIER, Type.STRING, ApiTier.PAY_PER_USE.configValue(),
                ConfigDef.ValidString.in(ApiTier.configValues()),
                Importance.HIGH, V2_TIER_DOC, V2_GROUP, ++order, Width.SHORT, "X API tier");
        def.define(V2_MAX_CONNECTIONS, Type.INT, null, TierDefault.orRange(1, 1_000),
                Importance.MEDIUM, V2_MAX_CONNECTIONS_DOC, V2_GROUP, ++order, Width.SHORT, "Max connections");
        def.define(V2_REDUNDANT_CONNECTION, Type.BOOLEAN, false,
                Importance.MEDIUM, V2_REDUNDANT_CONNECTION_DOC, V2_GROUP, ++order, Width.SHORT, "Redundant connection");
        def.define(V2_MAX_RULES, Type.INT, null, TierDefault.orRange(1, 1_000_000),
                Importance.LOW, V2_MAX_RULES_DOC, V2_GROUP, ++order, Width.SHORT, "Max rules");
        def.define(V2_MAX_RULE_LENGTH, Type.INT, null, TierDefault.orRange(16, 100_000),
                Importance.LOW, V2_MAX_RULE_LENGTH_DOC, V2_GROUP, ++order, Width.SHORT, "Max rule length");
        def.define(V2_CONNECTS_PER_15_MINUTES, Type.INT, null, TierDefault.orRange(0, 100_000),
                Importance.LOW, V2_CONNECTS_PER_15_MINUTES_DOC, V2_GROUP, ++order, Width.SHORT,
                "Connects per 15 minutes");
        def.define(V2_BACKFILL_MINUTES, Type.INT, null, TierDefault.orRange(0, 5),
                Importance.MEDIUM, V2_BACKFILL_MINUTES_DOC, V2_GROUP, ++order, Width.SHORT, "Backfill minutes");
        def.define(V2_GAP_RECOVERY, Type.LIST, null, TierDefault.orGapRecoveryTools(),
                Importance.MEDIUM, V2_GAP_RECOVERY_DOC, V2_GROUP, ++order, Width.MEDIUM, "Gap recovery");
        def.define(V2_NETWORK_BACKOFF_MS, Type.INT, 250, Range.between(1, 600_000),
                Importance.LOW, V2_NETWORK_BACKOFF_MS_DOC, V2_GROUP, ++order, Width.SHORT,
                "Network backoff (ms)");
        def.define(V2_HTTP_BACKOFF_MS, Type.INT, 5_000, Range.between(1, 600_000),
                Importance.LOW, V2_HTTP_BACKOFF_MS_DOC, V2_GROUP, ++order, Width.SHORT, "HTTP backoff (ms)");
        def.define(V2_RATE_LIMIT_BACKOFF_MS, Type.INT, 60_000, Range.between(1, 3_600_000),
                Importance.LOW, V2_RATE_LIMIT_BACKOFF_MS_DOC, V2_GROUP, ++order, Width.SHORT,
                "Rate-limit backoff (ms)");

        order = 0;
        def.define(BUDGET_POSTS_PER_DAY, Type.LONG, 0L, Range.atLeast(0),
                Importance.HIGH, BUDGET_POSTS_PER_DAY_DOC, COST_GROUP, ++order, Width.SHORT, "Posts per day");
        def.define(BUDGET_POSTS_PER_MONTH, Type.LONG, 0L, Range.atLeast(0),
                Importance.HIGH, BUDGET_POSTS_PER_MONTH_DOC, COST_GROUP, ++order, Width.SHORT, "Posts per month");
        def.define(BUDGET_USD_PER_MONTH, Type.DOUBLE, 0.0, Range.atLeast(0),
                Importance.MEDIUM, BUDGET_USD_PER_MONTH_DOC, COST_GROUP, ++order, Width.SHORT, "US dollars per month");
        def.define(PRICE_PER_POST_USD, Type.DOUBLE, PRICE_PER_POST_USD_DEFAULT, Range.between(0.000001, 1_000),
                Importance.LOW, PRICE_PER_POST_USD_DOC, COST_GROUP, ++order, Width.SHORT, "Price per Post (USD)");
        def.define(BUDGET_WARN_FRACTIONS, Type.LIST, "0.5,0.8,0.9", new FractionsValidator(),
                Importance.LOW, BUDGET_WARN_FRACTIONS_DOC, COST_GROUP, ++order, Width.SHORT, "Warn at fractions");
        def.define(USAGE_POLL_INTERVAL_MS, Type.INT, 300_000, ConfigDef.LambdaValidator.with((name, value) -> {
                    int ms = (Integer) value;
                    if (ms != 0 && ms < 18_000) {
                        throw new ConfigException(name, value, "0 (never), or at least 18000: X allows 50 usage"
                                + " requests in 15 minutes per app");
                    }
                }, () -> "0, or at least 18000"),
                Importance.LOW, USAGE_POLL_INTERVAL_MS_DOC, COST_GROUP, ++order, Width.SHORT, "Usage poll interval (ms)");
        def.define(ESTIMATE_RULES_MAX, Type.INT, 50, Range.between(0, 300),
                Importance.LOW, ESTIMATE_RULES_MAX_DOC, COST_GROUP, ++order, Width.SHORT, "Rules to estimate");

        order = 0;
        def.define(V2_PROXY_URL, Type.STRING, "", new ProxyUrlValidator(),
                Importance.LOW, V2_PROXY_URL_DOC, NETWORK_GROUP, ++order, Width.LONG, "Proxy URL");
        def.define(V2_PROXY_USER, Type.STRING, "",
                Importance.LOW, V2_PROXY_USER_DOC, NETWORK_GROUP, ++order, Width.MEDIUM, "Proxy user");
        def.define(V2_PROXY_PASSWORD, Type.PASSWORD, null,
                Importance.LOW, V2_PROXY_PASSWORD_DOC, NETWORK_GROUP, ++order, Width.MEDIUM, "Proxy password");
        def.define(V2_NON_PROXY_HOSTS, Type.LIST, "",
                Importance.LOW, V2_NON_PROXY_HOSTS_DOC, NETWORK_GROUP, ++order, Width.LONG, "Non-proxy hosts");
        def.define(V2_SSL_TRUSTSTORE_LOCATION, Type.STRING, "",
                Importance.LOW, V2_SSL_TRUSTSTORE_LOCATION_DOC, NETWORK_GROUP, ++order, Width.LONG, "Truststore");
        def.define(V2_SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null,
                Importance.LOW, V2_SSL_TRUSTSTORE_PASSWORD_DOC, NETWORK_GROUP, ++order, Width.MEDIUM,
                "Truststore password");
        def.define(V2_SSL_TRUSTSTORE_TYPE, Type.STRING, "PKCS12", ConfigDef.ValidString.in("PKCS12", "JKS"),
                Importance.LOW, V2_SSL_TRUSTSTORE_TYPE_DOC, NETWORK_GROUP, ++order, Width.SHORT, "Truststore type");

        order = 0;
        def.define(COMPLIANCE_JOB_BOOTSTRAP_SERVERS, Type.LIST, "",
                Importance.HIGH, COMPLIANCE_JOB_BOOTSTRAP_SERVERS_DOC, COMPLIANCE_JOB_GROUP, ++order, Width.LONG,
                "Bootstrap servers");
        def.define(COMPLIANCE_JOB_INTERVAL_MS, Type.LONG, 86_400_000L, Range.between(60_000L, 90L * 86_400_000L),
                Importance.MEDIUM, COMPLIANCE_JOB_INTERVAL_MS_DOC, COMPLIANCE_JOB_GROUP, ++order, Width.SHORT,
                "Interval (ms)");
        def.define(COMPLIANCE_JOB_LOOKBACK_HOURS, Type.INT, 168, Range.between(1, 20 * 365 * 24),
                Importance.MEDIUM, COMPLIANCE_JOB_LOOKBACK_HOURS_DOC, COMPLIANCE_JOB_GROUP, ++order, Width.SHORT,
                "Look-back (hours)");
        def.define(COMPLIANCE_JOB_POLL_INTERVAL_MS, Type.INT, 30_000, Range.between(100, 600_000),
                Importance.LOW, COMPLIANCE_JOB_POLL_INTERVAL_MS_DOC, COMPLIANCE_JOB_GROUP, ++order, Width.SHORT,
                "Poll interval (ms)");

        order = 0;
        def.define(TRACK_KEYWORDS, Type.LIST, "", new TrackPhrasesValidator(),
                Importance.HIGH, TRACK_KEYWORDS_DOC, FILTER_GROUP, ++order, Width.LONG, "Track keywords");
        def.define(FOLLOW_USER_IDS, Type.LIST, "", new UserIdsValidator(),
                Importance.MEDIUM, FOLLOW_USER_IDS_DOC, FILTER_GROUP, ++order, Width.LONG, "Follow user ids");
        def.define(LOCATIONS, Type.LIST, "", new LocationsValidator(),
                Importance.MEDIUM, LOCATIONS_DOC, FILTER_GROUP, ++order, Width.LONG, "Locations");
        def.define(LANGUAGES, Type.LIST, "", new LanguagesValidator(),
                Importance.LOW, LANGUAGES_DOC, FILTER_GROUP, ++order, Width.MEDIUM, "Languages");

        order = 0;
        def.define(TOPIC, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new TopicNameValidator(),
                Importance.HIGH, TOPIC_DOC, OUTPUT_GROUP, ++order, Width.MEDIUM, "Topic");
        def.define(TOMBSTONES_ON_DELETE, Type.BOOLEAN, true,
                Importance.MEDIUM, TOMBSTONES_ON_DELETE_DOC, OUTPUT_GROUP, ++order, Width.SHORT,
                "Tombstones on delete");
        def.define(COMPLIANCE_TOPIC, Type.STRING, "", optionalTopicName(),
                Importance.LOW, COMPLIANCE_TOPIC_DOC, OUTPUT_GROUP, ++order, Width.MEDIUM, "Compliance topic");
        def.define(INCLUDE_RAW_JSON, Type.BOOLEAN, false,
                Importance.LOW, INCLUDE_RAW_JSON_DOC, OUTPUT_GROUP, ++order, Width.SHORT, "Include raw JSON");
        def.define(DEDUPE_CACHE_SIZE, Type.INT, 100_000, Range.between(0, 10_000_000),
                Importance.LOW, DEDUPE_CACHE_SIZE_DOC, OUTPUT_GROUP, ++order, Width.SHORT, "Dedupe cache size");

        order = 0;
        def.define(MAX_BATCH_SIZE, Type.INT, 500, Range.between(1, 100_000),
                Importance.LOW, MAX_BATCH_SIZE_DOC, PERFORMANCE_GROUP, ++order, Width.SHORT, "Max batch size");
        def.define(POLL_TIMEOUT_MS, Type.INT, 1_000, Range.between(1, 60_000),
                Importance.LOW, POLL_TIMEOUT_MS_DOC, PERFORMANCE_GROUP, ++order, Width.SHORT, "Poll timeout (ms)");
        def.define(QUEUE_CAPACITY, Type.INT, 10_000, Range.between(1, 10_000_000),
                Importance.LOW, QUEUE_CAPACITY_DOC, PERFORMANCE_GROUP, ++order, Width.SHORT, "Queue capacity");
        return withStreamRecommenders(def);
    }

    /** Empty, or a name Kafka accepts for a topic. */
    private static ConfigDef.Validator optionalTopicName() {
        TopicNameValidator topicName = new TopicNameValidator();
        return ConfigDef.LambdaValidator.with((name, value) -> {
            if (!"".equals(value)) {
                topicName.ensureValid(name, value);
            }
        }, () -> "empty, or " + topicName);
    }

    /**
     * The same keys, with a recommender on each stream's own keys that hides them when another stream
     * is chosen, and the two keys that choose the stream naming them as dependents.
     */
    private static ConfigDef withStreamRecommenders(ConfigDef def) {
        ConfigDef.Recommender recommender = new StreamKeyRecommender();
        List<String> streamKeys = def.names().stream()
                .filter(key -> !Arrays.stream(StreamType.values()).allMatch(type -> type.uses(key))).sorted().toList();
        ConfigDef result = new ConfigDef();
        for (ConfigDef.ConfigKey key : def.configKeys().values()) {
            boolean selector = key.name.equals(API) || key.name.equals(V2_STREAM);
            result.define(new ConfigDef.ConfigKey(key.name, key.type, key.defaultValue, key.validator, key.importance,
                    key.documentation, key.group, key.orderInGroup, key.width, key.displayName,
                    selector ? streamKeys.stream().filter(k -> !k.equals(key.name)).toList() : key.dependents,
                    streamKeys.contains(key.name) ? recommender : key.recommender,
                    key.internalConfig));
        }
        return result;
    }

    public TwitterSourceConfig(Map<String, String> props) {
        this(CONFIG_DEF, props);
    }

    protected TwitterSourceConfig(ConfigDef def, Map<String, String> props) {
        super(def, props);
    }

    /** The stream this config reads. */
    public StreamType streamType() {
        return StreamType.of(this);
    }

    /**
     * Keys this config sets that belong to other streams than the one it reads, by key, each with a
     * message that says where the key would mean something: they would otherwise be silently ignored.
     */
    public Map<String, String> otherStreamsKeys() {
        StreamType type = streamType();
        Map<String, String> problems = new LinkedHashMap<>();
        for (String key : originals().keySet()) {
            if (!CONFIG_DEF.names().contains(key) || type.uses(key)) {
                continue;
            }
            String streams = type.othersUsing(key).map(StreamType::description).collect(Collectors.joining(" and "));
            String choices = type.othersUsing(key).map(other -> "set " + other.selection() + " to read " + other.description())
                    .collect(Collectors.joining(", or "));
            problems.put(key, key + " applies only to " + streams + ", and this config reads " + type.description()
                    + " (" + type.selection() + "), which would ignore it: remove it, or " + choices);
        }
        return problems;
    }

    /** Why a filtered stream cannot run on this config's filter, or null when it selects something. */
    public String missingFilterProblem() {
        if (!trackKeywords().isEmpty() || !followUserIds().isEmpty() || !locations().isEmpty()) {
            return null;
        }
        return "Give track keywords, follow user ids or locations: the filtered stream needs at least one of "
                + TRACK_KEYWORDS + ", " + FOLLOW_USER_IDS + " and " + LOCATIONS;
    }

    /** Whether the config sets {@code twitter.api} itself rather than taking the default. */
    public boolean setsApi() {
        return originals().containsKey(API);
    }

    /** Whether any of the v1.1 OAuth 1.0a credentials is given, whatever the API. */
    public boolean hasOAuthCredentials() {
        for (String key : List.of(CONSUMER_KEY, CONSUMER_SECRET, ACCESS_TOKEN, ACCESS_TOKEN_SECRET)) {
            Password secret = getPassword(key);
            if (secret != null && secret.value() != null && !secret.value().isBlank()) {
                return true;
            }
        }
        return false;
    }

    public String v2BaseUrl() {
        String url = getString(V2_BASE_URL);
        return url.endsWith("/") ? url : url + "/";
    }

    /** The HTTP proxy to reach X through, if any. */
    public Optional<HttpProxy> v2Proxy() {
        String url = getString(V2_PROXY_URL).trim();
        return url.isEmpty() ? Optional.empty() : Optional.of(HttpProxy.of(url, getString(V2_PROXY_USER),
                getPassword(V2_PROXY_PASSWORD), getList(V2_NON_PROXY_HOSTS)));
    }

    /** The truststore to trust instead of the JVM's, if any. */
    public Optional<TrustStore> v2TrustStore() {
        String location = getString(V2_SSL_TRUSTSTORE_LOCATION).trim();
        return location.isEmpty() ? Optional.empty() : Optional.of(new TrustStore(location,
                getPassword(V2_SSL_TRUSTSTORE_PASSWORD), getString(V2_SSL_TRUSTSTORE_TYPE)));
    }

    /**
     * What the network keys cannot do together, by key: credentials without a proxy, a truststore
     * that cannot be read, Basic credentials that this JVM would leave out of an HTTPS tunnel.
     */
    public Map<String, String> v2NetworkProblems() {
        Map<String, String> problems = new LinkedHashMap<>();
        Optional<HttpProxy> proxy = v2Proxy();
        if (proxy.isEmpty() && !getString(V2_PROXY_USER).isBlank()) {
            problems.put(V2_PROXY_USER, V2_PROXY_USER + " is set without a proxy: set " + V2_PROXY_URL);
        }
        if (proxy.isPresent() && proxy.get().tunnelDropsBasic() && v2BaseUrl().regionMatches(true, 0, "https:", 0, 6)
                && proxy.get().proxies(java.net.URI.create(v2BaseUrl()))) {
            problems.put(V2_PROXY_USER, "This worker's JVM would not send the proxy's credentials: "
                    + HttpProxy.tunnelingAdvice());
        }
        v2TrustStore().ifPresent(store -> {
            try {
                store.sslContext();
            } catch (IllegalArgumentException e) {
                problems.put(V2_SSL_TRUSTSTORE_LOCATION, e.getMessage());
            }
        });
        return problems;
    }

    /** The bearer token, or null when none is configured; never log it. */
    public Password v2BearerToken() {
        return getPassword(V2_BEARER_TOKEN);
    }

    public ApiTier v2Tier() {
        return ApiTier.of(getString(V2_TIER));
    }

    public int v2MaxConnections() {
        return intOrTierDefault(V2_MAX_CONNECTIONS, v2Tier().connections());
    }

    /** Whether each task reads the filtered stream on a second, redundant connection. */
    public boolean v2RedundantConnection() {
        return getBoolean(V2_REDUNDANT_CONNECTION);
    }

    /** The filtered-stream connections each task holds: two with a redundant connection, else one. */
    public int v2ConnectionsPerTask() {
        return v2RedundantConnection() ? 2 : 1;
    }

    public int v2MaxRules() {
        return intOrTierDefault(V2_MAX_RULES, v2Tier().rules());
    }

    public int v2MaxRuleLength() {
        return intOrTierDefault(V2_MAX_RULE_LENGTH, v2Tier().ruleLength());
    }

    /** 0 when the connector sets no limit of its own. */
    public int v2ConnectsPer15Minutes() {
        return intOrTierDefault(V2_CONNECTS_PER_15_MINUTES, v2Tier().connectsPer15Minutes());
    }

    public int v2BackfillMinutes() {
        return intOrTierDefault(V2_BACKFILL_MINUTES, v2Tier().backfillMinutes());
    }

    /** The tools that refill a gap longer than backfill reaches, in the order to try them. */
    public List<GapRecoveryTool> v2GapRecovery() {
        List<String> values = getList(V2_GAP_RECOVERY);
        return values == null ? v2Tier().recoveryTools()
                : values.stream().map(GapRecoveryTool::of).distinct().sorted().toList();
    }

    private int intOrTierDefault(String key, int tierDefault) {
        Integer value = getInt(key);
        return value == null ? tierDefault : value;
    }

    /**
     * What this config asks of X that its tier lacks, by key, each with a message that says so: backfill,
     * Recovery and the sample stream need Enterprise.
     */
    public Map<String, String> tierProblems() {
        ApiTier tier = v2Tier();
        Map<String, String> problems = new LinkedHashMap<>();
        if (tier.isEnterprise()) {
            return problems;
        }
        String lacks = " (" + V2_TIER + "=" + tier.configValue() + "): set " + V2_TIER + "="
                + ApiTier.ENTERPRISE.configValue() + " if the app's project has Enterprise access";
        if (v2BackfillMinutes() > 0) {
            problems.put(V2_BACKFILL_MINUTES, "X's backfill_minutes is Enterprise only, and this app is "
                    + tier.configValue() + lacks + ", or set " + V2_BACKFILL_MINUTES + "=0: gaps are then refilled"
                    + " by recent search");
        }
        if (v2GapRecovery().contains(GapRecoveryTool.RECOVERY)) {
            problems.put(V2_GAP_RECOVERY, "X's Recovery (start_time/end_time on the stream) is Enterprise only, and"
                    + " this app is " + tier.configValue() + lacks + ", or leave 'recovery' out of " + V2_GAP_RECOVERY);
        }
        if (streamType() == StreamType.V2_FILTERED && v2RedundantConnection()) {
            problems.put(V2_REDUNDANT_CONNECTION, "X's redundant connections are Enterprise only, and this app is "
                    + tier.configValue() + lacks + ", or set " + V2_REDUNDANT_CONNECTION + "=false");
        }
        if (streamType() != StreamType.V2_FILTERED && streamType() != StreamType.V2_BATCH_COMPLIANCE) {
            problems.put(V2_STREAM, "X's " + getString(V2_STREAM) + " stream needs Enterprise access, and this app is "
                    + tier.configValue() + lacks + ", or read the filtered stream (" + V2_STREAM + "="
                    + V2_STREAM_FILTERED + ")");
        }
        return problems;
    }

    public int v2NetworkBackoffMs() {
        return getInt(V2_NETWORK_BACKOFF_MS);
    }

    public int v2HttpBackoffMs() {
        return getInt(V2_HTTP_BACKOFF_MS);
    }

    public int v2RateLimitBackoffMs() {
        return getInt(V2_RATE_LIMIT_BACKOFF_MS);
    }

    public String streamBaseUrl() {
        String url = getString(STREAM_BASE_URL);
        return url.endsWith("/") ? url : url + "/";
    }

    /** The partitions to read of a partitioned stream, as given; empty for all of them. */
    public List<Integer> v2Partitions() {
        return PartitionsValidator.parse(getList(V2_PARTITIONS));
    }

    public List<String> trackKeywords() {
        return TrackPhrases.distinct(getList(TRACK_KEYWORDS));
    }

    public List<Long> followUserIds() {
        List<Long> ids = new ArrayList<>();
        for (String id : getList(FOLLOW_USER_IDS)) {
            ids.add(Long.parseLong(id.trim()));
        }
        return ids;
    }

    public List<BoundingBox> locations() {
        return LocationsValidator.parse(getList(LOCATIONS));
    }

    public List<String> languages() {
        return getList(LANGUAGES).stream().map(String::trim).toList();
    }

    public String topic() {
        return getString(TOPIC);
    }

    public boolean tombstonesOnDelete() {
        return getBoolean(TOMBSTONES_ON_DELETE);
    }

    /** Where compliance notices go; empty when they are not written. */
    public String complianceTopic() {
        return getString(COMPLIANCE_TOPIC).trim();
    }

    public boolean includeRawJson() {
        return getBoolean(INCLUDE_RAW_JSON);
    }

    public int streamReadTimeoutMs() {
        return getInt(STREAM_READ_TIMEOUT_MS);
    }

    public int connectTimeoutMs() {
        return getInt(CONNECT_TIMEOUT_MS);
    }

    public int dedupeCacheSize() {
        return getInt(DEDUPE_CACHE_SIZE);
    }

    public int maxBatchSize() {
        return getInt(MAX_BATCH_SIZE);
    }

    public int pollTimeoutMs() {
        return getInt(POLL_TIMEOUT_MS);
    }

    public int queueCapacity() {
        return getInt(QUEUE_CAPACITY);
    }

    /** The budgets, the price and the warning fractions, as the cost package takes them. */
    public PostBudget.Limits budgetLimits() {
        return PostBudget.Limits.of(getLong(BUDGET_POSTS_PER_DAY), getLong(BUDGET_POSTS_PER_MONTH),
                getDouble(BUDGET_USD_PER_MONTH), getDouble(PRICE_PER_POST_USD),
                getList(BUDGET_WARN_FRACTIONS).stream().map(fraction -> Double.parseDouble(fraction.trim())).sorted().toList());
    }

    /** 0 when the task never asks X for the project's usage. */
    public int usagePollIntervalMs() {
        return getInt(USAGE_POLL_INTERVAL_MS);
    }

    /** The consumer settings for reading the topic in batch-compliance mode: the bootstrap servers, and the prefixed ones. */
    public Map<String, Object> complianceJobConsumerConfig() {
        Map<String, Object> consumer = new HashMap<>(originalsWithPrefix(COMPLIANCE_JOB_CONSUMER_PREFIX));
        consumer.put("bootstrap.servers", String.join(",", getList(COMPLIANCE_JOB_BOOTSTRAP_SERVERS)));
        return consumer;
    }

    public Duration complianceJobInterval() {
        return Duration.ofMillis(getLong(COMPLIANCE_JOB_INTERVAL_MS));
    }

    public Duration complianceJobLookback() {
        return Duration.ofHours(getInt(COMPLIANCE_JOB_LOOKBACK_HOURS));
    }

    public Duration complianceJobPollInterval() {
        return Duration.ofMillis(getInt(COMPLIANCE_JOB_POLL_INTERVAL_MS));
    }

    /** 0 when nothing is estimated. */
    public int estimateRulesMax() {
        return getInt(ESTIMATE_RULES_MAX);
    }
}
