package io.tweetstream.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ReadmeTest {

    /** The README shows the options as the job prints them, so the two never drift apart. */
    @Test
    void readmeShowsTheJobsUsageVerbatim() throws IOException {
        String readme = Files.readString(Path.of("README.md"));

        assertThat(readme).contains("```\n" + TweetCountOptions.usage() + "```\n");
    }
}
