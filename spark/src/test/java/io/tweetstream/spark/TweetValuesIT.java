package io.tweetstream.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;

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

/** Which headers are read as they are, against Spark's JSON parser and writer, in a real local session. */
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

    /**
     * Headers taken as compact arrays of strings are exactly that: valid JSON, written back the same
     * by Spark's own writer; everything else is left to the value (false), or null for no header.
     */
    @Test
    void takesACompactJsonArrayOfStringsAndNothingElse() {
        List<String> compact = List.of("[]", "[\"kafka\"]", "[\"kafka\",\"apache spark\"]", "[\"naïve\",\"日本語\",\"a,b\"]",
            "[\"\"]", "[\"a\",\"\",\"b\"]");
        List<String> other = List.of("[\"kafka\", \"spark\"]", "[ \"kafka\" ]", "[\"say \\\"hi\\\"\",\"x\"]",
            "[\"back\\\\slash\"]", "[\"\\u00e9\"]", "kafka", "\"kafka\"", "[1,2]", "{\"a\":1}", "[\"unterminated",
            "", "[\"a\"\"b\"]", "[\"a\"],[\"b\"]", "[\"a\",\"b\"],[\"c\"]");
        List<String> headers = new java.util.ArrayList<>(compact);
        headers.addAll(other);
        Dataset<Row> values = spark.createDataset(headers, Encoders.STRING()).toDF("header");

        Column parsed = from_json(col("header"), DataTypes.createArrayType(DataTypes.StringType), Map.of("mode", "PERMISSIVE"));
        List<Row> rows = values.select(col("header"), TweetValues.isCompactJsonStrings(col("header")).as("compact"),
                to_json(parsed).as("rewritten"))
            .collectAsList();

        Map<String, Boolean> taken = new java.util.HashMap<>();
        for (Row row : rows) {
            taken.put(row.getAs("header"), row.getAs("compact"));
            if (row.<Boolean>getAs("compact")) {
                assertThat(row.<String>getAs("rewritten")).as("Spark's JSON of %s", row.<String>getAs("header"))
                    .isEqualTo(row.getAs("header"));
            }
        }
        assertThat(compact).allSatisfy(header -> assertThat(taken.get(header)).as(header).isTrue());
        assertThat(other).allSatisfy(header -> assertThat(taken.get(header)).as(header).isFalse());
        assertThat(spark.sql("select 1").select(TweetValues.isCompactJsonStrings(lit(null).cast("string"))).first().isNullAt(0))
            .isTrue();
    }
}
