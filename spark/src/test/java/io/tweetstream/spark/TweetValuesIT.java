package io.tweetstream.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Which headers the job takes as they are, in a real local session: those it takes decode in
 * {@link PartialCounts} to what Spark's own JSON parser reads; the others are left to the value.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TweetValuesIT {

    private SparkSession spark;

    @BeforeAll
    void startSpark() {
        spark = SparkSession.builder().master("local[1]").appName("TweetValuesIT")
            .config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    void stopSpark() {
        spark.stop();
    }

    @Test
    void takesCompactJsonArraysOfStringsAndLeavesEverythingElseToTheValue() {
        List<String> compact = List.of("[]", "[\"kafka\"]", "[\"kafka\",\"apache spark\"]", "[\"naïve\",\"日本語\",\"a,b\"]",
            "[\"\"]", "[\"a\",\"\",\"b\"]", "[\"say \\\"hi\\\"\",\"x\"]", "[\"back\\\\slash\"]", "[\"\\u00e9\",\"tab\\t\"]",
            "[\"],[\"]", "[\"a\\\\\",\"b\"]");
        List<String> other = List.of("[\"kafka\", \"spark\"]", "[ \"kafka\" ]", "kafka", "\"kafka\"", "[1,2]",
            "{\"a\":1}", "[\"unterminated", "[\"unterminated]", "", "[\"a\"\"b\"]", "[\"a\"],[\"b\"]",
            "[\"a\",\"b\"],[\"c\"]", "[\"bad \\x escape\"]", "[\"\\u00zz\"]", "[\"a\",]", "[,\"a\"]", "[\"a\\\"]",
            "{\"schema\":{\"type\":\"array\"},\"payload\":[\"kafka\"]}");
        List<String> headers = new ArrayList<>(compact);
        headers.addAll(other);
        Dataset<Row> values = spark.createDataset(headers, Encoders.STRING()).toDF("header");

        Column parsed = from_json(col("header"), DataTypes.createArrayType(DataTypes.StringType), Map.of("mode", "FAILFAST"));
        Map<String, Boolean> taken = new HashMap<>();
        for (Row row : values.select(col("header"), TweetValues.isCompactJsonStrings(col("header")).as("taken"))
                .collectAsList()) {
            taken.put(row.getAs("header"), row.getAs("taken"));
        }
        assertThat(compact).allSatisfy(header -> assertThat(taken.get(header)).as(header).isTrue());
        assertThat(other).allSatisfy(header -> assertThat(taken.get(header)).as(header).isFalse());

        // What PartialCounts reads of each header taken is what Spark's parser reads of it.
        List<Row> sparks = values.where(col("header").isin(compact.toArray())).select(col("header"), parsed.as("phrases"))
            .collectAsList();
        assertThat(sparks).hasSize(compact.size()).allSatisfy(row -> assertThat(
                PartialCounts.distinctPhrases(row.getAs("header")))
            .as(row.<String>getAs("header"))
            .containsExactlyElementsOf(row.<String>getList(1).stream().distinct().toList()));
        assertThat(spark.sql("select 1").select(TweetValues.isCompactJsonStrings(lit(null).cast("string"))).first().isNullAt(0))
            .isTrue();
    }
}
