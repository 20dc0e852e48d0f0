package io.tweetstream.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_position;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.timestamp_millis;
import static org.apache.spark.sql.functions.to_json;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads what the counts need, a tweet's creation time and the phrases it matched, out of the records
 * the connector writes, by the cheapest way the record offers:
 *
 * <ul>
 *   <li><b>From the record's metadata</b>, without reading the value: the connector writes the
 *       matched phrases into the header {@value #KEYWORDS_HEADER}, a compact JSON array of strings
 *       ({@code ["kafka","apache spark"]}), and the tweet's {@code created_at} as the record's
 *       timestamp. Used when the header is such an array (see {@link #isCompactJsonStrings}) and the
 *       timestamp is the producer's ({@code CreateTime}: a topic with
 *       {@code message.timestamp.type=LogAppendTime} has the broker's time there instead).
 *   <li><b>From the value</b>, otherwise (records of an older connector, another producer, a worker
 *       whose header converter writes something else): the JSON that Kafka's {@code JsonConverter}
 *       writes, whichever way the worker is configured. With {@code schemas.enable=true} a value is
 *       {@code {"schema": {...}, "payload": {...the tweet...}}}, with {@code false} the tweet's fields
 *       alone; both can meet in one topic, so the value is parsed against a schema holding both the
 *       envelope's {@code payload} and the tweet's own fields, and the one that is there wins.
 *       {@code created_at} is a Connect {@code Timestamp}: epoch milliseconds.
 * </ul>
 *
 * Either way the phrases come out as JSON text, which {@link PartialCounts} reads
 * once per distinct text: tweets mostly share a few combinations of phrases. Both ways give the
 * same counts for the connector's records (the tests check it); the first skips the JSON parse of
 * the value, which is most of the job's cost.
 */
public final class TweetValues {

    /** The record header holding the tweet's matched phrases, as the connector writes it. */
    public static final String KEYWORDS_HEADER = "tweetstream.matched_keywords";

    /** True for a tombstone (a deleted tweet): a null value (and so no header of the connector's, which its tombstones never have). */
    public static final String TOMBSTONE = "tombstone";
    /** True for a value that is not a tweet: not JSON, or without {@code id} or {@code created_at}. */
    public static final String MALFORMED = "malformed";
    /** True for a tweet read from its header and timestamp, false for one parsed from its value. */
    public static final String FROM_HEADER = "from_header";
    /** The tweet's creation time, a timestamp. */
    public static final String CREATED_AT = "created_at";
    /** The phrases the tweet matched as a JSON array of strings, never null ({@code []} for none). */
    public static final String MATCHED_KEYWORDS = "matched_keywords";

    private static final ArrayType STRINGS = DataTypes.createArrayType(DataTypes.StringType);
    private static final StructType TWEET = new StructType()
        .add("id", DataTypes.LongType)
        .add(CREATED_AT, DataTypes.LongType)
        .add(MATCHED_KEYWORDS, STRINGS);

    /** The tweet's fields at the top level (schemas.enable=false) and under payload (true). */
    static final StructType EITHER_FORMAT = TWEET.add("payload", TWEET);

    /** A JSON string's characters: anything but a quote or a backslash, or one of JSON's escapes. */
    private static final String JSON_STRING = "\"(?:[^\"\\\\]++|\\\\(?:[\"\\\\/bfnrt]|u[0-9a-fA-F]{4}))*+\"";
    /** {@code []} or strings separated by commas, nothing around them: a possessive regex, no backtracking. */
    private static final String COMPACT_JSON_STRINGS = "^\\[(?:" + JSON_STRING + "(?:," + JSON_STRING + ")*+)?\\]$";

    /** Kafka's {@code timestampType} of a timestamp the producer set. */
    private static final int CREATE_TIME = 0;

    private TweetValues() {}

    /**
     * The Kafka source's rows (read with {@code includeHeaders}) as {@value #TOMBSTONE},
     * {@value #MALFORMED}, {@value #FROM_HEADER}, {@value #CREATED_AT} and {@value #MATCHED_KEYWORDS}:
     * one row per record, none dropped, so that every record can be counted for what it is.
     */
    public static Dataset<Row> parse(Dataset<Row> kafkaRecords) {
        Column header = keywordsHeader();
        Column fromHeader = coalesce(isCompactJsonStrings(header), lit(false)).and(col("timestampType").equalTo(CREATE_TIME));
        // Only what the header cannot answer goes on: the value is copied and parsed only for the
        // records that need it, and the JSON parse is most of the cost. The value is referenced
        // once, in that branch: a column referenced twice is read (its 3 kB copied) for every
        // record before the projection's code, and a null check alone reads it too.
        Dataset<Row> withHeader = kafkaRecords.select(
            col("timestamp"),
            fromHeader.as(FROM_HEADER),
            header.as("header"),
            when(not(fromHeader), col("value").cast(DataTypes.StringType)).as("json_value"));
        // PERMISSIVE: a value that is not JSON gives nulls instead of failing the query. from_json
        // has no generated code, so Spark evaluates its input interpreted: referenced twice here,
        // json_value stays a column of the projection above, whose code is generated, instead of
        // being inlined as the whole header lookup, interpreted for every record.
        Column jsonValue = col("json_value");
        Column json = when(jsonValue.isNotNull(), from_json(jsonValue, EITHER_FORMAT, Map.of("mode", "PERMISSIVE")));
        // A record with the connector's header is a tweet: its tombstones (deletes) have none.
        Column tombstone = not(col(FROM_HEADER)).and(jsonValue.isNull());
        Dataset<Row> values = withHeader.select(col("timestamp"), tombstone.as(TOMBSTONE), col(FROM_HEADER),
            col("header"), json.as("json"));
        Column id = coalesce(col("json.payload.id"), col("json.id"));
        Column createdAt = coalesce(col("json.payload." + CREATED_AT), col("json." + CREATED_AT));
        Column valueKeywords = to_json(coalesce(col("json.payload." + MATCHED_KEYWORDS), col("json." + MATCHED_KEYWORDS),
            array().cast(STRINGS)));
        return values.select(
            col(TOMBSTONE),
            not(col(TOMBSTONE)).and(not(col(FROM_HEADER))).and(id.isNull().or(createdAt.isNull())).as(MALFORMED),
            col(FROM_HEADER),
            when(col(FROM_HEADER), col("timestamp")).otherwise(timestamp_millis(createdAt)).as(CREATED_AT),
            when(col(FROM_HEADER), col("header")).otherwise(valueKeywords).as(MATCHED_KEYWORDS));
    }

    /**
     * The value of the header {@value #KEYWORDS_HEADER} as text, null for a record without it. Found
     * by position in the headers' keys rather than with filter(), which Spark evaluates without
     * generated code, at a cost per record several times this one.
     */
    static Column keywordsHeader() {
        Column position = array_position(col("headers.key"), KEYWORDS_HEADER).cast(DataTypes.IntegerType);
        return when(position.gt(0), element_at(col("headers.value"), position).cast(DataTypes.StringType));
    }

    /**
     * Whether a header is a JSON array of strings in the compact form the connector (Jackson) and
     * Spark write: {@code []}, {@code ["kafka","apache spark"]}, escapes allowed. Anything else
     * (another header converter's {@code {"schema":...}} envelope, a bare string, spaces between
     * elements, broken JSON) is left to the value, so a header the job cannot read costs a parse,
     * never a count. Null for null.
     */
    static Column isCompactJsonStrings(Column header) {
        return header.rlike(COMPACT_JSON_STRINGS);
    }
}
