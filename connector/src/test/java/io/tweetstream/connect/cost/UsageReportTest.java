package io.tweetstream.connect.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class UsageReportTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsXsNumbersSentAsStringsAndTodaysDailyUsage() throws Exception {
        UsageReport report = UsageReport.of(json.readTree("""
                {"data":{"cap_reset_day":18,"project_cap":"3000000","project_id":"1","project_usage":"1234",
                 "daily_project_usage":{"project_id":"1","usage":[
                   {"date":"2026-12-01T00:00:00.000Z","usage":"1000"},{"date":"2026-12-02T00:00:00.000Z","usage":"234"}]}}}
                """), LocalDate.parse("2026-12-02"));
        assertEquals(new UsageReport(1234, 3_000_000, 18, LocalDate.parse("2026-12-02"), 234), report);
    }

    @Test
    void readsTheDocumentedNumbersAndAnAbsentDayAsUnknown() throws Exception {
        UsageReport report = UsageReport.of(json.readTree("""
                {"data":{"project_cap":10000000,"project_usage":15420,"cap_reset_day":1}}
                """), LocalDate.parse("2026-12-02"));
        assertEquals(15_420, report.projectUsage());
        assertEquals(10_000_000, report.projectCap());
        assertEquals(-1, report.postsToday());
    }

    @Test
    void aRulesVolumeIsScaledToADayFromTheWindowXCounted() throws Exception {
        RuleVolume volume = RuleVolume.of("kafka", json.readTree("""
                {"data":[{"start":"2026-12-01T10:00:00.000Z","end":"2026-12-01T11:00:00.000Z","tweet_count":100},
                         {"start":"2026-12-01T11:00:00.000Z","end":"2026-12-01T12:00:00.000Z","tweet_count":200}],
                 "meta":{"total_tweet_count":300}}
                """));
        assertEquals(300, volume.posts());
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), volume.from());
        assertEquals(3_600, volume.postsPerDay(), 1e-9);
    }
}
