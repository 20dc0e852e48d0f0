package io.tweetstream.simulator.generate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkTest {

    @Test
    void aTcoAddressIsAlways23Characters() {
        Link link = Link.to("https://example.com/", new Dice(1));

        assertThat(link.url()).startsWith("https://t.co/").hasSize(Link.TCO_LENGTH);
    }

    @Test
    void theDisplayFormDropsTheSchemeAndWwwAndCutsLongPaths() {
        assertThat(Link.display("https://www.kafka.com/blog")).isEqualTo("kafka.com/blog");
        assertThat(Link.display("https://twitter.com/i/web/status/1234567890"))
                .isEqualTo("twitter.com/i/web/status/1…");
    }

    @Test
    void theDisplayFormNeverCutsTheHost() {
        String host = "averyveryveryverylongkeyword.com";

        assertThat(Link.display("https://www." + host + "/docs/page")).isEqualTo(host + "/…");
    }
}
