package io.tweetstream.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The header's quick split against Spark's JSON parser, in a real local session. */
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
    void aHeaderReadsAsJsonWouldReadIt() {
        List<String> headers = List.of(
            "[]", "[\"kafka\"]", "[\"kafka\",\"apache spark\"]", "[\"naïve\",\"日本語\",\"a,b\"]", "[\"\"]",
            // Not what the connector writes, but JSON all the same: parsed, never split wrongly.
            "[\"kafka\", \"spark\"]", "[ \"kafka\" ]", "[\"say \\\"hi\\\"\",\"x\"]", "[\"back\\\\slash\"]", "[\"\\u00e9\"]",
            // Not an array of strings: null, so the value is read instead.
            "kafka", "\"kafka\"", "[1,2]", "{\"a\":1}", "[\"unterminated", "");
        Dataset<Row> values = spark.createDataset(headers, Encoders.STRING()).toDF("header");

        List<Row> rows = values.select(col("header"), TweetValues.jsonStrings(col("header")).as("split"),
                from_json(col("header"), DataTypes.createArrayType(DataTypes.StringType), Map.of("mode", "PERMISSIVE")).as("parsed"))
            .collectAsList();

        assertThat(rows).hasSize(headers.size()).allSatisfy(row -> assertThat(row.<Object>getAs("split"))
            .as("header %s", row.<String>getAs("header")).isEqualTo(row.getAs("parsed")));
        Map<String, Object> byHeader = new java.util.HashMap<>();
        rows.forEach(row -> byHeader.put(row.getAs("header"), row.isNullAt(1) ? null : row.getList(1)));
        assertThat(byHeader.get("[\"kafka\",\"apache spark\"]")).isEqualTo(List.of("kafka", "apache spark"));
        assertThat(byHeader.get("[\"kafka\", \"spark\"]")).isEqualTo(List.of("kafka", "spark"));
        assertThat(byHeader.get("[\"say \\\"hi\\\"\",\"x\"]")).isEqualTo(List.of("say \"hi\"", "x"));
        assertThat(byHeader.get("[]")).isEqualTo(List.of());
        assertThat(byHeader.get("kafka")).isNull();
    }
}
