package io.tweetstream.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.timestamp_millis;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the fields the counts need out of the record values the connector's worker writes with
 * Kafka's {@code JsonConverter}, whichever way the worker is configured: with
 * {@code schemas.enable=true} a value is {@code {"schema": {...}, "payload": {...the tweet...}}},
 * with {@code false} it is the tweet's fields alone. Both can meet in one topic (a worker
 * reconfigured, two workers), so the format is told per record: the value is parsed against a
 * schema holding both the envelope's {@code payload} and the tweet's own top-level fields, and the
 * one that is there wins.
 *
 * <p>The tweet's {@code created_at} is a Connect {@code Timestamp}, which the converter writes as
 * epoch milliseconds. Everything else of the tweet is skipped by the parser unread.
 */
public final class TweetValues {

    /** True for a tombstone (a deleted tweet): a null value. */
    public static final String TOMBSTONE = "tombstone";
    /** True for a value that is not a tweet: not JSON, or without {@code id} or {@code created_at}. */
    public static final String MALFORMED = "malformed";
    public static final String ID = "id";
    /** The tweet's creation time, a timestamp. */
    public static final String CREATED_AT = "created_at";
    /** The phrases the tweet matched, never null (empty when the value has none). */
    public static final String MATCHED_KEYWORDS = "matched_keywords";

    private static final StructType TWEET = new StructType()
        .add(ID, DataTypes.LongType)
        .add(CREATED_AT, DataTypes.LongType)
        .add(MATCHED_KEYWORDS, DataTypes.createArrayType(DataTypes.StringType));

    /** The tweet's fields at the top level (schemas.enable=false) and under payload (true). */
    static final StructType EITHER_FORMAT = TWEET.add("payload", TWEET);

    private TweetValues() {}

    /**
     * The Kafka source's rows as {@value #TOMBSTONE}, {@value #MALFORMED}, {@value #ID},
     * {@value #CREATED_AT} and {@value #MATCHED_KEYWORDS}: one row per record, none dropped, so
     * that every record can be counted for what it is.
     */
    public static Dataset<Row> parse(Dataset<Row> kafkaRecords) {
        // PERMISSIVE: a value that is not JSON gives nulls instead of failing the query.
        Column json = from_json(col("value").cast(DataTypes.StringType), EITHER_FORMAT, Map.of("mode", "PERMISSIVE"));
        Dataset<Row> values = kafkaRecords.select(col("value").isNull().as(TOMBSTONE), json.as("json"));
        Column id = coalesce(col("json.payload." + ID), col("json." + ID));
        Column createdAt = coalesce(col("json.payload." + CREATED_AT), col("json." + CREATED_AT));
        Column keywords = coalesce(col("json.payload." + MATCHED_KEYWORDS), col("json." + MATCHED_KEYWORDS),
            array().cast(DataTypes.createArrayType(DataTypes.StringType)));
        return values.select(
            col(TOMBSTONE),
            not(col(TOMBSTONE)).and(id.isNull().or(createdAt.isNull())).as(MALFORMED),
            id.as(ID),
            timestamp_millis(createdAt).as(CREATED_AT),
            keywords.as(MATCHED_KEYWORDS));
    }
}
